package dev.skulk.diagnostics.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.cluster.CaptureService;
import dev.skulk.diagnostics.cluster.TestBundles;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The route checks every adapter of {@link DiagnosticsRouter} must pass (Micrometer's compatibility
 * kit style): a subclass mounts a router on its server and returns the base URL; every test here
 * then runs against it over real loopback HTTP. Expected bodies come from the codec and from the
 * envelope's literal text, not from the router.
 */
@Timeout(60)
public abstract class DiagnosticsRoutesKit {

  /** Reads envelopes in the tests; an independent JSON reader, not the router's. */
  protected static final JsonMapper JSON = JsonMapper.builder().build();

  /** The client every test uses (HTTP/1.1, generous timeouts). */
  protected final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

  private final List<AutoCloseable> toClose = new ArrayList<>();

  /**
   * Serves {@code router} on a new server bound to 127.0.0.1 on an ephemeral port; register it
   * with {@link #closing} so it is stopped after the test.
   *
   * @return the base URL, for example {@code http://127.0.0.1:43125}
   */
  protected abstract URI serve(DiagnosticsRouter router) throws Exception;

  /** Closes {@code resource} after the test (last registered first). */
  protected final <T extends AutoCloseable> T closing(T resource) {
    toClose.add(resource);
    return resource;
  }

  @AfterEach
  final void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    toClose.clear();
  }

  /** A bundle of node {@code nodeId} with {@code runners} runners whose model ids are long. */
  protected static NodeDiagnostics bundleOf(String nodeId, int runners) {
    RunnerSupervisorDiagnostics[] list = new RunnerSupervisorDiagnostics[runners];
    for (int i = 0; i < runners; i++) {
      list[i] = TestBundles.runner(nodeId, "runner-" + nodeId + "-" + i, "model-" + "m".repeat(2000), 0)
          .pid(ProcessHandle.current().pid())
          .build();
    }
    return TestBundles.node(nodeId, list);
  }

  private static CaptureService captures(String nodeId) {
    return CaptureService.builder(() -> bundleOf(nodeId, 1))
        .processSampler((pid, d) -> List.of(
            new DiagnosticProcessSample("fake", List.of("fake", Long.toString(pid)), true, 0, 0.0, "ok", "", null)))
        .build();
  }

  private URI serve(Consumer<DiagnosticsRouter.Builder> config) throws Exception {
    DiagnosticsRouter.Builder builder = DiagnosticsRouter.builder().nodeId("A").localNode(() -> bundleOf("A", 1));
    config.accept(builder);
    return serve(builder.build());
  }

  protected final HttpResponse<String> get(URI base, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  protected final HttpResponse<String> post(URI base, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Checks Skulk's envelope: exactly {@code {"error":{message,type,param:null,code}}}. */
  protected static void assertEnvelope(HttpResponse<String> response, int status, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode root = JSON.readTree(response.body());
    assertThat(root.size()).isEqualTo(1);
    JsonNode error = root.get("error");
    assertThat(error.get("message").stringValue()).isEqualTo(message);
    assertThat(error.get("code").intValue()).isEqualTo(status);
    assertThat(error.get("param").isNull()).isTrue();
    assertThat(error.get("type").isString()).isTrue();
  }

  @Test
  void nodeIdAndTheNodeBundle() throws Exception {
    URI base = serve(b -> {});
    HttpResponse<String> nodeId = get(base, "/node_id");
    assertThat(nodeId.statusCode()).isEqualTo(200);
    assertThat(nodeId.body()).isEqualTo("\"A\"");
    assertThat(nodeId.headers().firstValue("Content-Type")).hasValue("application/json");
    HttpResponse<String> node = get(base, "/v1/diagnostics/node");
    assertThat(node.statusCode()).isEqualTo(200);
    String expected = DiagnosticsJson.strict().write(bundleOf("A", 1));
    assertThat(node.body()).isEqualTo(expected);
    // Under the 64 KiB held back, a body is sent with its length.
    assertThat(node.headers().firstValueAsLong("Content-Length")).hasValue(expected.getBytes(StandardCharsets.UTF_8).length);
    HttpResponse<String> self = get(base, "/v1/diagnostics/cluster/A");
    assertThat(self.statusCode()).isEqualTo(200);
    assertThat(self.body()).isEqualTo(expected);
  }

  @Test
  void unknownPathsAndWrongMethods() throws Exception {
    URI base = serve(b -> {});
    HttpResponse<String> notFound = get(base, "/v1/diagnostics/nothing");
    assertThat(notFound.body())
        .isEqualTo("{\"error\":{\"message\":\"Not Found\",\"type\":\"Not Found\",\"param\":null,\"code\":404}}");
    assertEnvelope(get(base, "/"), 404, "Not Found");
    assertEnvelope(get(base, "/v1/diagnostics/node/"), 404, "Not Found");
    assertEnvelope(get(base, "/v1/diagnostics/cluster/A/capture/extra"), 404, "Not Found");

    HttpResponse<String> postNode = post(base, "/v1/diagnostics/node", "{}");
    assertThat(postNode.body()).isEqualTo(
        "{\"error\":{\"message\":\"Method Not Allowed\",\"type\":\"Method Not Allowed\",\"param\":null,\"code\":405}}");
    assertThat(postNode.headers().firstValue("Allow")).hasValue("GET");
    HttpResponse<String> getCapture = get(base, "/v1/diagnostics/node/capture");
    assertEnvelope(getCapture, 405, "Method Not Allowed");
    assertThat(getCapture.headers().firstValue("Allow")).hasValue("POST");
    assertThat(post(base, "/node_id", "").headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void captureRequestsAreValidated() throws Exception {
    URI base = serve(b -> b.captureService(captures("A")));
    String path = "/v1/diagnostics/node/capture";
    assertThat(post(base, path, "").statusCode()).isEqualTo(200);
    HttpResponse<String> captured = post(base, path, "{\"runnerId\":\"runner-A-0\"}");
    assertThat(captured.statusCode()).as(captured.body()).isEqualTo(200);
    DiagnosticCaptureResponse response = DiagnosticsJson.strict().read(captured.body(), DiagnosticCaptureResponse.class);
    assertThat(response.nodeId()).isEqualTo("A");
    assertThat(response.processSamples()).extracting(DiagnosticProcessSample::name).containsExactly("fake");

    assertThat(post(base, path, "{\"runnerId\":").statusCode()).isEqualTo(400);
    assertEnvelope(post(base, path, "{\"sampleDurationSeconds\":11}"), 400,
        "sampleDurationSeconds must be between 1 and 10, was 11.0");
    assertEnvelope(post(base, path, "{\"runnerId\":\"missing\"}"), 404,
        "No local runner matched the requested runnerId/taskId.");

    assertEnvelope(post(base, path, "{\"runnerId\":\"" + "x".repeat(1024 * 1024) + "\"}"), 413,
        "Request body exceeds 1048576 bytes.");
    byte[] twoMib = new byte[2 * 1024 * 1024];
    HttpResponse<String> chunked = http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMib)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.request().headers().firstValue("Content-Length")).isEmpty();
    assertEnvelope(chunked, 413, "Request body exceeds 1048576 bytes.");
  }

  @Test
  void featuresNotConfiguredAreServiceUnavailable() throws Exception {
    URI base = serve(b -> {});
    assertEnvelope(get(base, "/v1/diagnostics/cluster"), 503, "Cluster diagnostics are not available on this node.");
    assertEnvelope(get(base, "/v1/diagnostics/cluster/timeline"), 503, "Cluster diagnostics are not available on this node.");
    assertEnvelope(get(base, "/v1/diagnostics/cluster/B"), 503, "Cluster diagnostics are not available on this node.");
    assertEnvelope(post(base, "/v1/diagnostics/node/capture", ""), 503, "Diagnostics capture is not available on this node.");
  }

  @Test
  void aFailingLocalBundleIsAServerError() throws Exception {
    URI base = serve(DiagnosticsRouter.builder().nodeId("F").localNode(() -> {
      throw new IllegalStateException("no state yet");
    }).build());
    assertEnvelope(get(base, "/v1/diagnostics/node"), 500, "IllegalStateException: no state yet");
    assertThat(get(base, "/node_id").body()).isEqualTo("\"F\"");
  }

  @Test
  void aBundleOfAnotherNodeIsNeverServedUnderThisNodesId() throws Exception {
    URI base = serve(b -> b.localNode(() -> bundleOf("B", 1)));
    assertThat(get(base, "/node_id").body()).isEqualTo("\"A\"");
    assertEnvelope(get(base, "/v1/diagnostics/node"), 500,
        "The local bundle is for node 'B' but this node is 'A'; the host must configure one node id.");
    assertEnvelope(get(base, "/v1/diagnostics/cluster/A"), 500,
        "The local bundle is for node 'B' but this node is 'A'; the host must configure one node id.");
  }

  @Test
  void aBodyLargerThanWhatIsHeldBackIsStreamedWhole() throws Exception {
    NodeDiagnostics big = bundleOf("A", 200); // about 400 KB of JSON
    URI base = serve(b -> b.localNode(() -> big));
    HttpResponse<String> node = get(base, "/v1/diagnostics/node");
    assertThat(node.statusCode()).isEqualTo(200);
    assertThat(node.headers().firstValue("Content-Length")).isEmpty();
    assertThat(node.body()).isEqualTo(DiagnosticsJson.strict().write(big));
  }

  @Test
  void aSerializationFailureBeforeAnyByteLeftIsAnEnvelope() throws Exception {
    URI base = serve(b -> b.bodyWriter(failingAfter(100)));
    assertEnvelope(get(base, "/v1/diagnostics/node"), 500,
        "Could not serialize the response: IllegalStateException: serializer exploded");
    assertThat(get(base, "/node_id").statusCode()).isEqualTo(200);
  }

  @Test
  void aSerializationFailureAfterBytesLeftCutsTheResponse() throws Exception {
    NodeDiagnostics big = bundleOf("A", 200);
    URI base = serve(b -> b.localNode(() -> big).bodyWriter(failingAfter(200_000)));
    // The client must see a broken response, never a 200 that looks whole.
    assertThatThrownBy(() -> get(base, "/v1/diagnostics/node")).isInstanceOf(IOException.class);
    assertThat(get(base, "/node_id").body()).isEqualTo("\"A\"");
  }

  /** Writes the real JSON's first {@code bytes} bytes, then fails as a broken serializer would. */
  private static DiagnosticsRouter.BodyWriter failingAfter(int bytes) {
    return (value, out) -> {
      ByteArrayOutputStream whole = new ByteArrayOutputStream();
      DiagnosticsJson.strict().write(value, whole);
      byte[] json = whole.toByteArray();
      assertThat(json.length).isGreaterThan(bytes);
      OutputStream target = out;
      target.write(json, 0, bytes);
      throw new IllegalStateException("serializer exploded");
    };
  }
}
