package dev.skulk.diagnostics.collectors.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Starts real processes. The caller's thread reads standard output; a watchdog on the common
 * delayed executor kills the process when the timeout passes, which ends the read.
 */
final class SystemCommandRunner implements CommandRunner {

  static final SystemCommandRunner INSTANCE = new SystemCommandRunner();

  /** Output beyond this many lines is not kept: no tool we run writes that much. */
  private static final int MAX_LINES = 100_000;

  private SystemCommandRunner() {}

  @Override
  public List<String> run(List<String> command, Duration timeout, Predicate<String> stopAfter)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    Process process = builder.start();
    process.getOutputStream().close();
    AtomicBoolean timedOut = new AtomicBoolean();
    CompletableFuture<Void> watchdog =
        CompletableFuture.runAsync(
            () -> {
              if (process.isAlive()) {
                timedOut.set(true);
                process.destroyForcibly();
              }
            },
            // Its own thread: the default async pool can be a single busy worker on small machines.
            CompletableFuture.delayedExecutor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS,
                SystemCommandRunner::startWatchdog));
    List<String> lines = new ArrayList<>();
    boolean stoppedEarly = false;
    boolean readToEnd = false;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (lines.size() < MAX_LINES) {
          lines.add(line);
        }
        if (stopAfter.test(line)) {
          stoppedEarly = true;
          break;
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("interrupted while reading " + command.get(0));
        }
      }
      readToEnd = !stoppedEarly;
    } finally {
      if (!readToEnd) {
        process.destroyForcibly();
      }
      watchdog.cancel(false);
    }
    if (stoppedEarly) {
      return lines;
    }
    if (!process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new CommandTimeoutException(command, timeout);
    }
    if (timedOut.get()) {
      throw new CommandTimeoutException(command, timeout);
    }
    if (process.exitValue() != 0) {
      throw new IOException(command.get(0) + " exited with status " + process.exitValue());
    }
    return lines;
  }

  private static void startWatchdog(Runnable kill) {
    Thread watchdog = new Thread(kill, "skulk-diag-command-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
