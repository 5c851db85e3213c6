package dev.skulk.diagnostics.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient;
import dev.skulk.diagnostics.cluster.StaticPeerDirectory;
import dev.skulk.diagnostics.cluster.TestBundles;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequest;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequestBuilder;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The router without any server: a request in, what reaches the sink out. */
class DiagnosticsRouterTest {

  /** Records what the router sends. */
  private static final class RecordingSink implements DiagnosticsResponseSink {
    int status;
    @Nullable Map<String, String> headers;
    long contentLength = Long.MIN_VALUE;
    int commits;
    boolean aborted;
    boolean closed;
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @Override
    public OutputStream commit(int status, Map<String, String> headers, long contentLength) {
      commits++;
      this.status = status;
      this.headers = Map.copyOf(headers);
      this.contentLength = contentLength;
      return new OutputStream() {
        @Override
        public void write(int b) {
          body.write(b);
        }

        @Override
        public void close() {
          closed = true;
        }
      };
    }

    @Override
    public void abort() {
      aborted = true;
    }

    String text() {
      return body.toString(StandardCharsets.UTF_8);
    }
  }

  private static DiagnosticsRequest get(String path) {
    return new DiagnosticsRequest("GET", path, null, name -> null, new ByteArrayInputStream(new byte[0]));
  }

  private static NodeDiagnostics bundle(String nodeId, int runners) {
    return DiagnosticsRoutesKit.bundleOf(nodeId, runners);
  }

  @Test
  void pathSegmentsArePercentDecodedAndKeepEmptyOnes() {
    assertThat(DiagnosticsRouter.segments("/v1/diagnostics/cluster/node%2Fa%20b"))
        .containsExactly("v1", "diagnostics", "cluster", "node/a b");
    assertThat(DiagnosticsRouter.segments("/v1/diagnostics/node/")).containsExactly("v1", "diagnostics", "node", "");
    assertThat(DiagnosticsRouter.segments("/caf%C3%A9%zz")).containsExactly("café%zz");
    assertThat(DiagnosticsRouter.segments(null)).isEmpty();
  }

  @Test
  void theCallersDeadlineIsCutTo80PercentWhenShorter() {
    Duration configured = Duration.ofSeconds(12);
    assertThat(DiagnosticsRouter.deadline(null, configured)).isEqualTo(configured);
    assertThat(DiagnosticsRouter.deadline("1000", configured)).isEqualTo(Duration.ofMillis(800));
    assertThat(DiagnosticsRouter.deadline(" 2500.5 ", configured)).isEqualTo(Duration.ofMillis(2000));
    assertThat(DiagnosticsRouter.deadline("60000", configured)).isEqualTo(configured);
    assertThat(DiagnosticsRouter.deadline("0", configured)).isEqualTo(Duration.ofMillis(1));
    assertThat(DiagnosticsRouter.deadline("soon", configured)).isEqualTo(configured);
    assertThat(DiagnosticsRouter.deadline("NaN", configured)).isEqualTo(configured);
  }

  @Test
  void aProxiedCaptureGetsItsSamplingTimePlusTheMarginOr80PercentOfTheCallersDeadline() {
    DiagnosticCaptureRequest threeSeconds = DiagnosticCaptureRequest.defaults(); // samples 3 s
    DiagnosticCaptureRequest tenSeconds = new DiagnosticCaptureRequestBuilder().sampleDurationSeconds(10.0).build();
    DiagnosticCaptureRequest fractional = new DiagnosticCaptureRequestBuilder().sampleDurationSeconds(1.0005).build();
    // No header: duration + 30 s, as the CLI's capture --node allows.
    assertThat(DiagnosticsRouter.captureDeadline(null, threeSeconds)).isEqualTo(Duration.ofSeconds(33));
    assertThat(DiagnosticsRouter.captureDeadline(null, tenSeconds)).isEqualTo(Duration.ofSeconds(40));
    assertThat(DiagnosticsRouter.captureDeadline(null, fractional)).isEqualTo(Duration.ofMillis(31_001));
    // A shorter caller's deadline wins at 80%; a longer one does not stretch it.
    assertThat(DiagnosticsRouter.captureDeadline("1000", threeSeconds)).isEqualTo(Duration.ofMillis(800));
    assertThat(DiagnosticsRouter.captureDeadline("120000", tenSeconds)).isEqualTo(Duration.ofSeconds(40));
    assertThat(DiagnosticsRouter.captureDeadline("later", threeSeconds)).isEqualTo(Duration.ofSeconds(33));
  }

  @Test
  void lanesSeparateWhatWaitsOnPeersFromWhatAnswersAtOnce() {
    DiagnosticsRouter router = DiagnosticsRouter.builder().nodeId("A").localNode(() -> bundle("A", 1)).build();
    assertThat(router.lane("/node_id")).isEqualTo(DiagnosticsRouter.Lane.LOCAL);
    assertThat(router.lane("/v1/diagnostics/node")).isEqualTo(DiagnosticsRouter.Lane.LOCAL);
    assertThat(router.lane("/nothing")).isEqualTo(DiagnosticsRouter.Lane.LOCAL);
    assertThat(router.lane("/v1/diagnostics/cluster")).isEqualTo(DiagnosticsRouter.Lane.FAN_OUT);
    assertThat(router.lane("/v1/diagnostics/cluster/B")).isEqualTo(DiagnosticsRouter.Lane.FAN_OUT);
    assertThat(router.lane("/v1/diagnostics/node/capture")).isEqualTo(DiagnosticsRouter.Lane.FAN_OUT);
  }

  @Test
  void theNodeIdIsConfiguredOnce() {
    try (ClusterDiagnosticsClient clientOfB = ClusterDiagnosticsClient.builder()
        .localNodeId("B").localNode(() -> bundle("B", 1)).peerDirectory(StaticPeerDirectory.empty()).build()) {
      assertThatThrownBy(() -> DiagnosticsRouter.builder().nodeId("A").localNode(() -> bundle("A", 1))
          .clusterClient(clientOfB).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the cluster client is for node 'B' but the router serves node 'A'; configure one node id");
      // Without an explicit id, the client's is the one.
      DiagnosticsRouter derived = DiagnosticsRouter.builder().localNode(() -> bundle("B", 1)).clusterClient(clientOfB).build();
      assertThat(derived.nodeId()).isEqualTo("B");
    }
    assertThatThrownBy(() -> DiagnosticsRouter.builder().localNode(() -> bundle("A", 1)).build())
        .isInstanceOf(NullPointerException.class).hasMessage("nodeId is required");
  }

  @Test
  void aSmallBodyIsSentWithItsLengthAndABigOneStreamed() throws IOException {
    NodeDiagnostics small = bundle("A", 1);
    RecordingSink sink = new RecordingSink();
    DiagnosticsRouter.builder().nodeId("A").localNode(() -> small).build().handle(get("/v1/diagnostics/node"), sink);
    byte[] expected = DiagnosticsJson.strict().writeBytes(small);
    assertThat(sink.status).isEqualTo(200);
    assertThat(sink.headers).containsExactly(Map.entry("Content-Type", "application/json"));
    assertThat(sink.contentLength).isEqualTo(expected.length);
    assertThat(sink.body.toByteArray()).isEqualTo(expected);
    assertThat(sink.closed).isTrue();

    RecordingSink streamed = new RecordingSink();
    DiagnosticsRouter.builder().nodeId("A").localNode(() -> small).responseBufferBytes(expected.length - 1).build()
        .handle(get("/v1/diagnostics/node"), streamed);
    assertThat(streamed.contentLength).isEqualTo(-1);
    assertThat(streamed.body.toByteArray()).isEqualTo(expected);
    assertThat(streamed.closed).isTrue();
    assertThat(streamed.commits).isEqualTo(1);
  }

  @Test
  void aFailedSerializationIsAnEnvelopeBeforeCommitAndACutAfter() throws IOException {
    DiagnosticsRouter.BodyWriter failing = (value, out) -> {
      out.write("{\"generatedAt\":\"".getBytes(StandardCharsets.UTF_8));
      throw new IllegalStateException("boom");
    };
    RecordingSink held = new RecordingSink();
    DiagnosticsRouter.builder().nodeId("A").localNode(() -> bundle("A", 1)).bodyWriter(failing).build()
        .handle(get("/v1/diagnostics/node"), held);
    String envelope = "{\"error\":{\"message\":\"Could not serialize the response: IllegalStateException: boom\","
        + "\"type\":\"Internal Server Error\",\"param\":null,\"code\":500}}";
    assertThat(held.status).isEqualTo(500);
    assertThat(held.text()).isEqualTo(envelope);
    assertThat(held.contentLength).isEqualTo(envelope.length());
    assertThat(held.aborted).isFalse();

    RecordingSink cut = new RecordingSink();
    DiagnosticsRouter.builder().nodeId("A").localNode(() -> bundle("A", 1)).bodyWriter(failing).responseBufferBytes(4).build()
        .handle(get("/v1/diagnostics/node"), cut);
    assertThat(cut.status).isEqualTo(200);
    assertThat(cut.contentLength).isEqualTo(-1);
    assertThat(cut.text()).isEqualTo("{\"generatedAt\":\"");
    assertThat(cut.aborted).isTrue();
    assertThat(cut.closed).as("a cut response is never completed").isFalse();
  }

  @Test
  void aLocalBundleOfAnotherNodeIsRefused() throws IOException {
    RecordingSink sink = new RecordingSink();
    DiagnosticsRouter.builder().nodeId("A").localNode(() -> TestBundles.node("B")).build()
        .handle(get("/v1/diagnostics/node"), sink);
    assertThat(sink.status).isEqualTo(500);
    assertThat(sink.text()).contains("The local bundle is for node 'B' but this node is 'A'");
  }
}
