package dev.skulk.diagnostics.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient;
import dev.skulk.diagnostics.cluster.StaticPeerDirectory;
import dev.skulk.diagnostics.cluster.TestBundles;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.testkit.FakeSkulkPeer;
import dev.skulk.diagnostics.testkit.TestTicker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile and unlucky clients against a real {@link DiagnosticsServer} on 127.0.0.1: slowloris,
 * stalled bodies, oversized and malformed requests, hung peers, many clients at once. Each test
 * asserts the server keeps answering; deadlines are driven by a {@link TestTicker}. Real time only
 * bounds the tests (generous guards), it never decides them.
 */
@Timeout(90)
class DiagnosticsServerAttackIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** A guard on each real wait: long enough for two busy cores, never what a test measures. */
  private static final Duration GUARD = Duration.ofSeconds(10);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(GUARD).version(HttpClient.Version.HTTP_1_1).build();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final TestTicker ticker = new TestTicker();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private <T extends AutoCloseable> T closing(T resource) {
    toClose.add(resource);
    return resource;
  }

  private static NodeDiagnostics bundle() {
    return TestBundles.node("A", TestBundles.runner("A", "runner-A", "model", 0).build());
  }

  private DiagnosticsServer.Builder server() {
    return DiagnosticsServer.builder().nodeId("A").localNode(DiagnosticsServerAttackIT::bundle).ticker(ticker);
  }

  private DiagnosticsServer start(DiagnosticsServer.Builder builder) {
    return closing(builder.build().start());
  }

  private HttpResponse<String> get(DiagnosticsServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(GUARD).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Both routes that must always answer, answered correctly. */
  private void assertStillServing(DiagnosticsServer server) throws Exception {
    HttpResponse<String> nodeId = get(server, "/node_id");
    assertThat(nodeId.statusCode()).isEqualTo(200);
    assertThat(nodeId.body()).isEqualTo("\"A\"");
    HttpResponse<String> node = get(server, "/v1/diagnostics/node");
    assertThat(node.statusCode()).isEqualTo(200);
    assertThat(node.body()).isEqualTo(DiagnosticsJson.strict().write(bundle()));
  }

  private Socket connect(DiagnosticsServer server) throws IOException {
    Socket socket = closing(new Socket(InetAddress.getLoopbackAddress(), server.port()));
    socket.setSoTimeout((int) GUARD.toMillis());
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** A raw response: status, headers (lower-case names) and body, read to the end of the stream. */
  private record Raw(int status, Map<String, String> headers, String body) {}

  private static Raw readResponse(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      all.write(buffer, 0, n);
    }
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    assertThat(end).as("a response head in: %s", text).isPositive();
    String[] lines = text.substring(0, end).split("\r\n");
    Map<String, String> headers = new java.util.HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
  }

  private static void assertEnvelope(Raw raw, int status, String message) {
    assertThat(raw.status()).as(raw.body()).isEqualTo(status);
    assertThat(raw.headers()).containsEntry("content-type", "application/json");
    JsonNode error = JSON.readTree(raw.body()).get("error");
    assertThat(error.get("message").stringValue()).isEqualTo(message);
    assertThat(error.get("code").intValue()).isEqualTo(status);
    assertThat(error.get("param").isNull()).isTrue();
  }

  private Raw exchange(DiagnosticsServer server, String request) throws IOException {
    Socket socket = connect(server);
    send(socket, request);
    return readResponse(socket);
  }

  @Test
  void fiveHundredStalledConnectionsDoNotStopTheServer() throws Exception {
    DiagnosticsServer server = start(server());
    for (int i = 0; i < 500; i++) {
      Socket socket = connect(server);
      switch (i % 3) {
        case 0 -> send(socket, "G"); // one byte, then silence
        case 1 -> send(socket, "POST /v1/diagnostics/node/capture HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"ru");
        default -> { } // connected, never a byte
      }
    }
    assertStillServing(server);
    // The stalled ones are still open, waiting: the server did not buy its answer by dropping them.
    ticker.advance(DiagnosticsServer.DEFAULT_REQUEST_READ_TIMEOUT.plusSeconds(1));
    assertStillServing(server);
  }

  @Test
  void theReadDeadlineIsReadFromTheTicker() throws Exception {
    DiagnosticsServer server = start(server().requestReadTimeout(Duration.ofSeconds(10)));
    Socket slowHead = connect(server);
    send(slowHead, "GET /node_id HTTP/1.1\r\nHost: x\r\n");
    Socket stalledBody = connect(server);
    send(stalledBody, "POST /v1/diagnostics/node/capture HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"runnerId\"");
    Socket silent = connect(server);
    // A later connection answered means these three were accepted (in order) at ticker time 0.
    assertStillServing(server);

    ticker.advance(Duration.ofSeconds(9));
    assertStillServing(server); // the selector has looked at the ticker since it moved
    // 9 s in, within the deadline: the slow head may still finish and is answered.
    send(slowHead, "\r\n");
    Raw answered = readResponse(slowHead);
    assertThat(answered.status()).isEqualTo(200);
    assertThat(answered.body()).isEqualTo("\"A\"");

    ticker.advance(Duration.ofSeconds(2));
    assertEnvelope(readResponse(stalledBody), 408, "Request not received within 10000 ms.");
    assertThat(silent.getInputStream().read()).as("a silent connection is closed without an answer").isEqualTo(-1);
    assertStillServing(server);
  }

  @Test
  void moreConnectionsThanTheLimitDropTheOldestStalledOne() throws Exception {
    DiagnosticsServer server = start(server().maxConnections(8));
    List<Socket> stalled = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Socket socket = connect(server);
      send(socket, "GET /node");
      stalled.add(socket);
    }
    assertStillServing(server);
    // Serving took new connections past the limit: the oldest stalled ones were dropped for them.
    assertThat(stalled.get(0).getInputStream().read()).isEqualTo(-1);
  }

  @Test
  void oversizedHeadsAndBodiesAreRefusedWithTheEnvelope() throws Exception {
    DiagnosticsServer server = start(server().maxHeaderBytes(1024));
    assertEnvelope(exchange(server, "GET /node_id HTTP/1.1\r\nX-Big: " + "a".repeat(2000) + "\r\n\r\n"), 431,
        "Request line and headers exceed 1024 bytes.");
    // Refused from its headers alone, before any byte of the body is read.
    assertEnvelope(exchange(server, "POST /v1/diagnostics/node/capture HTTP/1.1\r\nContent-Length: 5000000\r\n\r\n"), 413,
        "Request body exceeds 1048576 bytes.");
    Socket chunked = connect(server);
    send(chunked, "POST /v1/diagnostics/node/capture HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
    String chunk = "100000\r\n" + "x".repeat(0x100000) + "\r\n";
    send(chunked, chunk);
    send(chunked, "1\r\nx\r\n");
    assertEnvelope(readResponse(chunked), 413, "Request body exceeds 1048576 bytes.");
    assertStillServing(server);
  }

  @Test
  void malformedRequestsGetTheEnvelopeNotAnHtmlPage() throws Exception {
    DiagnosticsServer server = start(server());
    assertEnvelope(exchange(server, "GET /v1/diagnostics/%zz HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "Malformed request target.");
    assertEnvelope(exchange(server, "GET /node_id%4 HTTP/1.1\r\n\r\n"), 400, "Malformed request target.");
    assertEnvelope(exchange(server, "GET /node_id\r\n\r\n"), 400, "Malformed request line.");
    assertEnvelope(exchange(server, "GET  /node_id HTTP/1.1\r\n\r\n"), 400, "Malformed request line.");
    assertEnvelope(exchange(server, "G(T /node_id HTTP/1.1\r\n\r\n"), 400, "Malformed request line.");
    assertEnvelope(exchange(server, "GET node_id HTTP/1.1\r\n\r\n"), 400, "Malformed request target.");
    assertEnvelope(exchange(server, "GET /node_id HTTP/2.0\r\n\r\n"), 505, "HTTP version not supported: HTTP/2.0.");
    assertEnvelope(exchange(server, "GET /node_id HTTP/1.1\r\nNo colon here\r\n\r\n"), 400, "Malformed header line.");
    assertEnvelope(exchange(server, "GET /node_id HTTP/1.1\r\nX-A: 1\r\n folded\r\n\r\n"), 400, "Malformed header line.");
    assertEnvelope(exchange(server, "GET /node_id HTTP/1.1\r\nX-A: a\u0000b\r\n\r\n"), 400, "Malformed header line.");
    assertEnvelope(exchange(server, "POST /v1/diagnostics/node/capture HTTP/1.1\r\nContent-Length: 2\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n{}"), 400, "Both Transfer-Encoding and Content-Length.");
    assertEnvelope(exchange(server, "POST /v1/diagnostics/node/capture HTTP/1.1\r\nContent-Length: 2\r\n"
        + "Content-Length: 3\r\n\r\n{}"), 400, "Conflicting content-length headers.");
    assertEnvelope(exchange(server, "POST /v1/diagnostics/node/capture HTTP/1.1\r\nContent-Length: -1\r\n\r\n"), 400,
        "Invalid Content-Length '-1'.");
    assertEnvelope(exchange(server, "POST /v1/diagnostics/node/capture HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n"), 501,
        "Transfer-Encoding 'gzip' is not supported.");
    // A well-formed request still reaches the router, HTTP/1.0 too.
    Raw ok = exchange(server, "GET /node_id HTTP/1.0\r\n\r\n");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("\"A\"");
    assertEnvelope(exchange(server, "GET /v1/diagnostics/caf%C3%A9 HTTP/1.1\r\n\r\n"), 404, "Not Found");
  }

  @Test
  void twoHundredConcurrentGetsAreAllAnswered() throws Exception {
    DiagnosticsServer server = start(server());
    String expected = DiagnosticsJson.strict().write(bundle());
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    // A fresh client per request, so that each is its own connection (the server closes after each).
    for (int i = 0; i < 200; i++) {
      String path = i % 2 == 0 ? "/node_id" : "/v1/diagnostics/node";
      responses.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }
    for (int i = 0; i < responses.size(); i++) {
      HttpResponse<String> response = responses.get(i).get(60, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(i % 2 == 0 ? "\"A\"" : expected);
    }
  }

  @Test
  void hungClusterRequestsDoNotDelayNodeId() throws Exception {
    // The fake peer reads each request and never answers, until it is closed (after the server).
    FakeSkulkPeer hung =
        closing(FakeSkulkPeer.builder().nodeId("hung").behavior(FakeSkulkPeer.Behavior.hang()).start());
    ClusterDiagnosticsClient client = closing(ClusterDiagnosticsClient.builder()
        .localNodeId("A")
        .localNode(DiagnosticsServerAttackIT::bundle)
        .peerDirectory(StaticPeerDirectory.of(Map.of("hung", hung.url())))
        .perPeerTimeout(Duration.ofSeconds(60))
        .overallDeadline(Duration.ofSeconds(60))
        .build());
    DiagnosticsServer server = start(server().clusterClient(client).workerThreads(4));
    List<CompletableFuture<HttpResponse<String>>> cluster = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      cluster.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
          + (i % 2 == 0 ? "/v1/diagnostics/cluster" : "/v1/diagnostics/cluster/hung"))).timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    // Wait until four cluster requests hold all four fan-out workers on the hung peer.
    assertThat(hung.awaitRequests(4, GUARD)).as("the hung peer was asked by four requests").isTrue();
    assertThat(cluster).noneMatch(CompletableFuture::isDone);
    assertStillServing(server);
  }

  @Test
  void aClientThatStopsReadingIsDroppedAtTheWriteTimeout() throws Exception {
    NodeDiagnostics huge = DiagnosticsRoutesKit.bundleOf("A", 8000); // about 16 MB, more than socket buffers hold
    DiagnosticsServer server = start(DiagnosticsServer.builder().nodeId("A").localNode(() -> huge).ticker(ticker)
        .workerThreads(1).responseWriteTimeout(Duration.ofSeconds(10)));
    Socket reader = new Socket();
    closing(reader);
    reader.setReceiveBufferSize(4096);
    reader.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
    send(reader, "GET /v1/diagnostics/node HTTP/1.1\r\n\r\n");
    reader.setSoTimeout(100);
    // Read a little, to know the worker is writing, then stop reading.
    byte[] first = new byte[16];
    assertThat(reader.getInputStream().read(first)).isPositive();
    // The only local worker is blocked on that client; /node_id waits behind it until the write
    // timeout (on the ticker) drops the client.
    CompletableFuture<HttpResponse<String>> nodeId = http.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/node_id")).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    // The worker may not be blocked yet when the ticker first moves: keep moving it, in 1 s steps,
    // until the client is dropped (bounded by the guard).
    long until = System.nanoTime() + GUARD.toNanos();
    while (!nodeId.isDone() && System.nanoTime() < until) {
      ticker.advance(Duration.ofSeconds(1));
      try {
        nodeId.get(20, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException notYet) {
        // not yet
      }
    }
    assertThat(ticker.read()).as("dropped no earlier than the write timeout").isGreaterThanOrEqualTo(Duration.ofSeconds(10).toNanos());
    HttpResponse<String> answered = nodeId.get(30, TimeUnit.SECONDS);
    assertThat(answered.body()).isEqualTo("\"A\"");
    // And the dropped client's stream ends short of the whole body.
    reader.setSoTimeout((int) GUARD.toMillis());
    long total = 16;
    try {
      InputStream in = reader.getInputStream();
      byte[] buffer = new byte[65536];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // reset: cut either way
    }
    assertThat(total).isLessThan(DiagnosticsJson.strict().writeBytes(huge).length);
  }

  @Test
  void aClientThatTricklesItsReadsIsDroppedToo() throws Exception {
    NodeDiagnostics huge = DiagnosticsRoutesKit.bundleOf("A", 8000); // about 16 MB
    int whole = DiagnosticsJson.strict().writeBytes(huge).length;
    DiagnosticsServer server = start(DiagnosticsServer.builder().nodeId("A").localNode(() -> huge).ticker(ticker)
        .workerThreads(1).responseWriteTimeout(Duration.ofSeconds(10)));
    Socket reader = new Socket();
    closing(reader);
    reader.setReceiveBufferSize(4096);
    reader.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
    reader.setSoTimeout((int) GUARD.toMillis());
    send(reader, "GET /v1/diagnostics/node HTTP/1.1\r\n\r\n");
    InputStream in = reader.getInputStream();
    byte[] chunk = new byte[64 * 1024];
    long total = 0;
    boolean cut = false;
    // 64 KiB per 5 s of ticker time is about 13 KiB/s: always some progress, far below the floor.
    for (int step = 0; step < 200 && !cut; step++) {
      try {
        int n = in.readNBytes(chunk, 0, chunk.length);
        total += n;
        cut = n < chunk.length;
      } catch (java.net.SocketException reset) {
        cut = true;
      }
      ticker.advance(Duration.ofSeconds(5));
    }
    assertThat(cut).as("the trickling client was dropped (read %d of %d bytes)", total, whole).isTrue();
    assertThat(total).isLessThan(whole);
    assertThat(get(server, "/node_id").body()).isEqualTo("\"A\"");
  }
}
