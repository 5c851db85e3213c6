package dev.skulk.diagnostics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.cli.triage.BundleDiff;
import dev.skulk.diagnostics.cli.triage.Finding;
import dev.skulk.diagnostics.cli.triage.ReportStyle;
import dev.skulk.diagnostics.cli.triage.Severity;
import dev.skulk.diagnostics.cli.triage.Triage;
import dev.skulk.diagnostics.cli.triage.TriageRenderer;
import dev.skulk.diagnostics.cli.triage.TriageReport;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.testkit.DiagnosticsGenerators;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Triage and diff on seeded generated bundles of every type (odd ids, timestamps that are not
 * timestamps, huge numbers): they never throw, a report is sorted worst first and its JSON counts
 * agree with it, and a bundle compared with itself shows no movement. Each case prints its seed.
 */
class TriagePropertyTest {

  private static final long SEED = 0x7121A6EL;
  private static final int CASES = 300;
  private static final List<Function<RandomGenerator, Object>> TYPES = List.of(
      DiagnosticsGenerators::nodeDiagnostics, DiagnosticsGenerators::clusterDiagnostics,
      DiagnosticsGenerators::clusterTimeline, DiagnosticsGenerators::diagnosticCaptureResponse);

  @Test
  void triageNeverThrowsSortsWorstFirstAndItsJsonAgrees() {
    SplittableRandom seeds = new SplittableRandom(SEED);
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      Object document = TYPES.get(i % TYPES.size()).apply(new SplittableRandom(seed));
      String described = "seed " + seed + ": " + DiagnosticsJson.strict().write(document);
      TriageReport report = Triage.withDefaults().analyse(document);

      assertThat(report.findings()).as(described).isSortedAccordingTo(Finding.ORDER);
      assertThat(TriageRenderer.text(report, ReportStyle.PLAIN)).as(described).isNotEmpty();
      assertThat(TriageRenderer.text(report, ReportStyle.terminal(40))).as(described).allSatisfy(line ->
          assertThat(line.replaceAll("\u001b\\[[0-9;]*m", "").codePointCount(0,
              line.replaceAll("\u001b\\[[0-9;]*m", "").length())).isLessThanOrEqualTo(40));
      assertThat(TriageRenderer.markdown(report)).as(described).isNotEmpty();
      JsonNode json = JsonMapper.shared().readTree(TriageRenderer.json(report));
      assertThat(json.get("critical").asLong()).as(described).isEqualTo(report.count(Severity.CRITICAL));
      assertThat(json.get("findings").size()).as(described).isEqualTo(report.findings().size());
    }
  }

  @Test
  void aBundleComparedWithItselfShowsNoMovement() {
    SplittableRandom seeds = new SplittableRandom(SEED + 1);
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      Object document = i % 2 == 0
          ? DiagnosticsGenerators.nodeDiagnostics(new SplittableRandom(seed))
          : DiagnosticsGenerators.clusterDiagnostics(new SplittableRandom(seed));
      String described = "seed " + seed + ": " + DiagnosticsJson.strict().write(document);

      BundleDiff diff = BundleDiff.of(document, document);

      assertThat(diff.nodes()).as(described).allSatisfy(node -> {
        assertThat(node.runners()).allSatisfy(r -> {
          assertThat(r.verdict()).isIn("stuck", "idle");
          assertThat(r.newEntries()).isZero();
        });
        assertThat(node.processesAppeared()).isEmpty();
        assertThat(node.processesVanished()).isEmpty();
        assertThat(node.warningsNew()).isEmpty();
        assertThat(node.warningsCleared()).isEmpty();
        assertThat(node.memory()).allSatisfy(m -> assertThat(m.before()).isEqualTo(m.after()));
      });
      assertThat(diff.text()).as(described).isNotEmpty();
      JsonMapper.shared().readTree(diff.json());
    }
  }

  @Test
  void diffOfUnrelatedBundlesNeverThrows() {
    SplittableRandom seeds = new SplittableRandom(SEED + 2);
    for (int i = 0; i < CASES; i++) {
      long a = seeds.nextLong();
      long b = seeds.nextLong();
      ClusterDiagnostics older = DiagnosticsGenerators.clusterDiagnostics(new SplittableRandom(a));
      ClusterDiagnostics newer = DiagnosticsGenerators.clusterDiagnostics(new SplittableRandom(b));

      BundleDiff diff = BundleDiff.of(older, newer);

      assertThat(diff.text()).as("seeds " + a + ", " + b).isNotEmpty();
      JsonMapper.shared().readTree(diff.json());
    }
  }
}
