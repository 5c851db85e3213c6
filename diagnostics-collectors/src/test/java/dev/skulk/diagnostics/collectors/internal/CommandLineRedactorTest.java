package dev.skulk.diagnostics.collectors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandLineRedactorTest {

  static Stream<Arguments> corpus() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (InputStream in = CommandLineRedactorTest.class.getResourceAsStream("/redaction/corpus.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n", -1)) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        assertThat(columns).as("row %s", line).hasSize(2);
        rows.add(Arguments.of(columns[0], columns[1]));
      }
    }
    assertThat(rows).hasSizeGreaterThanOrEqualTo(30);
    return rows.stream();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("corpus")
  void redactsTheCorpusExactly(String commandLine, String expected) {
    assertThat(CommandLineRedactor.redact(commandLine)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("corpus")
  void redactingTwiceChangesNothingMore(String commandLine, String expected) {
    assertThat(CommandLineRedactor.redact(CommandLineRedactor.redact(commandLine))).isEqualTo(expected);
  }

  @Test
  void ingestUrls() {
    assertThat(CommandLineRedactor.redactUrl("https://ingest:s3cret@logs.example.com:8443/v1/logs"))
        .isEqualTo("https://***@logs.example.com:8443/v1/logs");
    assertThat(CommandLineRedactor.redactUrl("https://logs.example.com/ingest?api_key=abc&dataset=skulk#top"))
        .isEqualTo("https://logs.example.com/ingest?api_key=***&dataset=skulk#top");
    assertThat(CommandLineRedactor.redactUrl("http://user@vector.local:8686/?token=t&sig=s&x-api-key=k&page=2"))
        .isEqualTo("http://***@vector.local:8686/?token=***&sig=***&x-api-key=***&page=2");
    assertThat(CommandLineRedactor.redactUrl("http://127.0.0.1:8080/ingest"))
        .isEqualTo("http://127.0.0.1:8080/ingest");
    assertThat(CommandLineRedactor.redactUrl("http://h/?token=")).isEqualTo("http://h/?token=");
    assertThat(CommandLineRedactor.redactUrl(null)).isNull();
  }

  @Test
  void secretNames() {
    assertThat(CommandLineRedactor.isSecretName("--api-key")).isTrue();
    assertThat(CommandLineRedactor.isSecretName("HF_TOKEN")).isTrue();
    assertThat(CommandLineRedactor.isSecretName("apiKey")).isTrue();
    assertThat(CommandLineRedactor.isSecretName("hftoken")).isTrue();
    assertThat(CommandLineRedactor.isSecretName("db_password")).isTrue();
    assertThat(CommandLineRedactor.isSecretName("X-Amz-Credential")).isTrue();
    assertThat(CommandLineRedactor.isSecretName("--max-tokens")).isFalse();
    assertThat(CommandLineRedactor.isSecretName("--tokenizer")).isFalse();
    assertThat(CommandLineRedactor.isSecretName("--author")).isFalse();
    assertThat(CommandLineRedactor.isSecretName("--keyfile")).isFalse();
    assertThat(CommandLineRedactor.isSecretName("--monkey")).isFalse();
    assertThat(CommandLineRedactor.isSecretName("PWD")).isFalse();
  }

  @Test
  void unclosedQuoteMasksToTheEndOfTheWord() {
    assertThat(CommandLineRedactor.redact("run --token \"abc def")).isEqualTo("run --token \"*** def");
  }

  @Test
  void emptyValuesStayEmpty() {
    assertThat(CommandLineRedactor.redact("run --token= HF_TOKEN= --password \"\""))
        .isEqualTo("run --token= HF_TOKEN= --password \"\"");
  }
}
