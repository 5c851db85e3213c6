package dev.skulk.diagnostics.cluster;

/**
 * Thrown by {@link CaptureService#capture} when another capture is still running on this node: at
 * most one runs at a time, because process sampling is heavy. The HTTP endpoint answers 429.
 */
public final class CaptureBusyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The message a client sees. */
  public static final String MESSAGE = "A diagnostics capture is already running on this node.";

  /** A busy signal with {@link #MESSAGE}. */
  public CaptureBusyException() {
    super(MESSAGE);
  }
}
