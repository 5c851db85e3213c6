package dev.skulk.diagnostics.cluster;

/**
 * Thrown by {@link CaptureService#capture} when the request names a runner or a task and no local
 * runner matches. The HTTP endpoint answers 404 with {@link #MESSAGE}, as Python Skulk does.
 */
public final class NoMatchingRunnerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Python Skulk's exact text. */
  public static final String MESSAGE = "No local runner matched the requested runnerId/taskId.";

  /** The no-match signal with {@link #MESSAGE}. */
  public NoMatchingRunnerException() {
    super(MESSAGE);
  }
}
