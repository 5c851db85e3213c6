package dev.skulk.diagnostics.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequest;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The codec's two round-trip laws over generated values of every top-level wire type: writing then
 * reading gives an equal record, and writing, reading and writing again gives byte-identical text.
 * Values come from {@link DiagnosticsGenerators} with fixed seeds; a failure names the seed, the
 * case and the value.
 */
class WireRoundTripPropertyTest {

  private static final long SEED = 20261127L;

  private final DiagnosticsJson json = DiagnosticsJson.strict();

  private <T> void assertRoundTrips(Class<T> type, int cases, Function<RandomGenerator, T> generator) {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < cases; i++) {
      T value = generator.apply(random);
      String where = "seed " + SEED + ", case " + i + ": " + value;
      String written = json.write(value);
      T read = json.read(written, type);
      assertThat(read).as(where).isEqualTo(value);
      assertThat(json.write(read)).as(where).isEqualTo(written);
    }
  }

  @Test
  void nodeDiagnosticsRoundTrip() {
    assertRoundTrips(NodeDiagnostics.class, 200, DiagnosticsGenerators::nodeDiagnostics);
  }

  @Test
  void clusterDiagnosticsRoundTrip() {
    assertRoundTrips(ClusterDiagnostics.class, 60, DiagnosticsGenerators::clusterDiagnostics);
  }

  @Test
  void clusterTimelineRoundTrip() {
    assertRoundTrips(ClusterTimeline.class, 100, DiagnosticsGenerators::clusterTimeline);
  }

  @Test
  void captureResponseRoundTrip() {
    assertRoundTrips(DiagnosticCaptureResponse.class, 60, DiagnosticsGenerators::diagnosticCaptureResponse);
  }

  @Test
  void captureRequestRoundTrip() {
    assertRoundTrips(DiagnosticCaptureRequest.class, 100, DiagnosticsGenerators::diagnosticCaptureRequest);
  }

  @Test
  void runnerUpdateRoundTrip() {
    assertRoundTrips(RunnerDiagnosticUpdate.class, 200, DiagnosticsGenerators::runnerDiagnosticUpdate);
  }

  @Test
  void prettyOutputReadsBackEqual() {
    long seed = SEED + 1;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 50; i++) {
      NodeDiagnostics bundle = DiagnosticsGenerators.nodeDiagnostics(random);
      assertThat(json.read(json.writePretty(bundle), NodeDiagnostics.class))
          .as("seed %d, case %d: %s", seed, i, bundle)
          .isEqualTo(bundle);
    }
  }
}
