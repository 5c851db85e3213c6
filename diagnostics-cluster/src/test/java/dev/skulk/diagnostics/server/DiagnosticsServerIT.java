package dev.skulk.diagnostics.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.cluster.CaptureService;
import dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient;
import dev.skulk.diagnostics.cluster.ProcessSampler;
import dev.skulk.diagnostics.cluster.StaticPeerDirectory;
import dev.skulk.diagnostics.cluster.TestBundles;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.spi.PeerDirectory;
import dev.skulk.diagnostics.testkit.FakeSkulkPeer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real servers on 127.0.0.1 ephemeral ports: a three-node cluster and every status code. */
@Timeout(30)
class DiagnosticsServerIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();
  private final List<AutoCloseable> toClose = new ArrayList<>();

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

  private static NodeDiagnostics bundleOf(String nodeId) {
    RunnerSupervisorDiagnostics runner =
        TestBundles.runner(nodeId, "runner-" + nodeId, "model", 0)
            .pid(ProcessHandle.current().pid())
            .addFlightRecorder(TestBundles.entry(nodeId, "runner-" + nodeId, 0, TestBundles.T0, "start"))
            .build();
    return TestBundles.node(nodeId, runner);
  }

  private static CaptureService captures(String nodeId) {
    return CaptureService.builder(() -> bundleOf(nodeId))
        .processSampler((pid, d) -> List.of(
            new DiagnosticProcessSample("fake", List.of("fake", Long.toString(pid)), true, 0, 0.0, "ok", "", null)))
        .build();
  }

  private DiagnosticsServer start(String nodeId, PeerDirectory directory, Duration overall) {
    ClusterDiagnosticsClient client =
        closing(ClusterDiagnosticsClient.builder()
            .localNodeId(nodeId)
            .localNode(() -> bundleOf(nodeId))
            .masterNodeId(() -> "A")
            .peerDirectory(directory)
            .perPeerTimeout(Duration.ofSeconds(3))
            .overallDeadline(overall)
            .build());
    return closing(DiagnosticsServer.builder()
        .nodeId(nodeId)
        .localNode(() -> bundleOf(nodeId))
        .clusterClient(client)
        .captureService(captures(nodeId))
        .build()
        .start());
  }

  private HttpResponse<String> get(DiagnosticsServer server, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(server, path)).timeout(Duration.ofSeconds(10)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(DiagnosticsServer server, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url(server, path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static URI url(DiagnosticsServer server, String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static void assertEnvelope(HttpResponse<String> response, int status, String message) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertThat(JSON.readTree(response.body()).size()).isEqualTo(1);
    assertThat(error.get("message").stringValue()).isEqualTo(message);
    assertThat(error.get("code").intValue()).isEqualTo(status);
    assertThat(error.get("param").isNull()).isTrue();
    assertThat(error.get("type").isString()).isTrue();
  }

  @Test
  void threeNodesFormACluster() throws Exception {
    Map<String, PeerDirectory> directories = new ConcurrentHashMap<>();
    Map<String, DiagnosticsServer> servers = new LinkedHashMap<>();
    for (String id : List.of("A", "B", "C")) {
      servers.put(id, start(id, () -> directories.get(id).peers(), Duration.ofSeconds(5)));
    }
    for (String id : servers.keySet()) {
      Map<String, URI> others = new LinkedHashMap<>();
      servers.forEach((other, server) -> {
        if (!other.equals(id)) {
          others.put(other, URI.create("http://127.0.0.1:" + server.port()));
        }
      });
      directories.put(id, StaticPeerDirectory.of(others));
    }
    DiagnosticsServer a = servers.get("A");

    HttpResponse<String> clusterResponse = get(a, "/v1/diagnostics/cluster");
    assertThat(clusterResponse.statusCode()).isEqualTo(200);
    assertThat(clusterResponse.headers().firstValue("Content-Type")).hasValue("application/json");
    ClusterDiagnostics cluster = DiagnosticsJson.strict().read(clusterResponse.body(), ClusterDiagnostics.class);
    assertThat(cluster.localNodeId()).isEqualTo("A");
    assertThat(cluster.masterNodeId()).isEqualTo("A");
    assertThat(cluster.nodes()).extracting(ClusterNodeDiagnostics::nodeId).containsExactly("A", "B", "C");
    assertThat(cluster.nodes()).allSatisfy(node -> assertThat(node.ok()).as(node.error()).isTrue());
    assertThat(cluster.nodes().get(0).url()).isNull();
    assertThat(cluster.nodes().get(1).url()).isEqualTo("http://127.0.0.1:" + servers.get("B").port());

    ClusterTimeline timeline =
        DiagnosticsJson.strict().read(get(a, "/v1/diagnostics/cluster/timeline").body(), ClusterTimeline.class);
    assertThat(timeline.runners()).hasSize(3);
    assertThat(timeline.timeline()).hasSize(3);
    assertThat(timeline.unreachableNodes()).isEmpty();

    NodeDiagnostics b = DiagnosticsJson.strict().read(get(a, "/v1/diagnostics/cluster/B").body(), NodeDiagnostics.class);
    assertThat(b.runtime().nodeId()).isEqualTo("B");
    NodeDiagnostics self = DiagnosticsJson.strict().read(get(a, "/v1/diagnostics/cluster/A").body(), NodeDiagnostics.class);
    assertThat(self.runtime().nodeId()).isEqualTo("A");
    assertEnvelope(get(a, "/v1/diagnostics/cluster/nobody"), 404, "Unknown node 'nobody'.");

    HttpResponse<String> proxied = post(a, "/v1/diagnostics/cluster/C/capture", "{\"runnerId\":\"runner-C\"}");
    assertThat(proxied.statusCode()).as(proxied.body()).isEqualTo(200);
    DiagnosticCaptureResponse capture = DiagnosticsJson.strict().read(proxied.body(), DiagnosticCaptureResponse.class);
    assertThat(capture.nodeId()).isEqualTo("C");
    assertThat(capture.runner().runnerId()).isEqualTo("runner-C");
    assertThat(capture.processSamples()).extracting(DiagnosticProcessSample::name).containsExactly("fake");

    assertEnvelope(post(a, "/v1/diagnostics/cluster/C/capture", "{\"runnerId\":\"missing\"}"), 404,
        "No local runner matched the requested runnerId/taskId.");
    HttpResponse<String> local = post(a, "/v1/diagnostics/cluster/A/capture", "");
    assertThat(local.statusCode()).isEqualTo(200);
    assertThat(DiagnosticsJson.strict().read(local.body(), DiagnosticCaptureResponse.class).nodeId()).isEqualTo("A");
  }

  @Test
  void nodeIdAndNodeRoutes() throws Exception {
    DiagnosticsServer server = start("A", StaticPeerDirectory.empty(), Duration.ofSeconds(2));
    HttpResponse<String> nodeId = get(server, "/node_id");
    assertThat(nodeId.statusCode()).isEqualTo(200);
    assertThat(nodeId.body()).isEqualTo("\"A\"");
    assertThat(nodeId.headers().firstValue("Content-Type")).hasValue("application/json");
    HttpResponse<String> node = get(server, "/v1/diagnostics/node");
    assertThat(node.statusCode()).isEqualTo(200);
    assertThat(node.body()).isEqualTo(new String(DiagnosticsJson.strict().writeBytes(bundleOf("A")), StandardCharsets.UTF_8));
  }

  @Test
  void unknownPathsAndWrongMethods() throws Exception {
    DiagnosticsServer server = start("A", StaticPeerDirectory.empty(), Duration.ofSeconds(2));
    HttpResponse<String> notFound = get(server, "/v1/diagnostics/nothing");
    assertThat(notFound.body())
        .isEqualTo("{\"error\":{\"message\":\"Not Found\",\"type\":\"Not Found\",\"param\":null,\"code\":404}}");
    assertEnvelope(notFound, 404, "Not Found");
    assertEnvelope(get(server, "/"), 404, "Not Found");
    assertEnvelope(get(server, "/v1/diagnostics/cluster/A/capture/extra"), 404, "Not Found");

    HttpResponse<String> postNode = post(server, "/v1/diagnostics/node", "{}");
    assertThat(postNode.body()).isEqualTo(
        "{\"error\":{\"message\":\"Method Not Allowed\",\"type\":\"Method Not Allowed\",\"param\":null,\"code\":405}}");
    assertThat(postNode.headers().firstValue("Allow")).hasValue("GET");
    HttpResponse<String> getCapture = get(server, "/v1/diagnostics/node/capture");
    assertEnvelope(getCapture, 405, "Method Not Allowed");
    assertThat(getCapture.headers().firstValue("Allow")).hasValue("POST");
    assertThat(post(server, "/node_id", "").headers().firstValue("Allow")).hasValue("GET");
    assertThat(post(server, "/v1/diagnostics/cluster", "").statusCode()).isEqualTo(405);
  }

  @Test
  void captureRequestsAreValidated() throws Exception {
    DiagnosticsServer server = start("A", StaticPeerDirectory.empty(), Duration.ofSeconds(2));
    String path = "/v1/diagnostics/node/capture";
    assertThat(post(server, path, "").statusCode()).isEqualTo(200);
    assertThat(post(server, path, "{}").statusCode()).isEqualTo(200);
    assertThat(post(server, path, "{\"runnerId\":\"runner-A\",\"taskId\":null,\"includeProcessSamples\":false,"
        + "\"sampleDurationSeconds\":10.0}").statusCode()).isEqualTo(200);

    assertThat(post(server, path, "{\"runnerId\":").statusCode()).isEqualTo(400);
    HttpResponse<String> unknown = post(server, path, "{\"runnerID\":\"x\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknown.body()).get("error").get("message").stringValue())
        .startsWith("Invalid capture request: ");
    assertEnvelope(post(server, path, "{\"sampleDurationSeconds\":11}"), 400,
        "sampleDurationSeconds must be between 1 and 10, was 11.0");
    assertThat(post(server, path, "{\"sampleDurationSeconds\":0.5}").statusCode()).isEqualTo(400);
    assertThat(post(server, path, "{\"includeProcessSamples\":\"yes\"}").statusCode()).isEqualTo(400);
    assertEnvelope(post(server, path, "{\"runnerId\":\"missing\"}"), 404,
        "No local runner matched the requested runnerId/taskId.");

    HttpResponse<String> tooLarge = post(server, path, "{\"runnerId\":\"" + "x".repeat(1024 * 1024) + "\"}");
    assertEnvelope(tooLarge, 413, "Request body exceeds 1048576 bytes.");
    byte[] twoMib = new byte[2 * 1024 * 1024];
    HttpResponse<String> chunked = http.send(
        HttpRequest.newBuilder(url(server, path))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(twoMib)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.request().headers().firstValue("Content-Length")).isEmpty();
    assertEnvelope(chunked, 413, "Request body exceeds 1048576 bytes.");
  }

  @Test
  void aSecondConcurrentCaptureIsTooManyRequests() throws Exception {
    CountDownLatch sampling = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CaptureService slow =
        CaptureService.builder(() -> bundleOf("A"))
            .processSampler((pid, d) -> {
              sampling.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return List.of();
            })
            .build();
    DiagnosticsServer server =
        closing(DiagnosticsServer.builder().nodeId("A").localNode(() -> bundleOf("A")).captureService(slow).build().start());
    CompletableFuture<HttpResponse<String>> first =
        http.sendAsync(
            HttpRequest.newBuilder(url(server, "/v1/diagnostics/node/capture"))
                .timeout(Duration.ofSeconds(10))
                // Name the runner: an unfiltered capture matches none (as upstream) and samples nothing.
                .POST(HttpRequest.BodyPublishers.ofString("{\"runnerId\":\"runner-A\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    try {
      assertThat(sampling.await(5, TimeUnit.SECONDS)).isTrue();
      assertEnvelope(post(server, "/v1/diagnostics/node/capture", ""), 429,
          "A diagnostics capture is already running on this node.");
    } finally {
      release.countDown();
    }
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void featuresNotConfiguredAreServiceUnavailable() throws Exception {
    DiagnosticsServer bare =
        closing(DiagnosticsServer.builder().nodeId("A").localNode(() -> bundleOf("A")).build().start());
    assertEnvelope(get(bare, "/v1/diagnostics/cluster"), 503, "Cluster diagnostics are not available on this node.");
    assertEnvelope(get(bare, "/v1/diagnostics/cluster/timeline"), 503, "Cluster diagnostics are not available on this node.");
    assertEnvelope(get(bare, "/v1/diagnostics/cluster/B"), 503, "Cluster diagnostics are not available on this node.");
    assertEnvelope(post(bare, "/v1/diagnostics/node/capture", ""), 503, "Diagnostics capture is not available on this node.");
    assertThat(get(bare, "/v1/diagnostics/cluster/A").statusCode()).isEqualTo(200);
    assertThat(get(bare, "/node_id").body()).isEqualTo("\"A\"");
  }

  @Test
  void failingPeersAreBadGatewayAndAFailingNodeIsAServerError() throws Exception {
    URI down = FakeSkulkPeer.unusedLoopbackUrl();
    FakeSkulkPeer broken = closing(FakeSkulkPeer.builder().nodeId("broken")
        .behavior(FakeSkulkPeer.Behavior.status(500, "{\"detail\":\"capture exploded\"}")).start());
    Map<String, URI> peers = new LinkedHashMap<>();
    peers.put("down", down);
    peers.put("broken", broken.url());
    DiagnosticsServer server = start("A", StaticPeerDirectory.of(peers), Duration.ofSeconds(2));
    HttpResponse<String> peerDown = get(server, "/v1/diagnostics/cluster/down");
    assertThat(peerDown.statusCode()).isEqualTo(502);
    assertThat(JSON.readTree(peerDown.body()).get("error").get("message").stringValue()).startsWith("ConnectError: ");
    HttpResponse<String> captureDown = post(server, "/v1/diagnostics/cluster/down/capture", "");
    assertThat(captureDown.statusCode()).isEqualTo(502);
    HttpResponse<String> captureBroken = post(server, "/v1/diagnostics/cluster/broken/capture", "");
    assertThat(captureBroken.statusCode()).isEqualTo(502);
    assertThat(JSON.readTree(captureBroken.body()).get("error").get("message").stringValue())
        .startsWith("HTTPStatusError: Server error '500 Internal Server Error'")
        .endsWith(": capture exploded");
    assertEnvelope(post(server, "/v1/diagnostics/cluster/nobody/capture", ""), 404, "Unknown node 'nobody'.");

    DiagnosticsServer failing =
        closing(DiagnosticsServer.builder().nodeId("F").localNode(() -> {
          throw new IllegalStateException("no state yet");
        }).build().start());
    assertEnvelope(get(failing, "/v1/diagnostics/node"), 500, "IllegalStateException: no state yet");
  }

  @Test
  void theCallersDeadlineHeaderShortensTheFanOut() throws Exception {
    FakeSkulkPeer silent =
        closing(FakeSkulkPeer.builder().nodeId("silent").behavior(FakeSkulkPeer.Behavior.hang()).start());
    DiagnosticsServer server = start("A", StaticPeerDirectory.of(Map.of("silent", silent.url())), Duration.ofSeconds(5));
    HttpResponse<String> response = get(server, "/v1/diagnostics/cluster", "X-Skulk-Diag-Deadline", "1000");
    assertThat(response.statusCode()).isEqualTo(200);
    ClusterDiagnostics cluster = DiagnosticsJson.strict().read(response.body(), ClusterDiagnostics.class);
    assertThat(cluster.nodes().get(1).error()).startsWith("ReadTimeout: ");
    // 80% of the caller's 1 s is 800 ms; without the header the peer would be given the configured
    // 5 s. What the peer was told is read from its request, not from a wall-clock bound (the
    // arithmetic itself is checked exactly in DiagnosticsRouterTest).
    assertThat(silent.requests()).hasSize(1);
    String told = silent.requests().get(0).header(ClusterDiagnosticsClient.DEADLINE_HEADER);
    assertThat(told).isNotNull();
    assertThat(Long.parseLong(told)).isBetween(1L, 800L);
  }

  @Test
  void aProxiedCaptureToAHungPeerFailsWithinTheCallersDeadline() throws Exception {
    FakeSkulkPeer hung =
        closing(FakeSkulkPeer.builder().nodeId("hung").behavior(FakeSkulkPeer.Behavior.hang()).start());
    // The client's own capture timeout is the default 45 s; before the router passed the caller's
    // deadline on, the proxied capture waited that long and post() below (10 s) timed out.
    DiagnosticsServer server = start("A", StaticPeerDirectory.of(Map.of("hung", hung.url())), Duration.ofSeconds(5));
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(url(server, "/v1/diagnostics/cluster/hung/capture"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header(ClusterDiagnosticsClient.DEADLINE_HEADER, "1000")
            .POST(HttpRequest.BodyPublishers.ofString("{\"runnerId\":\"runner-hung\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(JSON.readTree(response.body()).get("error").get("message").stringValue()).startsWith("ReadTimeout: ");
    // The peer was given 80% of the caller's 1 s, and told so.
    assertThat(hung.requests()).hasSize(1);
    assertThat(hung.requests().get(0).path()).isEqualTo(ClusterDiagnosticsClient.CAPTURE_PATH);
    assertThat(hung.requests().get(0).header(ClusterDiagnosticsClient.DEADLINE_HEADER)).isEqualTo("800");
  }

  @Test
  void withoutACallersDeadlineAProxiedCaptureGetsItsSamplingTimePlusTheMargin() throws Exception {
    DiagnosticCaptureResponse served = captures("P").capture(
        new dev.skulk.diagnostics.model.DiagnosticCaptureRequestBuilder().runnerId("runner-P").build());
    FakeSkulkPeer peer = closing(FakeSkulkPeer.builder().node(bundleOf("P")).capture(served).start());
    DiagnosticsServer server = start("A", StaticPeerDirectory.of(Map.of("P", peer.url())), Duration.ofSeconds(5));

    HttpResponse<String> response = post(server, "/v1/diagnostics/cluster/P/capture",
        "{\"runnerId\":\"runner-P\",\"sampleDurationSeconds\":4.0}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(DiagnosticsJson.strict().read(response.body(), DiagnosticCaptureResponse.class)).isEqualTo(served);
    // 4 s of sampling + the 30 s margin, under the client's 45 s capture timeout.
    assertThat(peer.requests()).hasSize(1);
    assertThat(peer.requests().get(0).header(ClusterDiagnosticsClient.DEADLINE_HEADER)).isEqualTo("34000");
  }

  @Test
  void closeStopsServingAndIsIdempotent() throws Exception {
    DiagnosticsServer server =
        DiagnosticsServer.builder().nodeId("A").localNode(() -> bundleOf("A")).build().start();
    int port = server.port();
    assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    server.close();
    server.close();
    try {
      http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/node_id"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      org.junit.jupiter.api.Assertions.fail("still serving");
    } catch (IOException expected) {
      // refused
    }
  }
}
