package dev.skulk.diagnostics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.cli.triage.ReportStyle;
import dev.skulk.diagnostics.cli.triage.Triage;
import dev.skulk.diagnostics.cli.triage.TriageRenderer;
import dev.skulk.diagnostics.cli.triage.TriageReport;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponseBuilder;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code skulk-diag triage} on hand-made bundles that cover every finding, compared line for line
 * with golden reports whose every figure was worked out by hand from the fixture (see
 * {@code triage/make_fixtures.py} for the inputs).
 */
class TriageCommandTest {

  @TempDir Path dir;

  static Path fixture(String name) {
    try {
      return Path.of(TriageCommandTest.class.getResource("triage/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> golden(String name) throws IOException {
    try (InputStream in = TriageCommandTest.class.getResourceAsStream("triage/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "python-cluster-unreachable-peer.json, python-cluster-unreachable-peer.txt, 3",
    "node-many-problems.json,              node-many-problems.txt,              3",
    "node-leaked-wired.json,               node-leaked-wired.txt,               0",
    "cluster-clock-offsets.json,           cluster-clock-offsets.txt,           0",
    "timeline-clock-ahead.json,            timeline-clock-ahead.txt,            0",
    "node-healthy.json,                    node-healthy.txt,                    0",
  })
  void textReportMatchesTheGoldenFileAndExitsByTheWorstFinding(String input, String expected, int exit)
      throws IOException {
    CliRun run = CliRun.of("triage", fixture(input).toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines().toList()).containsExactlyElementsOf(golden(expected));
    assertThat(run.exitCode()).isEqualTo(exit);
  }

  @Test
  void markdownReportMatchesItsGoldenFile() throws IOException {
    CliRun run = CliRun.of("triage", "--format", "markdown", fixture("python-cluster-unreachable-peer.json").toString());

    assertThat(run.out().lines().toList()).containsExactlyElementsOf(golden("python-cluster-unreachable-peer.md"));
    assertThat(run.exitCode()).isEqualTo(3);
  }

  @Test
  void jsonReportKeepsWholeIdsAndNamesTheEvidence() {
    CliRun run = CliRun.of("triage", "--format", "json", fixture("python-cluster-unreachable-peer.json").toString());

    assertThat(run.exitCode()).isEqualTo(3);
    JsonNode report = JsonMapper.shared().readTree(run.out());
    assertThat(report.get("critical").asInt()).isEqualTo(1);
    assertThat(report.get("warning").asInt()).isEqualTo(1);
    JsonNode first = report.get("findings").get(0);
    assertThat(first.get("severity").asString()).isEqualTo("critical");
    assertThat(first.get("code").asString()).isEqualTo("rank-disagreement");
    assertThat(first.get("nodeId").asString()).isEqualTo("12D3KooWStudioAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertThat(first.get("runnerId").asString()).isEqualTo("runner-0-studio-5d1e");
    assertThat(first.get("field").asString()).isEqualTo("supervisorRunners[0].phase");
    assertThat(first.get("value").asString()).isEqualTo("decode_barrier");
    JsonNode ranks = report.get("instances").get(0).get("ranks");
    assertThat(ranks).hasSize(3);
    assertThat(ranks.get(2).get("reported").asBoolean()).isFalse();
    assertThat(ranks.get(2).get("nodeId").asString()).isEqualTo("12D3KooWOfflineCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC");
    assertThat(report.get("nodes").get(2).get("error").asString())
        .isEqualTo("ConnectError: All connection attempts failed");
  }

  @Test
  void readsStandardInput() throws IOException {
    String healthy = Files.readString(fixture("node-healthy.json"));

    CliRun run = CliRun.withStdin(healthy, "triage", "-");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().toList()).containsExactlyElementsOf(golden("node-healthy.txt"));
  }

  @Test
  void aCaptureIsTriagedAsItsNodeBundlePlusItsOwnWarnings() throws IOException {
    DiagnosticsJson json = DiagnosticsJson.strict();
    NodeDiagnostics node = json.read(Files.readString(fixture("node-leaked-wired.json")), NodeDiagnostics.class);
    DiagnosticCaptureResponse capture = new DiagnosticCaptureResponseBuilder()
        .generatedAt(node.generatedAt()).nodeId(node.runtime().nodeId()).nodeDiagnostics(node)
        .addWarnings("Matched runner process is no longer alive.").build();
    Path file = dir.resolve("capture.json");
    Files.writeString(file, json.write(capture));

    CliRun run = CliRun.of("triage", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().toList()).first().isEqualTo(
        "Triage of a capture bundle from 12D3KooW…BBBB, generated 2026-11-27T03:13:13.500000+00:00; master 12D3KooW…BBBB");
    assertThat(run.out().lines().toList()).contains(
        "Warnings in the bundle (2)",
        "  12D3KooW…BBBB  Matched runner process is no longer alive.",
        "  WARNING   leaked-wired-memory  node 12D3KooW…BBBB  resources.currentWired.inBytes = 8053063680");
  }

  @Test
  void onATerminalSeveritiesAreColouredAndLinesFitTheWidth() throws IOException {
    ClusterDiagnostics cluster = DiagnosticsJson.strict()
        .read(Files.readString(fixture("python-cluster-unreachable-peer.json")), ClusterDiagnostics.class);
    TriageReport report = Triage.withDefaults().analyse(cluster);

    List<String> lines = TriageRenderer.text(report, ReportStyle.terminal(60));

    assertThat(lines).anyMatch(line -> line.contains("\u001b[1;31mCRITICAL\u001b[0m"));
    assertThat(lines).anyMatch(line -> line.contains("\u001b[33mWARNING\u001b[0m"));
    for (String line : lines) {
      String visible = line.replaceAll("\u001b\\[[0-9;]*m", "");
      assertThat(visible.codePointCount(0, visible.length())).as(visible).isLessThanOrEqualTo(60);
    }
    assertThat(lines).anyMatch(line -> line.endsWith("…") || line.endsWith("…\u001b[0m"));
    // The plain style is what a pipe gets: no escape at all, nothing cut.
    assertThat(TriageRenderer.text(report, ReportStyle.PLAIN)).noneMatch(line -> line.contains("\u001b"));
  }

  @Test
  void anUnreadableSourceExitsOneWithOneLine() throws IOException {
    CliRun missing = CliRun.of("triage", dir.resolve("nope.json").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err().strip()).isEqualTo("cannot read " + dir.resolve("nope.json") + ": no such file");

    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"generatedAt\": 12, \"runtime\": {}, \"resources\": {}}");
    CliRun invalid = CliRun.of("triage", bad.toString());
    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(invalid.err().strip()).startsWith("$.generatedAt: expected a string");
    assertThat(invalid.out()).isEmpty();
  }

  @Test
  void aBadFormatIsAUsageError() {
    CliRun run = CliRun.of("triage", "--format", "html", fixture("node-healthy.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--format");
  }

  @Test
  void controlCharactersFromABundleNeverReachTheTerminal() throws IOException {
    // A friendly name or warning carrying an escape sequence would recolour or rewrite the
    // operator's terminal; it is shown as a visible \\u escape instead, in every format.
    String hostile = Files.readString(fixture("node-leaked-wired.json"))
        .replace("\"friendlyName\":\"kite\"", "\"friendlyName\":\"ki\\u001b[2Jte\\u202e\"");
    Path file = dir.resolve("hostile.json");
    Files.writeString(file, hostile);

    for (String format : List.of("text", "markdown")) {
      CliRun run = CliRun.of("triage", "--format", format, file.toString());
      assertThat(run.out()).as(format).doesNotContain("\u001b", "\u202e").contains("ki\\u001b[2Jte\\u202e");
    }
    List<String> terminal = TriageRenderer.text(Triage.withDefaults().analyse(
        DiagnosticsJson.strict().read(hostile, NodeDiagnostics.class)), ReportStyle.terminal(200));
    assertThat(String.join("\n", terminal).replaceAll("\u001b\\[(0|1|1;31|33|32)m", "")).doesNotContain("\u001b");
  }
}
