package dev.skulk.diagnostics.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequest;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The codec's two round-trip laws over generated values of every top-level wire type: writing then
 * reading gives an equal record, and writing, reading and writing again gives byte-identical text.
 */
class WireRoundTripProperties {

  private final DiagnosticsJson json = DiagnosticsJson.strict();

  private <T> void assertRoundTrips(T value, Class<T> type) {
    String written = json.write(value);
    T read = json.read(written, type);
    assertThat(read).isEqualTo(value);
    assertThat(json.write(read)).isEqualTo(written);
  }

  @Property(tries = 200)
  void nodeDiagnosticsRoundTrip(@ForAll("nodes") NodeDiagnostics bundle) {
    assertRoundTrips(bundle, NodeDiagnostics.class);
  }

  @Property(tries = 60)
  void clusterDiagnosticsRoundTrip(@ForAll("clusters") ClusterDiagnostics bundle) {
    assertRoundTrips(bundle, ClusterDiagnostics.class);
  }

  @Property(tries = 100)
  void clusterTimelineRoundTrip(@ForAll("timelines") ClusterTimeline timeline) {
    assertRoundTrips(timeline, ClusterTimeline.class);
  }

  @Property(tries = 60)
  void captureResponseRoundTrip(@ForAll("captures") DiagnosticCaptureResponse capture) {
    assertRoundTrips(capture, DiagnosticCaptureResponse.class);
  }

  @Property(tries = 100)
  void captureRequestRoundTrip(@ForAll("captureRequests") DiagnosticCaptureRequest request) {
    assertRoundTrips(request, DiagnosticCaptureRequest.class);
  }

  @Property(tries = 200)
  void runnerUpdateRoundTrip(@ForAll("updates") RunnerDiagnosticUpdate update) {
    assertRoundTrips(update, RunnerDiagnosticUpdate.class);
  }

  @Property(tries = 50)
  void prettyOutputReadsBackEqual(@ForAll("nodes") NodeDiagnostics bundle) {
    assertThat(json.read(json.writePretty(bundle), NodeDiagnostics.class)).isEqualTo(bundle);
  }

  @Provide
  Arbitrary<NodeDiagnostics> nodes() {
    return DiagnosticsArbitraries.nodeDiagnostics();
  }

  @Provide
  Arbitrary<ClusterDiagnostics> clusters() {
    return DiagnosticsArbitraries.clusterDiagnostics();
  }

  @Provide
  Arbitrary<ClusterTimeline> timelines() {
    return DiagnosticsArbitraries.clusterTimeline();
  }

  @Provide
  Arbitrary<DiagnosticCaptureResponse> captures() {
    return DiagnosticsArbitraries.diagnosticCaptureResponse();
  }

  @Provide
  Arbitrary<DiagnosticCaptureRequest> captureRequests() {
    return DiagnosticsArbitraries.diagnosticCaptureRequest();
  }

  @Provide
  Arbitrary<RunnerDiagnosticUpdate> updates() {
    return DiagnosticsArbitraries.runnerDiagnosticUpdate();
  }
}
