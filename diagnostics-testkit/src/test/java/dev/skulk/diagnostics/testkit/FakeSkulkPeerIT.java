package dev.skulk.diagnostics.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake peer over real loopback sockets, read with the JDK's own HTTP client. */
@Timeout(30)
class FakeSkulkPeerIT {

  private static final NodeDiagnostics BUNDLE = SampleBundles.nodeWithTwoRunnersMidDecode();
  private static final DiagnosticCaptureResponse CAPTURE =
      DiagnosticsGenerators.diagnosticCaptureResponse(new java.util.SplittableRandom(12));

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private FakeSkulkPeer peer = FakeSkulkPeer.serving(BUNDLE);

  @AfterEach
  void close() {
    peer.close();
  }

  private HttpResponse<byte[]> get(String path, Duration timeout) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(peer.url() + path)).timeout(timeout).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return get(path, Duration.ofSeconds(10));
  }

  @Test
  void servesTheBundleItWasGivenAndItsNodeIdOnLoopback() throws Exception {
    assertThat(peer.url().getHost()).isEqualTo("127.0.0.1");
    HttpResponse<byte[]> node = get("/v1/diagnostics/node");
    assertThat(node.statusCode()).isEqualTo(200);
    assertThat(node.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(DiagnosticsJson.strict().read(node.body(), NodeDiagnostics.class)).isEqualTo(BUNDLE);

    HttpResponse<byte[]> nodeId = get("/node_id");
    assertThat(text(nodeId)).isEqualTo("\"" + BUNDLE.runtime().nodeId() + "\"");
    assertThat(peer.nodeId()).isEqualTo(BUNDLE.runtime().nodeId());

    assertThat(get("/v1/diagnostics/cluster").statusCode()).isEqualTo(503);
    assertThat(text(get("/v1/diagnostics/cluster")))
        .isEqualTo("{\"error\":{\"message\":\"Cluster diagnostics are not available on this node.\","
            + "\"type\":\"Service Unavailable\",\"param\":null,\"code\":503}}");
    HttpResponse<byte[]> unknown = get("/v2/anything");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(text(unknown)).isEqualTo("{\"detail\":\"Not Found\"}");

    assertThat(peer.requests()).extracting(FakeSkulkPeer.Request::path)
        .containsExactly("/v1/diagnostics/node", "/node_id", "/v1/diagnostics/cluster", "/v1/diagnostics/cluster", "/v2/anything");
  }

  @Test
  void recordsRequestsWithTheirHeadersAndBodies() throws Exception {
    peer.close();
    peer = FakeSkulkPeer.builder().node(BUNDLE).capture(CAPTURE).start();
    HttpResponse<byte[]> capture = http.send(
        HttpRequest.newBuilder(URI.create(peer.url() + "/v1/diagnostics/node/capture"))
            .header("X-Skulk-Diag-Deadline", "1234")
            .POST(HttpRequest.BodyPublishers.ofString("{\"runnerId\":\"r1\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(capture.statusCode()).isEqualTo(200);
    assertThat(text(capture)).isEqualTo(DiagnosticsJson.strict().write(CAPTURE));
    FakeSkulkPeer.Request request = peer.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("x-skulk-diag-deadline")).isEqualTo("1234");
    assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"runnerId\":\"r1\"}");
  }

  @Test
  void misbehavesOnDemandAndRecoversWhenToldTo() throws Exception {
    peer.behave(FakeSkulkPeer.Behavior.serverError("boom"));
    HttpResponse<byte[]> error = get("/v1/diagnostics/node");
    assertThat(error.statusCode()).isEqualTo(500);
    assertThat(text(error)).isEqualTo(
        "{\"error\":{\"message\":\"boom\",\"type\":\"Internal Server Error\",\"param\":null,\"code\":500}}");

    peer.behave(FakeSkulkPeer.Behavior.malformed());
    assertThat(text(get("/v1/diagnostics/node"))).isEqualTo("{\"generatedAt\": ");

    peer.behave(FakeSkulkPeer.Behavior.redirect("http://example.invalid/x"));
    HttpResponse<byte[]> redirect = get("/v1/diagnostics/node");
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location")).hasValue("http://example.invalid/x");

    peer.behave(FakeSkulkPeer.Behavior.oversized(3_000_000, true));
    HttpResponse<byte[]> declared = get("/v1/diagnostics/node");
    assertThat(declared.headers().firstValueAsLong("Content-Length")).hasValue(3_000_000L);
    assertThat(declared.body()).hasSize(3_000_000);
    peer.behave(FakeSkulkPeer.Behavior.oversized(3_000_000, false));
    HttpResponse<byte[]> chunked = get("/v1/diagnostics/node");
    assertThat(chunked.headers().firstValue("Content-Length")).isEmpty();
    assertThat(chunked.body()).hasSize(3_000_000);

    peer.behave(FakeSkulkPeer.Behavior.refuse());
    int before = peer.requests().size();
    assertThatThrownBy(() -> {
      HttpResponse<byte[]> answered = get("/v1/diagnostics/node");
      throw new AssertionError("answered " + answered.statusCode() + " " + answered.headers().map()
          + " though refusing; peer requests " + (peer.requests().size() - before));
    }).isInstanceOf(ConnectException.class);

    peer.behave(FakeSkulkPeer.Behavior.serve());
    assertThat(get("/v1/diagnostics/node").statusCode()).isEqualTo(200);
  }

  @Test
  void aHungPeerReadsTheRequestAndNeverAnswers() throws Exception {
    peer.behave(FakeSkulkPeer.Behavior.hang());
    java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(
        HttpRequest.newBuilder(URI.create(peer.url() + "/v1/diagnostics/node")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(peer.awaitRequests(1, Duration.ofSeconds(10))).isTrue();
    assertThat(peer.requests()).hasSize(1);
    assertThat(response).as("no answer after the request was read").isNotDone();
    peer.close(); // closing the peer ends the hung connection: the client sees it closed
    assertThatThrownBy(() -> response.get(10, java.util.concurrent.TimeUnit.SECONDS))
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void aTricklingPeerSendsItsHeadersThenTheBundleByteByByte() throws Exception {
    peer.close();
    // A small body, so that a byte per millisecond ends in a bounded time.
    peer = FakeSkulkPeer.builder().nodeJson("{\"x\":1}").behavior(FakeSkulkPeer.Behavior.trickle(Duration.ofMillis(1))).start();
    HttpResponse<byte[]> response = get("/v1/diagnostics/node");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(text(response)).isEqualTo("{\"x\":1}");
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThatThrownBy(() -> FakeSkulkPeer.builder().bind(java.net.InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
