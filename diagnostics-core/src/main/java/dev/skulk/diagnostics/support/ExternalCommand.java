package dev.skulk.diagnostics.support;

import dev.skulk.diagnostics.time.Ticker;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's one way to run an external program (a platform tool such as {@code nvidia-smi},
 * {@code mactop}, {@code networksetup}, {@code jcmd} or {@code sample}) and collect what it wrote.
 *
 * <p>What every run guarantees:
 *
 * <ul>
 *   <li><b>No shell</b>: the command is an argument vector; standard input is the null device.
 *   <li><b>Both pipes drained</b> while the program runs, so a program that writes a lot to either
 *       can never block on a full pipe; each stream keeps at most {@link
 *       Builder#maxOutputBytes(int)} bytes and says whether more was dropped.
 *   <li><b>A timeout</b>: when it passes, the program <i>and its descendants</i> are killed
 *       ({@code sh -c 'sleep 30'} would otherwise leave the {@code sleep} holding the pipes), and
 *       the result says {@link Result#timedOut()}. Output written before the kill is kept.
 *   <li><b>An early stop</b> for programs that stream ({@code mactop --headless}): with {@link
 *       Builder#stopAfterLine(Predicate)}, the first standard-output line that satisfies the
 *       predicate ends the run, and the program and its descendants are killed.
 *   <li><b>Bounded waits</b>: after the program ends, a descendant that still holds a pipe is given
 *       one second, then the pipe is closed; the caller's thread never waits past the timeout plus
 *       a few seconds of grace.
 *   <li><b>Interrupts</b>: interrupting the calling thread kills the program; the result says
 *       {@link Result#interrupted()} and the thread's interrupt status is restored.
 * </ul>
 *
 * <p>Thread-safe: runs share nothing but a pool of daemon threads ({@code
 * skulk-diag-command-io-N}) that drain the pipes; idle threads end after ten seconds. Cost per
 * run: one process start (a fork/exec, about a millisecond) and two pooled drain tasks.
 *
 * <pre>{@code
 * ExternalCommand.Result result = ExternalCommand.builder(List.of("nvidia-smi", "--query-gpu=name"))
 *     .timeout(Duration.ofSeconds(10))
 *     .run();
 * if (result.exitedNormally() && result.exitCode() == 0) {
 *   List<String> lines = result.stdoutLines();
 * }
 * }</pre>
 */
public final class ExternalCommand {

  private static final Logger LOG = LoggerFactory.getLogger(ExternalCommand.class);

  /** The default cap of each stream: 4 MiB, far above anything the SDK's tools write. */
  public static final int DEFAULT_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

  /** After a kill or exit, how long a pipe may stay open before it is closed under its reader. */
  private static final long DRAIN_GRACE_MILLIS = 1_000;

  /** Drains pipes; threads are created on demand and end when idle, so an idle SDK holds none. */
  private static final ExecutorService DRAINS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS,
      new SynchronousQueue<>(), DaemonThreads.named("skulk-diag-command-io"));

  private ExternalCommand() {}

  /**
   * A run of {@code command} (the executable, found on the {@code PATH} by the operating system
   * unless it is a path, and its arguments), with a 10 s timeout unless told otherwise.
   */
  public static Builder builder(List<String> command) {
    return new Builder(command);
  }

  /** Configures and starts one run. Not thread-safe; {@link #run()} may be called more than once. */
  public static final class Builder {
    private final List<String> command;
    private Duration timeout = Duration.ofSeconds(10);
    private int maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;
    private @Nullable Predicate<String> stopAfterLine;
    private Ticker ticker = Ticker.system();

    private Builder(List<String> command) {
      this.command = List.copyOf(command);
      if (this.command.isEmpty()) {
        throw new IllegalArgumentException("empty command");
      }
    }

    /** How long the program may run before it and its descendants are killed (default 10 s). */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("negative timeout: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** How many bytes of each stream are kept (default {@value #DEFAULT_MAX_OUTPUT_BYTES}). */
    public Builder maxOutputBytes(int maxOutputBytes) {
      if (maxOutputBytes < 0) {
        throw new IllegalArgumentException("negative cap: " + maxOutputBytes);
      }
      this.maxOutputBytes = maxOutputBytes;
      return this;
    }

    /**
     * Ends the run at the first standard-output line (terminated by {@code \n}, a trailing {@code
     * \r} removed) that satisfies {@code predicate}: that line is the last of {@link
     * Result#stdoutLines()}, and the program is killed. Only lines within the output cap are seen.
     */
    public Builder stopAfterLine(Predicate<String> predicate) {
      this.stopAfterLine = Objects.requireNonNull(predicate, "predicate");
      return this;
    }

    /** The ticker {@link Result#elapsed()} is measured on (default {@link Ticker#system()}). */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * Runs the program to its end, its timeout, the stop line or an interrupt, whichever comes
     * first.
     *
     * @throws IOException when the program cannot be started (not found, not executable)
     */
    public Result run() throws IOException {
      return ExternalCommand.run(this);
    }
  }

  private static Result run(Builder request) throws IOException {
    long start = request.ticker.read();
    Process process;
    try {
      process = new ProcessBuilder(request.command).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
    } catch (RuntimeException e) {
      throw new IOException("Cannot run program \"" + request.command.get(0) + "\": " + e, e);
    }
    Drain out = Drain.start(process.getInputStream(), request.maxOutputBytes, request.stopAfterLine, process);
    Drain err = Drain.start(process.getErrorStream(), request.maxOutputBytes, null, process);
    boolean exited;
    boolean interrupted = false;
    try {
      exited = process.waitFor(Math.max(0, request.timeout.toNanos()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      exited = false;
      interrupted = true;
    }
    if (!exited) {
      killTree(process);
    }
    out.awaitOrAbandon();
    err.awaitOrAbandon();
    // After the drains: a program that wrote the stop line and exited at once still counts as stopped.
    boolean stopped = out.stopped();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    long elapsed = Math.max(0, request.ticker.read() - start);
    Integer exitCode = exited && !stopped ? process.exitValue() : null;
    boolean timedOut = !exited && !interrupted && !stopped;
    return new Result(request.command, exitCode, timedOut, interrupted, stopped, Duration.ofNanos(elapsed),
        out.bytes(), out.dropped(), out.stopOffset(), err.bytes(), err.dropped());
  }

  private static void killTree(Process process) {
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

  /** What one run produced. Immutable and thread-safe. */
  public static final class Result {
    private final List<String> command;
    private final @Nullable Integer exitCode;
    private final boolean timedOut;
    private final boolean interrupted;
    private final boolean stoppedEarly;
    private final Duration elapsed;
    private final byte[] stdout;
    private final boolean stdoutTruncated;
    private final int stopOffset;
    private final byte[] stderr;
    private final boolean stderrTruncated;

    private Result(List<String> command, @Nullable Integer exitCode, boolean timedOut, boolean interrupted,
        boolean stoppedEarly, Duration elapsed, byte[] stdout, boolean stdoutTruncated, int stopOffset,
        byte[] stderr, boolean stderrTruncated) {
      this.command = command;
      this.exitCode = exitCode;
      this.timedOut = timedOut;
      this.interrupted = interrupted;
      this.stoppedEarly = stoppedEarly;
      this.elapsed = elapsed;
      this.stdout = stdout;
      this.stdoutTruncated = stdoutTruncated;
      this.stopOffset = stopOffset;
      this.stderr = stderr;
      this.stderrTruncated = stderrTruncated;
    }

    /** The command as given. */
    public List<String> command() {
      return command;
    }

    /**
     * True when the program exited by itself and no stop line was seen (not killed by a timeout, a
     * stop line or an interrupt).
     */
    public boolean exitedNormally() {
      return exitCode != null;
    }

    /** The exit status when the program {@linkplain #exitedNormally() exited by itself}, else null. */
    public @Nullable Integer exitCode() {
      return exitCode;
    }

    /** True when the timeout passed first and the program was killed. */
    public boolean timedOut() {
      return timedOut;
    }

    /** True when the calling thread was interrupted and the program was killed. */
    public boolean interrupted() {
      return interrupted;
    }

    /** True when a standard-output line satisfied the stop predicate and the program was killed. */
    public boolean stoppedEarly() {
      return stoppedEarly;
    }

    /** From just before the start to the end of the drains, on the builder's ticker. */
    public Duration elapsed() {
      return elapsed;
    }

    /** Standard output as UTF-8 (malformed bytes replaced), as much as was kept. */
    public String stdoutText() {
      return new String(stdout, 0, stdoutLength(), StandardCharsets.UTF_8);
    }

    /**
     * Standard output split into lines as {@link BufferedReader#readLine()} splits them ({@code
     * \n}, {@code \r\n} or {@code \r}); after an early stop, up to and including the stop line.
     */
    public List<String> stdoutLines() {
      List<String> lines = new ArrayList<>();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(
          new ByteArrayInputStream(stdout, 0, stdoutLength()), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e); // cannot happen: reading memory
      }
      return lines;
    }

    /** True when standard output was longer than the cap and the rest was dropped. */
    public boolean stdoutTruncated() {
      return stdoutTruncated;
    }

    /** Standard error as UTF-8 (malformed bytes replaced), as much as was kept. */
    public String stderrText() {
      return new String(stderr, StandardCharsets.UTF_8);
    }

    /** True when standard error was longer than the cap and the rest was dropped. */
    public boolean stderrTruncated() {
      return stderrTruncated;
    }

    private int stdoutLength() {
      return stoppedEarly ? stopOffset : stdout.length;
    }

    @Override
    public String toString() {
      return "ExternalCommand.Result[" + command.get(0) + ", exit=" + exitCode + ", timedOut=" + timedOut
          + ", interrupted=" + interrupted + ", stoppedEarly=" + stoppedEarly + ", elapsed=" + elapsed + "]";
    }
  }

  /** Reads one stream to its end on a pooled thread, keeping the first {@code cap} bytes. */
  private static final class Drain implements Runnable {
    private final InputStream in;
    private final int cap;
    private final @Nullable Predicate<String> stopAfterLine;
    private final Process process;
    private final CountDownLatch done = new CountDownLatch(1);
    // Guarded by this.
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean dropped;
    private int stopOffset = -1;

    private Drain(InputStream in, int cap, @Nullable Predicate<String> stopAfterLine, Process process) {
      this.in = in;
      this.cap = cap;
      this.stopAfterLine = stopAfterLine;
      this.process = process;
    }

    static Drain start(InputStream in, int cap, @Nullable Predicate<String> stopAfterLine, Process process) {
      Drain drain = new Drain(in, cap, stopAfterLine, process);
      try {
        DRAINS.execute(drain);
      } catch (RuntimeException e) {
        // No thread to be had: a thread of its own, so that the pipe is still drained.
        Thread thread = DaemonThreads.named("skulk-diag-command-io-fallback").newThread(drain);
        thread.start();
      }
      return drain;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          boolean stop;
          synchronized (this) {
            int offset = kept.size();
            int keep = Math.max(0, Math.min(n, cap - offset));
            if (n > keep) {
              dropped = true;
            }
            kept.write(buffer, 0, keep);
            stop = stopOffset < 0 && scanForStopLine(buffer, keep, offset);
          }
          if (stop) {
            killTree(process);
            // Keep draining what is left so that the program's descendants never block.
          }
        }
      } catch (IOException e) {
        // The stream was closed under us after a kill: keep what arrived.
      } finally {
        done.countDown();
      }
    }

    /**
     * Feeds {@code count} new bytes (which start at {@code offset} of the kept output) to the
     * current line; tests each completed line and notes the offset just past the first that
     * matches. Guarded by this.
     */
    private boolean scanForStopLine(byte[] bytes, int count, int offset) {
      if (stopAfterLine == null) {
        return false;
      }
      for (int i = 0; i < count; i++) {
        if (bytes[i] != '\n') {
          line.write(bytes[i]);
          continue;
        }
        byte[] raw = line.toByteArray();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        line.reset();
        if (stopAfterLine.test(new String(raw, 0, length, StandardCharsets.UTF_8))) {
          stopOffset = offset + i + 1;
          return true;
        }
      }
      return false;
    }

    synchronized boolean stopped() {
      return stopOffset >= 0;
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

    synchronized byte[] bytes() {
      return kept.toByteArray();
    }

    synchronized boolean dropped() {
      return dropped;
    }

    synchronized int stopOffset() {
      return stopOffset;
    }
  }
}
