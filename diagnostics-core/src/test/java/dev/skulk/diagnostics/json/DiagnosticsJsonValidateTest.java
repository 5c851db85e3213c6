package dev.skulk.diagnostics.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.ClusterDiagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DiagnosticsJson#validate}: every problem it can get past, then the first it cannot. */
class DiagnosticsJsonValidateTest {

  private final DiagnosticsJson strict = DiagnosticsJson.strict();

  private static String specExample() throws IOException {
    try (InputStream in = DiagnosticsJsonValidateTest.class.getResourceAsStream("spec-example-cluster.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private List<String> problems(String document) {
    return strict.validate(document.getBytes(StandardCharsets.UTF_8), ClusterDiagnostics.class)
        .stream().map(DiagnosticsFormatException::getMessage).toList();
  }

  @Test
  void aValidDocumentHasNoProblems() throws IOException {
    assertThat(problems(specExample())).isEmpty();
  }

  @Test
  void listsEveryProblemItCanGetPastInOrder() throws IOException {
    String document = specExample()
        .replace("\"hostname\": \"string\",", "\"hostname\": \"string\", \"colour\": \"red\",")
        .replace("\"cwd\": \"string\",", "\"cwd\": \"string\", \"odd key\": 1,")
        .replace("\"status\": \"string\",", "\"status\": 12,")
        .replace("\"interfaceType\": \"unknown\"", "\"interfaceType\": \"carrier-pigeon\"");

    assertThat(problems(document)).containsExactly(
        "$.nodes[0].diagnostics.runtime.colour: unknown field 'colour'",
        "$.nodes[0].diagnostics.runtime['odd key']: unknown field 'odd key'",
        "$.nodes[0].diagnostics.resources.network.interfaces[0].interfaceType: unknown value 'carrier-pigeon'"
            + " for InterfaceType; expected one of [wifi, ethernet, maybe_ethernet, thunderbolt, unknown]",
        "$.nodes[0].diagnostics.processes[0].status: expected a string, got a number");
  }

  @Test
  void stopsAtARequiredMemberItCannotGetPast() throws IOException {
    String document = specExample()
        .replaceFirst("\"nodeId\": \"string\",\\s*\"hostname\"", "\"hostname\"")
        .replace("\"cwd\": \"string\",", "\"cwd\": \"string\", \"colour\": \"red\",");

    List<String> found = problems(document);

    assertThat(found).hasSize(1);
    assertThat(found.get(0)).isEqualTo("$.nodes[0].diagnostics.runtime.nodeId: missing required field 'nodeId'");
  }

  @Test
  void aBadRequiredValueIsListedOnceAndEndsTheSweep() throws IOException {
    String document = specExample().replace("\"isMaster\": true,", "\"isMaster\": \"yes\",");

    assertThat(problems(document)).singleElement()
        .satisfies(p -> assertThat(p).startsWith("$.nodes[0].diagnostics.runtime.isMaster: "));
  }

  @Test
  void malformedJsonIsOneProblem() {
    assertThat(problems("{\"generatedAt\": ")).singleElement().satisfies(p -> assertThat(p).startsWith("$"));
  }

  @Test
  void lenientValidationSkipsUnknownFields() throws IOException {
    String document = specExample().replace("\"hostname\": \"string\",", "\"hostname\": \"string\", \"colour\": \"red\",");

    assertThat(DiagnosticsJson.lenient().validate(document.getBytes(StandardCharsets.UTF_8), ClusterDiagnostics.class))
        .isEmpty();
  }

  @Test
  void pathsAreParsedBackToTheirSegments() {
    assertThat(ProblemSweep.segments("$.nodes[0].diagnostics['odd \\' name'].x"))
        .containsExactly("nodes", 0, "diagnostics", "odd ' name", "x");
    assertThat(ProblemSweep.segments("$")).isEmpty();
    assertThat(ProblemSweep.segments("nodes")).isNull();
    assertThat(ProblemSweep.segments("$[x]")).isNull();
  }

  @Test
  void problemsHoldNeitherTheParserNorACopyOfTheDocument() throws IOException {
    // 150 unknown fields: each problem once kept the parser's exception, and with it one copy of
    // the (re-written) document; a 50 MB document with 150 problems needed 6 GB.
    StringBuilder extra = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      extra.append("\"extra").append(i).append("\": ").append(i).append(", ");
    }
    String document = specExample().replace("\"cwd\": \"string\",", "\"cwd\": \"string\", " + extra);

    List<DiagnosticsFormatException> found =
        strict.validate(document.getBytes(StandardCharsets.UTF_8), ClusterDiagnostics.class);

    assertThat(found).hasSize(ProblemSweep.MAX_PROBLEMS);
    assertThat(found.get(0).getMessage()).isEqualTo("$.nodes[0].diagnostics.runtime.extra0: unknown field 'extra0'");
    for (DiagnosticsFormatException problem : found) {
      for (Throwable cause = problem.getCause(); cause != null; cause = cause.getCause()) {
        assertThat(cause).as("cause of %s", problem.getMessage())
            .isNotInstanceOf(tools.jackson.core.JacksonException.class);
      }
    }
  }
}
