package dev.skulk.diagnostics.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The incremental request reader: framing, limits and refusals, whatever way the bytes arrive. */
class RequestParserTest {

  private static final int HEAD = 1024;
  private static final int BODY = 4096;

  private static RequestParser parseWhole(String request) throws RequestParser.Refusal {
    RequestParser parser = new RequestParser(HEAD, BODY);
    assertThat(parser.feed(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)))).as("complete").isTrue();
    return parser;
  }

  private static RequestParser.Refusal refusal(String request) {
    RequestParser parser = new RequestParser(HEAD, BODY);
    try {
      parser.feed(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (RequestParser.Refusal r) {
      return r;
    }
    throw new AssertionError("not refused: " + request);
  }

  @Test
  void aGetWithQueryAndHeaders() throws Exception {
    RequestParser parser = parseWhole("GET /v1/diagnostics/cluster?x=1 HTTP/1.1\r\nHost: h\r\nX-Skulk-Diag-Deadline:  900 \r\n\r\n");
    assertThat(parser.method()).isEqualTo("GET");
    assertThat(parser.rawPath()).isEqualTo("/v1/diagnostics/cluster");
    assertThat(parser.rawQuery()).isEqualTo("x=1");
    assertThat(parser.http11()).isTrue();
    assertThat(parser.headers()).containsEntry("x-skulk-diag-deadline", "900").containsEntry("host", "h");
    assertThat(parser.body()).isEmpty();
  }

  @Test
  void bareLineFeedsAndALeadingEmptyLineAreTolerated() throws Exception {
    RequestParser parser = parseWhole("\r\nGET /node_id HTTP/1.0\nA: b\n\n");
    assertThat(parser.rawPath()).isEqualTo("/node_id");
    assertThat(parser.http11()).isFalse();
    assertThat(parser.headers()).containsEntry("a", "b");
  }

  @Test
  void fixedLengthAndChunkedBodies() throws Exception {
    assertThat(new String(parseWhole("POST /c HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello").body(), StandardCharsets.UTF_8))
        .isEqualTo("hello");
    RequestParser chunked = parseWhole("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n");
    assertThat(new String(chunked.body(), StandardCharsets.UTF_8)).isEqualTo("hello world");
  }

  @Test
  void anIncompleteRequestWaitsForMore() throws Exception {
    RequestParser parser = new RequestParser(HEAD, BODY);
    assertThat(parser.started()).isFalse();
    assertThat(parser.feed(ByteBuffer.wrap("POST /c HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\nhe".getBytes(StandardCharsets.US_ASCII)))).isFalse();
    assertThat(parser.started()).isTrue();
    assertThat(parser.awaitingBody()).isTrue();
    assertThat(parser.expectContinue()).isTrue();
    assertThat(parser.bodyBytes()).isEqualTo(2);
    assertThat(parser.feed(ByteBuffer.wrap("llo".getBytes(StandardCharsets.US_ASCII)))).isTrue();
  }

  @Test
  void limitsAndMalformedInputAreRefusedWithTheirStatus() {
    assertThat(refusal("GET /" + "a".repeat(HEAD) + " HTTP/1.1\r\n\r\n").status).isEqualTo(431);
    assertThat(refusal("POST /c HTTP/1.1\r\nContent-Length: 4097\r\n\r\n").status).isEqualTo(413);
    assertThat(refusal("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1001\r\n").status).isEqualTo(413);
    assertThat(refusal("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + "800\r\n" + "x".repeat(0x800) + "\r\n"
        + "800\r\n" + "x".repeat(0x800) + "\r\n1\r\n").status).isEqualTo(413);
    assertThat(refusal("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n").getMessage()).isEqualTo("Malformed chunked body.");
    assertThat(refusal("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX").getMessage()).isEqualTo("Malformed chunked body.");
    assertThat(refusal("GET /%zz HTTP/1.1\r\n\r\n").getMessage()).isEqualTo("Malformed request target.");
    assertThat(refusal("GET /a\u00e9 HTTP/1.1\r\n\r\n").getMessage()).isEqualTo("Malformed request target.");
    assertThat(refusal("GET http://x/ HTTP/1.1\r\n\r\n").getMessage()).isEqualTo("Malformed request target.");
    assertThat(refusal("GET / HTTP/1.1 x\r\n\r\n").getMessage()).isEqualTo("Malformed request line.");
    assertThat(refusal("GET / FTP/1.1\r\n\r\n").getMessage()).isEqualTo("Malformed request line.");
    assertThat(refusal("GET / HTTP/3.0\r\n\r\n").status).isEqualTo(505);
    assertThat(refusal("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n").getMessage()).isEqualTo("Malformed header line.");
    assertThat(refusal("GET / HTTP/1.1\r\n: x\r\n\r\n").getMessage()).isEqualTo("Malformed header line.");
    assertThat(refusal("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").getMessage()).isEqualTo("Conflicting host headers.");
    StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\n");
    for (int i = 0; i <= RequestParser.MAX_HEADERS; i++) {
      many.append("H").append(i).append(": v\r\n");
    }
    assertThat(new RequestParserTest().refusalWithRoom(many + "\r\n").getMessage())
        .isEqualTo("More than " + RequestParser.MAX_HEADERS + " request headers.");
  }

  private RequestParser.Refusal refusalWithRoom(String request) {
    RequestParser parser = new RequestParser(64 * 1024, BODY);
    assertThatThrownBy(() -> parser.feed(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII))))
        .isInstanceOf(RequestParser.Refusal.class);
    try {
      new RequestParser(64 * 1024, BODY).feed(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
      throw new AssertionError("not refused");
    } catch (RequestParser.Refusal r) {
      return r;
    }
  }

  /**
   * Property: however a request is cut into pieces on the wire, it reads the same as in one piece
   * (seeded; the seed and the cut points are printed on failure).
   */
  @Test
  void anyWayOfSplittingAValidRequestReadsTheSame() throws Exception {
    long seed = 0x5eed_2026L;
    SplittableRandom random = new SplittableRandom(seed);
    List<String> requests = List.of(
        "GET /v1/diagnostics/node HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n",
        "POST /v1/diagnostics/node/capture HTTP/1.1\r\nContent-Length: 24\r\n\r\n{\"runnerId\":\"runner-A\"}\n",
        "POST /v1/diagnostics/cluster/B/capture HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3\r\n{\"r\r\n14\r\nunnerId\":\"runner-B\"}\r\n0\r\n\r\n");
    for (int round = 0; round < 2000; round++) {
      String request = requests.get(random.nextInt(requests.size()));
      byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
      RequestParser whole = parseWhole(request);
      RequestParser pieces = new RequestParser(HEAD, BODY);
      StringBuilder cuts = new StringBuilder();
      int at = 0;
      boolean complete = false;
      while (at < bytes.length) {
        int n = 1 + random.nextInt(Math.min(16, bytes.length - at));
        cuts.append(n).append(' ');
        complete = pieces.feed(ByteBuffer.wrap(bytes, at, n));
        at += n;
        assertThat(complete).as("seed %s round %d cuts %s: complete only at the end", seed, round, cuts).isEqualTo(at == bytes.length);
      }
      assertThat(pieces.method()).isEqualTo(whole.method());
      assertThat(pieces.rawPath()).isEqualTo(whole.rawPath());
      assertThat(pieces.headers()).isEqualTo(whole.headers());
      assertThat(pieces.body()).as("seed %s round %d cuts %s", seed, round, cuts).isEqualTo(whole.body());
    }
  }
}
