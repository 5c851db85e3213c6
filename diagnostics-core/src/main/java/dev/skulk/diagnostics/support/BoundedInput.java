package dev.skulk.diagnostics.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a whole stream into memory, but never more than a limit: the one bounded body reader used
 * for request bodies, peer responses and documents. Stateless and thread-safe.
 */
public final class BoundedInput {

  private BoundedInput() {}

  /** Thrown when a stream holds more bytes than allowed; the extra bytes were not read. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limitBytes;

    TooLargeException(long limitBytes) {
      super("more than " + limitBytes + " bytes");
      this.limitBytes = limitBytes;
    }

    /** The limit that was exceeded, in bytes. */
    public long limitBytes() {
      return limitBytes;
    }
  }

  /**
   * Reads {@code in} to its end.
   *
   * @param in the stream, not closed here
   * @param limitBytes the most bytes accepted (at most {@code Integer.MAX_VALUE - 8})
   * @return the bytes
   * @throws TooLargeException when the stream holds more than {@code limitBytes}
   * @throws IOException when reading fails
   */
  public static byte[] readAtMost(InputStream in, long limitBytes) throws IOException {
    if (limitBytes < 0 || limitBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("limitBytes out of range: " + limitBytes);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limitBytes + 1, 8192));
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limitBytes + 1 - total))) > 0) {
      total += n;
      if (total > limitBytes) {
        throw new TooLargeException(limitBytes);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
