package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.collectors.internal.CommandRunner;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.spi.HostFactsBuilder;
import dev.skulk.diagnostics.support.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-written corpus {@code redaction/corpus.jsonl} (command lines as argv arrays, and URLs,
 * each with the text expected and the secrets it holds): the redactor gives exactly the expected
 * text, and a node bundle built by the processes and runtime collectors from these inputs,
 * serialized by {@link DiagnosticsJson}, contains none of the secrets anywhere.
 */
class RedactionCorpusTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Entry(int line, @org.jspecify.annotations.Nullable List<String> argv,
      @org.jspecify.annotations.Nullable String url, String expected, List<String> secrets) {}

  private static List<Entry> entries;

  @BeforeAll
  static void load() throws IOException {
    entries = new ArrayList<>();
    try (InputStream in = RedactionCorpusTest.class.getResourceAsStream("/redaction/corpus.jsonl")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        JsonNode node = JSON.readTree(lines[i]);
        if (!node.has("expected")) {
          continue; // a note
        }
        List<String> argv = null;
        if (node.has("argv")) {
          argv = new ArrayList<>();
          for (JsonNode word : node.get("argv")) {
            argv.add(word.asString());
          }
        }
        List<String> secrets = new ArrayList<>();
        for (JsonNode secret : node.get("secrets")) {
          secrets.add(secret.asString());
        }
        entries.add(new Entry(i + 1, argv, node.has("url") ? node.get("url").asString() : null,
            node.get("expected").asString(), secrets));
      }
    }
  }

  @Test
  void theCorpusIsLargeAndItsExpectationsHoldNoSecret() {
    assertThat(entries.stream().filter(e -> e.argv() != null).count()).isGreaterThanOrEqualTo(100);
    assertThat(entries.stream().filter(e -> e.url() != null).count()).isGreaterThanOrEqualTo(20);
    for (Entry e : entries) {
      String input = e.argv() != null ? String.join(" ", e.argv()) : e.url();
      for (String secret : e.secrets()) {
        assertThat(input).as("line %d holds its secret", e.line()).contains(secret);
        assertThat(e.expected()).as("line %d's expectation", e.line()).doesNotContain(secret);
      }
    }
  }

  @Test
  void everyEntryIsRedactedExactlyAsExpected() {
    List<String> failures = new ArrayList<>();
    for (Entry e : entries) {
      String actual = e.argv() != null ? Redaction.redactCommandLine(e.argv()) : Redaction.redactUrl(e.url());
      if (!e.expected().equals(actual)) {
        failures.add("line " + e.line() + "\n  expected: " + e.expected() + "\n  actual:   " + actual);
      }
    }
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  @Test
  void noSecretAppearsAnywhereInTheSerializedBundle(@TempDir Path root) throws Exception {
    FakeTable table = new FakeTable();
    table.add(100, 1, List.of("java", "-jar", "skulk-node.jar"));
    long pid = 1000;
    for (Entry e : entries) {
      if (e.argv() != null) {
        table.add(pid++, 100, e.argv()); // children of this node: all reported
      }
    }
    List<String> urls = new ArrayList<>();
    for (Entry e : entries) {
      if (e.url() != null) {
        urls.add(e.url());
      }
    }
    StringBuilder json = new StringBuilder();
    for (String url : urls) {
      HostEnvironment host = new HostEnvironment(OsFamily.LINUX, Map.of("HOSTNAME", "corpus-host")::get, root,
          CommandRunner.system(), root.toString());
      try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder()
          .nodeId("node-corpus")
          .selfPid(100)
          .hostFacts(new HostFactsBuilder().structuredLoggingConfigured(true).loggingIngestUrl(url).build())
          .addCollector(new ProcessCollector(OsFamily.LINUX, table))
          .addCollector(new RuntimeCollector(host))
          .build()) {
        NodeDiagnostics bundle = assembler.assembleNode();
        assertThat(bundle.processes()).hasSize(1 + (int) (pid - 1000));
        assertThat(bundle.runtime().loggingIngestUrl()).isEqualTo(Redaction.redactUrl(url));
        json.append(DiagnosticsJson.strict().write(bundle)).append('\n');
      }
    }
    String all = json.toString();
    for (Entry e : entries) {
      for (String secret : e.secrets()) {
        String escaped = JSON.writeValueAsString(secret);
        // booleans, so a failure names the secret without printing every bundle
        assertThat(all.contains(secret)).as("line %d's secret %s is in the bundle", e.line(), secret).isFalse();
        assertThat(all.contains(escaped.substring(1, escaped.length() - 1)))
            .as("line %d's secret %s is in the bundle, JSON-escaped", e.line(), secret).isFalse();
      }
    }
  }

  /** A process table holding the corpus's command lines. */
  private static final class FakeTable implements ProcessTable {
    private final List<Row> rows = new ArrayList<>();

    void add(long pid, long ppid, List<String> argv) {
      rows.add(new Row(pid, ppid, 1, "proc-" + pid, "/usr/bin/proc-" + pid, 0, 1L << 20, 1_000, "sleeping",
          () -> argv));
    }

    @Override
    public List<Row> snapshot() {
      return List.copyOf(rows);
    }

    @Override
    public long totalMemoryBytes() {
      return 16L << 30;
    }

    @Override
    public Status status(Row row) {
      return Status.of(row.fallbackStatus());
    }
  }
}
