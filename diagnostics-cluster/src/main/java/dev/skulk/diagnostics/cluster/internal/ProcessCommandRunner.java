package dev.skulk.diagnostics.cluster.internal;

import dev.skulk.diagnostics.cluster.CommandRunner;
import dev.skulk.diagnostics.json.PythonFloats;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import dev.skulk.diagnostics.time.Ticker;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CommandRunner#system()}: runs a command with {@link ProcessBuilder}, drains stdout and
 * stderr on two threads while waiting (a chatty tool can never block on a full pipe), kills the
 * command and its descendants at the timeout and returns what it had written. Not a stable API.
 *
 * <p>Thread-safe; each call costs a process and two short-lived daemon threads.
 */
public final class ProcessCommandRunner implements CommandRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessCommandRunner.class);

  /** After a kill, how long to wait for the pipes to close before giving up on the rest. */
  private static final long DRAIN_GRACE_MILLIS = 1_000;

  private final List<Path> searchPath;
  private final Ticker ticker;

  /** A runner that looks executables up on {@code searchPath}, timing with {@code ticker}. */
  public ProcessCommandRunner(List<Path> searchPath, Ticker ticker) {
    this.searchPath = List.copyOf(searchPath);
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  /** A runner using this process's {@code PATH}. */
  public static ProcessCommandRunner fromEnvironment() {
    String path = System.getenv("PATH");
    List<Path> dirs = new ArrayList<>();
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          dirs.add(Path.of(dir));
        }
      }
    }
    return new ProcessCommandRunner(dirs, Ticker.system());
  }

  @Override
  public boolean isAvailable(String executable) {
    return resolve(executable) != null;
  }

  private @Nullable Path resolve(String executable) {
    if (executable.indexOf('/') >= 0 || executable.indexOf(File.separatorChar) >= 0) {
      Path path = Path.of(executable);
      return Files.isRegularFile(path) && Files.isExecutable(path) ? path : null;
    }
    for (Path dir : searchPath) {
      Path candidate = dir.resolve(executable);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @Override
  public DiagnosticProcessSample run(String name, List<String> command, Duration timeout) {
    List<String> argv = List.copyOf(command);
    if (argv.isEmpty()) {
      return failed(name, argv, 0.0, "Empty command");
    }
    Path executable = resolve(argv.get(0));
    if (executable == null) {
      return failed(name, argv, 0.0, argv.get(0) + " not found on PATH");
    }
    List<String> resolved = new ArrayList<>(argv);
    resolved.set(0, executable.toString());
    long start = ticker.read();
    Process process;
    try {
      process =
          new ProcessBuilder(resolved)
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
    } catch (IOException | RuntimeException e) {
      return failed(name, argv, seconds(ticker.read() - start), "Failed to start " + argv.get(0) + ": " + e.getMessage());
    }
    Drain out = Drain.start(process.getInputStream(), name + "-stdout");
    Drain err = Drain.start(process.getErrorStream(), name + "-stderr");
    boolean finished;
    boolean interrupted = false;
    try {
      finished = process.waitFor(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      finished = false;
      interrupted = true;
    }
    if (!finished) {
      killTree(process);
      out.awaitOrAbandon();
      err.awaitOrAbandon();
      double elapsed = seconds(ticker.read() - start);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      String error =
          interrupted
              ? "Interrupted after " + PythonFloats.pythonRepr(elapsed) + "s"
              : "Timed out after " + PythonFloats.pythonRepr(timeout.toNanos() / 1e9) + "s";
      return new DiagnosticProcessSample(name, argv, false, null, elapsed, out.text(), err.text(), error);
    }
    // The command exited; a grandchild may still hold the pipes, so bound the final drain too.
    out.awaitOrAbandon();
    err.awaitOrAbandon();
    int exit = process.exitValue();
    double elapsed = seconds(ticker.read() - start);
    return new DiagnosticProcessSample(name, argv, exit == 0, exit, elapsed, out.text(), err.text(), null);
  }

  private static DiagnosticProcessSample failed(String name, List<String> argv, double seconds, String error) {
    return new DiagnosticProcessSample(name, argv, false, null, seconds, null, null, error);
  }

  private static void killTree(Process process) {
    // Descendants first: `sh -c 'sleep 30'` leaves the sleep holding our pipes otherwise.
    try {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
    } catch (RuntimeException e) {
      LOG.debug("Could not list the descendants of pid {}", process.pid(), e);
    }
    process.destroyForcibly();
    try {
      process.waitFor(DRAIN_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static File nullDevice() {
    return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
  }

  private static double seconds(long nanos) {
    return Math.max(0, nanos) / 1e9;
  }

  /** Reads one stream to its end on a daemon thread, keeping the first {@link OutputText#MAX_BYTES}. */
  private static final class Drain implements Runnable {
    private final InputStream in;
    private final CountDownLatch done = new CountDownLatch(1);
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean dropped;

    private Drain(InputStream in) {
      this.in = in;
    }

    static Drain start(InputStream in, String name) {
      Drain drain = new Drain(in);
      Thread thread = new Thread(drain, "skulk-diag-" + name);
      thread.setDaemon(true);
      thread.start();
      return drain;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          synchronized (this) {
            int room = OutputText.MAX_BYTES - kept.size();
            if (n > room) {
              dropped = true;
            }
            kept.write(buffer, 0, Math.max(0, Math.min(n, room)));
          }
        }
      } catch (IOException e) {
        // The stream was closed under us after a timeout: keep what arrived.
      } finally {
        done.countDown();
      }
    }

    void awaitOrAbandon() {
      try {
        if (!done.await(DRAIN_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
          in.close();
          done.await(DRAIN_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
      } catch (IOException e) {
        LOG.debug("Could not close a command's output stream", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    synchronized String text() {
      String decoded = new String(kept.toByteArray(), StandardCharsets.UTF_8);
      return OutputText.truncate(decoded, dropped);
    }
  }
}
