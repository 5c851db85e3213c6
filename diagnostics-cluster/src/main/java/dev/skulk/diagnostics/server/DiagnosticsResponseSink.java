package dev.skulk.diagnostics.server;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Where {@link DiagnosticsRouter} writes a response: the one thing an adapter for a server
 * implements (the JDK's {@code HttpExchange}, a servlet response, the SDK's own front end).
 *
 * <p>The router calls {@link #commit} once, writes the body to the stream it returns and closes
 * that stream when the body is complete. If the body fails half-way, after bytes left, it calls
 * {@link #abort()} instead of closing: the adapter must then end the exchange so that the client
 * sees an incomplete response (close the connection without the final chunk), never a response
 * that looks whole.
 *
 * <p>Used by one request's thread at a time.
 */
public interface DiagnosticsResponseSink {

  /**
   * Sends the status line and headers.
   *
   * @param status the HTTP status
   * @param headers the response headers (always {@code Content-Type}; {@code Allow} on a 405)
   * @param contentLength the body's length in bytes, or -1 when it is streamed and its length is
   *     not known (the adapter then uses chunked encoding or closes the connection at the end)
   * @return the body stream
   * @throws IOException when the client is gone
   */
  OutputStream commit(int status, Map<String, String> headers, long contentLength) throws IOException;

  /** Ends a committed response that could not be completed, so that the client sees it cut. */
  void abort();
}
