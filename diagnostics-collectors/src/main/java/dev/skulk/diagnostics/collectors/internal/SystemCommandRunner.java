package dev.skulk.diagnostics.collectors.internal;

import dev.skulk.diagnostics.support.ExternalCommand;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Starts real processes through the SDK's one process runner, {@link ExternalCommand} (both pipes
 * drained, the program and its descendants killed at the timeout or after the stop line, output
 * capped), and maps its result onto {@link CommandRunner}'s contract: standard output's lines,
 * standard error discarded, a non-zero exit or a timeout an exception.
 */
final class SystemCommandRunner implements CommandRunner {

  static final SystemCommandRunner INSTANCE = new SystemCommandRunner();

  private SystemCommandRunner() {}

  @Override
  public List<String> run(List<String> command, Duration timeout, Predicate<String> stopAfter)
      throws IOException, InterruptedException {
    ExternalCommand.Result result =
        ExternalCommand.builder(command).timeout(timeout).stopAfterLine(stopAfter).run();
    if (result.interrupted()) {
      Thread.interrupted(); // reported by the exception instead, as InterruptedException does
      throw new InterruptedException("interrupted while running " + command.get(0));
    }
    if (result.stoppedEarly()) {
      return result.stdoutLines();
    }
    if (result.timedOut()) {
      throw new CommandTimeoutException(command, timeout);
    }
    Integer exit = result.exitCode();
    if (exit == null || exit != 0) {
      throw new IOException(command.get(0) + " exited with status " + exit);
    }
    return result.stdoutLines();
  }
}
