package dev.skulk.diagnostics.cluster;

/**
 * Thrown by {@link CaptureService#capture} for a request it cannot serve as asked (a sample
 * duration outside 1..10 seconds). The HTTP endpoint answers 400 with the message.
 */
public final class InvalidCaptureRequestException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** A rejection with the given message (shown to the client). */
  public InvalidCaptureRequestException(String message) {
    super(message);
  }
}
