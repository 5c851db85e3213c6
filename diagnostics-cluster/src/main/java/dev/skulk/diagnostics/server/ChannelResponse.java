package dev.skulk.diagnostics.server;

import dev.skulk.diagnostics.cluster.internal.HttpStatusPhrases;
import dev.skulk.diagnostics.time.Ticker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A response written by a worker thread to a non-blocking connection: HTTP/1.1 with {@code
 * Connection: close}, a known length as {@code Content-Length}, an unknown one chunked (close-
 * delimited for an HTTP/1.0 client). A client that stops reading is dropped once no byte has gone
 * out for the write timeout, and one that reads too slowly once the response has taken longer than
 * the write timeout per started MiB sent (at least about 100 KiB/s with the default 10 s), both read
 * from the ticker, so no client can hold a worker for long.
 *
 * <p>Not thread-safe: one worker writes one response.
 */
final class ChannelResponse implements DiagnosticsResponseSink {

  private static final int BUFFER_BYTES = 16 * 1024;
  /** The longest real wait between two looks at the ticker, so a test ticker is noticed soon. */
  private static final long POLL_MILLIS = 100;
  /** The bytes a response may send per write timeout, on average, before it is too slow. */
  static final long BYTES_PER_TIMEOUT = 1024 * 1024;

  private final SocketChannel channel;
  private final Ticker ticker;
  private final long writeTimeoutNanos;
  private final boolean http11;
  /** When the response was committed: the time spent computing it does not count against the client. */
  private long started;
  private long sent;
  private @Nullable Selector waiter;
  private boolean committed;
  private boolean aborted;
  private boolean complete;

  ChannelResponse(SocketChannel channel, Ticker ticker, long writeTimeoutNanos, boolean http11) {
    this.channel = channel;
    this.ticker = ticker;
    this.writeTimeoutNanos = writeTimeoutNanos;
    this.http11 = http11;
  }

  boolean aborted() {
    return aborted;
  }

  boolean complete() {
    return complete;
  }

  @Override
  public OutputStream commit(int status, Map<String, String> headers, long contentLength) throws IOException {
    if (committed) {
      throw new IllegalStateException("response already committed");
    }
    committed = true;
    started = ticker.read();
    boolean chunked = contentLength < 0 && http11;
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(status).append(' ').append(HttpStatusPhrases.phrase(status)).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (contentLength >= 0) {
      head.append("Content-Length: ").append(contentLength).append("\r\n");
    } else if (chunked) {
      head.append("Transfer-Encoding: chunked\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    BodyStream body = new BodyStream(chunked);
    body.raw(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    return body;
  }

  @Override
  public void abort() {
    aborted = true;
  }

  /** Releases the waiting selector, if one was opened. */
  void release() {
    Selector w = waiter;
    if (w != null) {
      try {
        w.close();
      } catch (IOException ignored) {
        // Nothing held any more.
      }
    }
  }

  private void writeFully(ByteBuffer buffer) throws IOException {
    long lastProgress = ticker.read();
    while (buffer.hasRemaining()) {
      if (aborted) {
        throw new IOException("response aborted");
      }
      int n = channel.write(buffer);
      long now = ticker.read();
      if (now - started > writeTimeoutNanos * (1 + sent / BYTES_PER_TIMEOUT)) {
        throw new IOException("the client read " + sent + " bytes in " + (now - started) / 1_000_000 + " ms: too slow");
      }
      if (n > 0) {
        sent += n;
        lastProgress = now;
        continue;
      }
      if (now - lastProgress >= writeTimeoutNanos) {
        throw new IOException("the client read nothing for " + writeTimeoutNanos / 1_000_000 + " ms");
      }
      Selector w = waiter;
      if (w == null) {
        w = Selector.open();
        waiter = w;
        channel.register(w, SelectionKey.OP_WRITE);
      }
      w.select(POLL_MILLIS);
      w.selectedKeys().clear();
    }
  }

  /** Buffers the body and frames it; {@link #close()} ends it (the last chunk). */
  private final class BodyStream extends OutputStream {
    private final boolean chunked;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private boolean closed;

    BodyStream(boolean chunked) {
      this.chunked = chunked;
    }

    void raw(byte[] bytes) throws IOException {
      writeFully(ByteBuffer.wrap(bytes));
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("response body already closed");
      }
      while (len > 0) {
        int n = Math.min(len, buffer.remaining());
        buffer.put(b, off, n);
        off += n;
        len -= n;
        if (!buffer.hasRemaining()) {
          drain();
        }
      }
    }

    private void drain() throws IOException {
      buffer.flip();
      if (buffer.hasRemaining()) {
        if (chunked) {
          raw((Integer.toHexString(buffer.remaining()) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          writeFully(buffer);
          raw(new byte[] {'\r', '\n'});
        } else {
          writeFully(buffer);
        }
      }
      buffer.clear();
    }

    @Override
    public void flush() throws IOException {
      drain();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      drain();
      if (chunked) {
        raw("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      closed = true;
      complete = true;
    }
  }
}
