package dev.skulk.diagnostics.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient;
import dev.skulk.diagnostics.cluster.StaticPeerDirectory;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponseBuilder;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnosticsBuilder;
import dev.skulk.diagnostics.server.DiagnosticsRequest;
import dev.skulk.diagnostics.server.DiagnosticsResponseSink;
import dev.skulk.diagnostics.server.DiagnosticsRouter;
import dev.skulk.diagnostics.testkit.FakeSkulkPeer;
import dev.skulk.diagnostics.testkit.InMemoryClusterState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ports of the cluster cases of upstream's {@code src/skulk/api/tests/test_diagnostics_api.py}: the
 * fan-out and the capture proxy, each method named after the upstream test, with the same inputs
 * and expected outputs. Upstream drives its FastAPI app in-process ({@code TestClient}) and replaces
 * {@code httpx.AsyncClient} with a fake; here the same requests go through our {@link
 * DiagnosticsRouter} in-process, and the peer is a real {@link FakeSkulkPeer} on loopback (so its
 * URL is {@code http://127.0.0.1:<port>}, not upstream's {@code http://peer-node:52415}).
 *
 * <p><b>Not ported: the runner-cancel cases.</b> Upstream's {@code
 * test_cancel_local_runner_task_calls_worker_provider} and {@code
 * test_cancel_cluster_runner_task_proxies_to_peer} test {@code POST
 * /v1/diagnostics/node/runners/{runnerId}/cancel} (which calls a worker's cancel provider) and
 * {@code POST /v1/diagnostics/cluster/{nodeId}/runners/{runnerId}/cancel} (which proxies it to a
 * peer). This SDK's API is read-only by design (DESIGN.md: nothing it serves changes the host), so
 * it has no cancel provider and no {@code RunnerTaskCancelRequest/Response} model: a Java node
 * answers both paths 503 "Local worker runner controls are not available on this node.", as
 * upstream answers its local route without a provider, and relays nothing to a peer, which {@link
 * #runnerCancelRoutesAreNotServed()} pins down so that adding them is a deliberate change.
 */
@Timeout(60)
class UpstreamDiagnosticsApiClusterTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

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

  /** Upstream's {@code _build_api("local-node")}: a node with empty state and no runners. */
  private NodeDiagnostics localNode() {
    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder()
        .nodeId("local-node").state(InMemoryClusterState.builder("local-node").build()).build()) {
      return assembler.assembleNode();
    }
  }

  /**
   * Upstream's peer bundle: {@code NodeDiagnostics(generated_at="2026-04-23T00:00:00+00:00",
   * runtime=runtime.model_copy(update={"node_id": "peer-node", "hostname": "peer-node.local"}),
   * resources=api._resource_diagnostics())}, the rest defaults.
   */
  private static NodeDiagnostics peerNode(NodeDiagnostics local) {
    return new NodeDiagnostics("2026-04-23T00:00:00+00:00",
        new NodeRuntimeDiagnosticsBuilder().from(local.runtime()).nodeId("peer-node").hostname("peer-node.local").build(),
        null, local.resources(), List.of(), List.of(), List.of(), List.of());
  }

  /** Our equivalent of upstream's {@code TestClient(api.app)} with {@code _reachable_peer_api_urls} patched. */
  private DiagnosticsRouter router(NodeDiagnostics local, FakeSkulkPeer peer) {
    ClusterDiagnosticsClient client = closing(ClusterDiagnosticsClient.builder()
        .localNodeId("local-node")
        .localNode(() -> local)
        .peerDirectory(StaticPeerDirectory.of(Map.of("peer-node", peer.url())))
        // Upstream's timeouts (10 s per peer GET, 30 s per proxied capture); a healthy loopback
        // peer answers long before them.
        .perPeerTimeout(Duration.ofSeconds(10))
        .overallDeadline(Duration.ofSeconds(12))
        .captureTimeout(Duration.ofSeconds(30))
        .build());
    return DiagnosticsRouter.builder().nodeId("local-node").localNode(() -> local).clusterClient(client).build();
  }

  @Test
  void test_cluster_diagnostics_returns_local_and_peer_results() throws Exception {
    NodeDiagnostics local = localNode();
    NodeDiagnostics peerDiagnostics = peerNode(local);
    FakeSkulkPeer peer = closing(FakeSkulkPeer.builder().nodeId("peer-node").node(peerDiagnostics).start());
    DiagnosticsRouter router = router(local, peer);

    Response response = send(router, "GET", "/v1/diagnostics/cluster", null);

    assertThat(response.status).isEqualTo(200);
    ClusterDiagnostics body = DiagnosticsJson.strict().read(response.body(), ClusterDiagnostics.class);
    assertThat(body.nodes()).extracting(ClusterNodeDiagnostics::nodeId)
        .containsExactlyInAnyOrder("local-node", "peer-node");
    assertThat(body.nodes()).allMatch(ClusterNodeDiagnostics::ok);
    // Upstream fetches {base_url}/v1/diagnostics/node for the peer and keeps its answer as it is.
    assertThat(peer.requests()).extracting(FakeSkulkPeer.Request::method, FakeSkulkPeer.Request::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/v1/diagnostics/node"));
    ClusterNodeDiagnostics peerEntry =
        body.nodes().stream().filter(n -> n.nodeId().equals("peer-node")).findFirst().orElseThrow();
    assertThat(peerEntry.url()).isEqualTo(peer.url().toString());
    assertThat(peerEntry.diagnostics()).isEqualTo(peerDiagnostics);
  }

  @Test
  void test_capture_cluster_node_diagnostics_proxies_to_peer() throws Exception {
    NodeDiagnostics local = localNode();
    DiagnosticCaptureResponse capture = new DiagnosticCaptureResponseBuilder()
        .generatedAt("2026-04-23T00:00:00+00:00")
        .nodeId("peer-node")
        .nodeDiagnostics(peerNode(local))
        .flightRecorder(List.of())
        .processSamples(List.of())
        .warnings(List.of())
        .build();
    FakeSkulkPeer peer =
        closing(FakeSkulkPeer.builder().nodeId("peer-node").node(peerNode(local)).capture(capture).start());
    DiagnosticsRouter router = router(local, peer);

    Response response =
        send(router, "POST", "/v1/diagnostics/cluster/peer-node/capture", "{\"runnerId\": \"runner-1\", \"taskId\": \"task-1\"}");

    assertThat(response.status).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("nodeId").stringValue()).isEqualTo("peer-node");
    assertThat(DiagnosticsJson.strict().read(response.body(), DiagnosticCaptureResponse.class)).isEqualTo(capture);
    // Upstream's fake client asserts the URL and the JSON it is posted: the request with its
    // defaults filled in (model_dump of DiagnosticCaptureRequest).
    assertThat(peer.requests()).hasSize(1);
    FakeSkulkPeer.Request proxied = peer.requests().get(0);
    assertThat(proxied.method()).isEqualTo("POST");
    assertThat(proxied.path()).isEqualTo("/v1/diagnostics/node/capture");
    assertThat(JSON.readTree(proxied.body())).isEqualTo(JSON.readTree(
        "{\"runnerId\": \"runner-1\", \"taskId\": \"task-1\", \"includeProcessSamples\": true, \"sampleDurationSeconds\": 3.0}"));
  }

  /** See the class comment: upstream's two cancel routes have no equivalent in this read-only API. */
  @Test
  void runnerCancelRoutesAreNotServed() throws Exception {
    NodeDiagnostics local = localNode();
    FakeSkulkPeer peer = closing(FakeSkulkPeer.builder().nodeId("peer-node").node(peerNode(local)).start());
    DiagnosticsRouter router = router(local, peer);

    Response localCancel = send(router, "POST", "/v1/diagnostics/node/runners/runner-1/cancel", "{\"taskId\": \"task-1\"}");
    Response peerCancel =
        send(router, "POST", "/v1/diagnostics/cluster/peer-node/runners/runner-1/cancel", "{\"taskId\": \"task-1\"}");

    // As upstream's cancel_local_runner_task answers without a runner-cancel provider; the peer's
    // cancellation is not relayed either (upstream would proxy it): the API is read-only.
    assertThat(localCancel.status).isEqualTo(503);
    assertThat(peerCancel.status).isEqualTo(503);
    assertThat(JSON.readTree(localCancel.body()).get("error").get("message").stringValue())
        .isEqualTo("Local worker runner controls are not available on this node.");
    assertThat(JSON.readTree(peerCancel.body()).get("error").get("message").stringValue())
        .isEqualTo("Local worker runner controls are not available on this node.");
    assertThat(peer.requests()).isEmpty();
  }

  private static Response send(DiagnosticsRouter router, String method, String path, @Nullable String body)
      throws Exception {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = body == null ? Map.of()
        : Map.of("content-type", "application/json", "content-length", Integer.toString(bytes.length));
    DiagnosticsRequest request = new DiagnosticsRequest(method, path, null,
        name -> headers.get(name.toLowerCase(Locale.ROOT)), new ByteArrayInputStream(bytes));
    Response response = new Response();
    router.handle(request, response);
    return response;
  }

  /** What the router sent, as upstream's {@code TestClient} response. */
  private static final class Response implements DiagnosticsResponseSink {
    int status;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Override
    public OutputStream commit(int status, Map<String, String> headers, long contentLength) {
      this.status = status;
      return out;
    }

    @Override
    public void abort() {
      throw new AssertionError("the router cut a response");
    }

    byte[] body() {
      return out.toByteArray();
    }
  }
}
