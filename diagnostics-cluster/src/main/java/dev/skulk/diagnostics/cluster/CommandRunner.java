package dev.skulk.diagnostics.cluster;

import dev.skulk.diagnostics.cluster.internal.ProcessCommandRunner;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import java.time.Duration;
import java.util.List;

/**
 * Runs one process-sampling command and reports it as a {@link DiagnosticProcessSample}. The seam
 * through which a {@link ProcessSampler} runs tools, so tests can replace the real processes.
 *
 * <p>Implementations must be thread-safe and must return within about {@code timeout} whatever the
 * command does: the contract of {@link #system()} is to kill the command (and its descendants) at
 * the timeout, report {@code Timed out after <s>s}, report a missing executable as {@code <exe> not
 * found on PATH}, and cut each output at 64,000 characters plus {@code \n... <truncated>}.
 */
public interface CommandRunner {

  /**
   * Runs {@code command} (argv; the first element is looked up on {@code PATH} unless it contains a
   * {@code /}) with no input, waiting at most {@code timeout}.
   *
   * @param name the sample's name in the capture bundle
   */
  DiagnosticProcessSample run(String name, List<String> command, Duration timeout);

  /** Whether {@code executable} can be run (found on {@code PATH}, or an executable path). */
  boolean isAvailable(String executable);

  /** The real runner: processes started with {@link ProcessBuilder}, the current {@code PATH}. */
  static CommandRunner system() {
    return ProcessCommandRunner.fromEnvironment();
  }
}
