package dev.skulk.diagnostics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.testkit.SampleBundles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The document commands of {@code skulk-diag} (validate, normalize) and the help of every command. */
class SkulkDiagTest {

  @TempDir Path dir;

  private String specExample() throws IOException {
    try (InputStream in = SkulkDiagTest.class.getResourceAsStream("spec-example-cluster.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path file(String name, String content) throws IOException {
    Path path = dir.resolve(name);
    Files.writeString(path, content, StandardCharsets.UTF_8);
    return path;
  }

  @Test
  void validateAcceptsTheSpecExampleAndDetectsItsType() throws IOException {
    CliRun run = CliRun.of("validate", file("spec.json", specExample()).toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo("valid cluster");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void validateDetectsEveryDocumentType() throws IOException {
    DiagnosticsJson json = DiagnosticsJson.strict();
    NodeDiagnostics node = SampleBundles.nodeWithTwoRunnersMidDecode();
    ClusterDiagnostics cluster = SampleBundles.twoNodeClusterWithFailedPeer();

    assertThat(CliRun.of("validate", file("node.json", json.write(node)).toString()).out().strip()).isEqualTo("valid node");
    assertThat(CliRun.of("validate", file("cluster.json", json.write(cluster)).toString()).out().strip()).isEqualTo("valid cluster");
    String timeline = json.write(dev.skulk.diagnostics.cluster.ClusterTimelines.build(cluster));
    assertThat(CliRun.of("validate", file("timeline.json", timeline).toString()).out().strip()).isEqualTo("valid timeline");
  }

  @Test
  void validateReportsTheProblemWithItsJsonPathAndExitsOne() throws IOException {
    String bad = specExample().replace("\"hostname\": \"string\",", "\"hostname\": \"string\", \"colour\": \"red\",");

    CliRun run = CliRun.of("validate", file("bad.json", bad).toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).isEqualTo("$.nodes[0].diagnostics.runtime.colour: unknown field 'colour'");
  }

  @Test
  void validateListsEveryProblemOnItsOwnLine() throws IOException {
    String bad = specExample()
        .replace("\"hostname\": \"string\",", "\"hostname\": \"string\", \"colour\": \"red\",")
        .replace("\"status\": \"string\",", "\"status\": 12,");

    CliRun run = CliRun.of("validate", file("bad.json", bad).toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).containsExactly(
        "$.nodes[0].diagnostics.runtime.colour: unknown field 'colour'",
        "$.nodes[0].diagnostics.processes[0].status: expected a string, got a number");
  }

  @Test
  void lenientValidationIgnoresUnknownFields() throws IOException {
    String newer = specExample().replace("\"hostname\": \"string\",", "\"hostname\": \"string\", \"colour\": \"red\",");

    assertThat(CliRun.of("validate", "--lenient", file("newer.json", newer).toString()).exitCode()).isZero();
  }

  @Test
  void validateReadsStandardInputForDash() throws IOException {
    CliRun run = CliRun.withStdin(specExample(), "validate", "--type", "cluster", "-");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo("valid cluster");
  }

  @Test
  void validateWithAnExplicitWrongTypeFailsOnTheFirstMissingField() throws IOException {
    CliRun run = CliRun.of("validate", "--type", "node", file("spec.json", specExample()).toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("$.");
  }

  @Test
  void validateExplainsAnUndetectableDocument() throws IOException {
    CliRun run = CliRun.of("validate", file("other.json", "{\"hello\": 1}").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot tell the document type").contains("--type");
  }

  @Test
  void validateReportsMalformedJsonAndMissingFiles() throws IOException {
    CliRun malformed = CliRun.of("validate", file("broken.json", "{\"nodes\": [").toString());
    CliRun missing = CliRun.of("validate", dir.resolve("absent.json").toString());

    assertThat(malformed.exitCode()).isEqualTo(1);
    assertThat(malformed.err()).startsWith("$");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("cannot read").contains("absent.json");
  }

  @Test
  void normalizePrintsTheSpecExampleBackWithFloatsAsPydanticWritesThem() throws IOException {
    CliRun run = CliRun.of("normalize", file("spec.json", specExample()).toString());

    assertThat(run.exitCode()).isZero();
    // Same keys in the same order with the same values; JSON numbers compare by value (0 is 0.0).
    assertThat(flatten(JsonMapper.shared().readTree(run.out()), "$"))
        .containsExactlyElementsOf(flatten(JsonMapper.shared().readTree(specExample()), "$"));
    assertThat(run.out()).contains("\"gpuUsage\":0.0").contains("\"libp2PNamespace\":\"string\"");
    assertThat(run.out().strip()).doesNotContain("\n");
  }

  /** Every leaf as "path=value" in document order, numbers by their decimal value. */
  private static java.util.List<String> flatten(JsonNode node, String path) {
    java.util.List<String> leaves = new java.util.ArrayList<>();
    if (node.isObject()) {
      for (var property : node.properties()) {
        leaves.add(path + "." + property.getKey());
        leaves.addAll(flatten(property.getValue(), path + "." + property.getKey()));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leaves.addAll(flatten(node.get(i), path + "[" + i + "]"));
      }
    } else if (node.isNumber()) {
      leaves.add(path + "=" + node.decimalValue().stripTrailingZeros().toPlainString());
    } else {
      leaves.add(path + "=" + node);
    }
    return leaves;
  }

  @Test
  void normalizeIsIdempotentAndPrettyPrints() throws IOException {
    String once = CliRun.of("normalize", file("spec.json", specExample()).toString()).out();
    String twice = CliRun.of("normalize", file("once.json", once).toString()).out();
    CliRun pretty = CliRun.of("normalize", "--pretty", file("once2.json", once).toString());

    assertThat(twice).isEqualTo(once);
    assertThat(pretty.out()).contains("\n  \"generatedAt\": \"string\",");
    assertThat(DiagnosticsJson.strict().write(DiagnosticsJson.strict().read(pretty.out(), ClusterDiagnostics.class)))
        .isEqualTo(once.strip());
  }

  @Test
  void normalizeLenientDropsUnknownFieldsAndFixesLibp2pCasing() throws IOException {
    String newer = specExample().replace("\"libp2PNamespace\"", "\"libp2pNamespace\"");

    CliRun strict = CliRun.of("normalize", file("a.json", newer).toString());
    CliRun lenient = CliRun.of("normalize", "--lenient", file("b.json", newer).toString());

    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.err()).contains("libp2pNamespace");
    assertThat(lenient.exitCode()).isZero();
    assertThat(lenient.out()).contains("\"libp2PNamespace\":\"string\"");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"node", "cluster", "timeline", "capture", "serve", "validate", "normalize"}) {
      CliRun run = CliRun.of(command, "--help");
      assertThat(run.exitCode()).as(command).isZero();
      assertThat(run.out()).as(command).contains("Usage: skulk-diag " + command);
    }
    assertThat(CliRun.of("--help").out()).contains("node", "cluster", "timeline", "capture", "serve", "validate", "normalize");
  }

  @Test
  void badOptionValuesAreOneLineUsageErrors() {
    CliRun badPeer = CliRun.of("cluster", "--peer", "no-equals-sign");
    CliRun badDeadline = CliRun.of("timeline", "--deadline", "0");

    assertThat(badPeer.exitCode()).isEqualTo(2);
    assertThat(badPeer.err()).startsWith("skulk-diag cluster: ").contains("no-equals-sign").doesNotContain("\tat ");
    assertThat(badDeadline.exitCode()).isEqualTo(2);
    assertThat(badDeadline.err()).startsWith("skulk-diag timeline: --deadline must be between 0 and 3600 seconds");
  }

  @Test
  void unknownOptionsAreUsageErrors() {
    CliRun run = CliRun.of("validate", "--colour", "x.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--colour'");
  }
}
