package dev.skulk.diagnostics.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one HTTP/1.x request incrementally, from whatever bytes arrive, within fixed limits: the
 * request line and headers together at most {@code maxHeadBytes}, the body (fixed length or
 * chunked) at most {@code maxBodyBytes}. It never holds more than those limits, whatever is sent.
 * Refusals are {@link Refusal}s carrying the status and the envelope's message.
 *
 * <p>Not thread-safe: one connection's selector thread feeds it.
 */
final class RequestParser {

  /** The most header lines accepted. */
  static final int MAX_HEADERS = 100;

  /** The longest chunk-size line accepted (size, extensions). */
  private static final int MAX_CHUNK_LINE = 1024;

  private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_CRLF, TRAILERS, DONE }

  /** A request refused as sent: the status and the message of the envelope. */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    Refusal(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  private final int maxHeadBytes;
  private final int maxBodyBytes;
  private State state = State.HEAD;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream(256);
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(64);
  private @Nullable ByteArrayOutputStream body;
  private long remaining;
  private int trailerBytes;

  private String method = "";
  private String rawPath = "";
  private @Nullable String rawQuery;
  private boolean http11;
  private final Map<String, String> headers = new HashMap<>();
  private boolean expectContinue;

  RequestParser(int maxHeadBytes, int maxBodyBytes) {
    this.maxHeadBytes = maxHeadBytes;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Whether any byte has arrived. */
  boolean started() {
    return head.size() > 0;
  }

  /** Whether the head is read and a body is still expected (for {@code 100-continue}). */
  boolean awaitingBody() {
    return state != State.HEAD && state != State.DONE;
  }

  boolean expectContinue() {
    return expectContinue;
  }

  /** Bytes of body held so far. */
  int bodyBytes() {
    return body == null ? 0 : body.size();
  }

  /**
   * Consumes what {@code in} holds, up to the end of the request.
   *
   * @return true when the request is complete
   * @throws Refusal when the request is malformed or over a limit
   */
  boolean feed(ByteBuffer in) throws Refusal {
    while (in.hasRemaining() && state != State.DONE) {
      switch (state) {
        case HEAD -> readHead(in);
        case BODY -> {
          int n = (int) Math.min(remaining, in.remaining());
          copy(in, n);
          remaining -= n;
          if (remaining == 0) {
            state = State.DONE;
          }
        }
        case CHUNK_SIZE -> {
          String text = readLine(in, MAX_CHUNK_LINE, "chunk size");
          if (text != null) {
            chunkSize(text);
          }
        }
        case CHUNK_DATA -> {
          int n = (int) Math.min(remaining, in.remaining());
          copy(in, n);
          remaining -= n;
          if (remaining == 0) {
            state = State.CHUNK_CRLF;
          }
        }
        case CHUNK_CRLF -> {
          // Only CRLF (or a bare LF) may follow a chunk's data; anything else is refused at once.
          byte b = in.get();
          if (b == '\n') {
            line.reset();
            state = State.CHUNK_SIZE;
          } else if (b != '\r' || line.size() > 0) {
            throw new Refusal(400, "Malformed chunked body.");
          } else {
            line.write(b);
          }
        }
        case TRAILERS -> {
          String text = readLine(in, maxHeadBytes, "trailer");
          if (text != null) {
            trailerBytes += text.length() + 2;
            if (trailerBytes > maxHeadBytes) {
              throw new Refusal(431, "Request trailers exceed " + maxHeadBytes + " bytes.");
            }
            if (text.isEmpty()) {
              state = State.DONE;
            }
          }
        }
        default -> throw new IllegalStateException(state.name());
      }
    }
    return state == State.DONE;
  }

  private void copy(ByteBuffer in, int n) throws Refusal {
    ByteArrayOutputStream target = body;
    if (target == null) {
      target = new ByteArrayOutputStream((int) Math.min(Math.max(remaining, 256), 64 * 1024));
      body = target;
    }
    if (target.size() + (long) n > maxBodyBytes) {
      throw new Refusal(413, "Request body exceeds " + maxBodyBytes + " bytes.");
    }
    if (in.hasArray()) {
      target.write(in.array(), in.arrayOffset() + in.position(), n);
      in.position(in.position() + n);
    } else {
      for (int i = 0; i < n; i++) {
        target.write(in.get());
      }
    }
  }

  private void readHead(ByteBuffer in) throws Refusal {
    while (in.hasRemaining()) {
      byte b = in.get();
      head.write(b);
      if (head.size() > maxHeadBytes) {
        throw new Refusal(431, "Request line and headers exceed " + maxHeadBytes + " bytes.");
      }
      if (b == '\n' && endsWithBlankLine()) {
        parseHead();
        return;
      }
    }
  }

  private boolean endsWithBlankLine() {
    byte[] bytes = head.toByteArray();
    int n = bytes.length;
    if (n == 1 || n == 2 && bytes[0] == '\r') {
      return false; // a leading empty line before the request line is tolerated (RFC 9112 2.2)
    }
    return n >= 2 && bytes[n - 2] == '\n' || n >= 4 && bytes[n - 2] == '\r' && bytes[n - 3] == '\n';
  }

  /** A line of the body framing, or null when its end has not arrived yet. */
  private @Nullable String readLine(ByteBuffer in, int max, String what) throws Refusal {
    while (in.hasRemaining()) {
      byte b = in.get();
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        line.reset();
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
          n--;
        }
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
      if (line.size() > max + 1) {
        throw new Refusal(400, "Malformed chunked body: " + what + " line too long.");
      }
    }
    return null;
  }

  private void chunkSize(String text) throws Refusal {
    int semicolon = text.indexOf(';');
    String hex = (semicolon >= 0 ? text.substring(0, semicolon) : text).trim();
    if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new Refusal(400, "Malformed chunked body.");
    }
    long size = Long.parseLong(hex, 16);
    if (bodyBytes() + size > maxBodyBytes) {
      throw new Refusal(413, "Request body exceeds " + maxBodyBytes + " bytes.");
    }
    remaining = size;
    state = size == 0 ? State.TRAILERS : State.CHUNK_DATA;
  }

  private void parseHead() throws Refusal {
    String text = head.toString(StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r?\n", -1);
    int first = lines[0].isEmpty() ? 1 : 0;
    requestLine(lines[first]);
    int count = 0;
    for (int i = first + 1; i < lines.length; i++) {
      String header = lines[i];
      if (header.isEmpty()) {
        break;
      }
      if (++count > MAX_HEADERS) {
        throw new Refusal(431, "More than " + MAX_HEADERS + " request headers.");
      }
      header(header);
    }
    framing();
  }

  private void requestLine(String text) throws Refusal {
    String[] parts = text.split(" ", -1);
    if (parts.length != 3 || !isToken(parts[0])) {
      throw new Refusal(400, "Malformed request line.");
    }
    if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
      if (parts[2].matches("HTTP/[0-9]\\.[0-9]")) {
        throw new Refusal(505, "HTTP version not supported: " + parts[2] + ".");
      }
      throw new Refusal(400, "Malformed request line.");
    }
    method = parts[0];
    http11 = parts[2].equals("HTTP/1.1");
    String target = parts[1];
    if (!target.startsWith("/") || !validTarget(target)) {
      throw new Refusal(400, "Malformed request target.");
    }
    int question = target.indexOf('?');
    rawPath = question >= 0 ? target.substring(0, question) : target;
    rawQuery = question >= 0 ? target.substring(question + 1) : null;
  }

  /** Visible ASCII only, and every {@code %} followed by two hex digits (RFC 3986). */
  private static boolean validTarget(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
      if (c == '%') {
        if (i + 2 >= target.length()
            || Character.digit(target.charAt(i + 1), 16) < 0
            || Character.digit(target.charAt(i + 2), 16) < 0) {
          return false;
        }
      }
    }
    return true;
  }

  private void header(String text) throws Refusal {
    int colon = text.indexOf(':');
    if (colon <= 0 || !isToken(text.substring(0, colon))) {
      // Also refuses obsolete line folding (a line starting with a space), as RFC 9112 allows.
      throw new Refusal(400, "Malformed header line.");
    }
    String name = text.substring(0, colon).toLowerCase(Locale.ROOT);
    String value = text.substring(colon + 1).strip();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        throw new Refusal(400, "Malformed header line.");
      }
    }
    String previous = headers.putIfAbsent(name, value);
    if (previous != null && (name.equals("content-length") || name.equals("transfer-encoding") || name.equals("host"))
        && !previous.equals(value)) {
      throw new Refusal(400, "Conflicting " + name + " headers.");
    }
  }

  private void framing() throws Refusal {
    String transfer = headers.get("transfer-encoding");
    String length = headers.get("content-length");
    if (transfer != null) {
      // A message with both is a smuggling attempt (RFC 9112 6.3); only plain chunked is understood.
      if (length != null) {
        throw new Refusal(400, "Both Transfer-Encoding and Content-Length.");
      }
      if (!transfer.equalsIgnoreCase("chunked")) {
        throw new Refusal(501, "Transfer-Encoding '" + transfer + "' is not supported.");
      }
      state = State.CHUNK_SIZE;
    } else if (length != null) {
      if (length.isEmpty() || length.length() > 18 || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new Refusal(400, "Invalid Content-Length '" + length + "'.");
      }
      remaining = Long.parseLong(length);
      if (remaining > maxBodyBytes) {
        throw new Refusal(413, "Request body exceeds " + maxBodyBytes + " bytes.");
      }
      state = remaining == 0 ? State.DONE : State.BODY;
    } else {
      state = State.DONE;
    }
    expectContinue = state != State.DONE && http11 && "100-continue".equalsIgnoreCase(headers.get("expect"));
  }

  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  String method() {
    return method;
  }

  String rawPath() {
    return rawPath;
  }

  @Nullable String rawQuery() {
    return rawQuery;
  }

  boolean http11() {
    return http11;
  }

  /** Header values by lower-case name (the first of repeated ones). */
  Map<String, String> headers() {
    return headers;
  }

  byte[] body() {
    return body == null ? new byte[0] : body.toByteArray();
  }
}
