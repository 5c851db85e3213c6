package dev.skulk.diagnostics.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Lone UTF-16 surrogates: a Python peer (pydantic's JSON parser) refuses <code>"&#92;ud800"</code>,
 * <code>"&#92;udc00"</code> and a high surrogate not followed by a low one anywhere in a document, so
 * both readers refuse them too, naming where; a proper pair is one character and reads fine.
 */
class DiagnosticsJsonUnicodeTest {

  private static final String NODE = Fixtures.text("node-mid-decode.json");
  private static final String HOSTNAME = "\"hostname\":\"studio-a.local\"";

  private static String withHostname(String rawJsonString) {
    assertThat(NODE).contains(HOSTNAME);
    return NODE.replace(HOSTNAME, "\"hostname\":" + rawJsonString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\\ud800\"", "\"\\udc00\"", "\"a\\ud800b\"", "\"\\ud800\\u0041\"", "\"x\\udbff\"",
      "\"\\ude00\\ud83d\"", "\"\\ud800\\ud800\""})
  void loneSurrogateInAStringIsRefusedByBothReaders(String raw) {
    String json = withHostname(raw);
    for (DiagnosticsJson codec : List.of(DiagnosticsJson.strict(), DiagnosticsJson.lenient())) {
      for (Runnable read : List.<Runnable>of(
          () -> codec.read(json, NodeDiagnostics.class),
          () -> codec.read(json.getBytes(StandardCharsets.UTF_8), NodeDiagnostics.class),
          () -> codec.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), NodeDiagnostics.class))) {
        DiagnosticsFormatException e = catchThrowableOfType(DiagnosticsFormatException.class, read::run);
        assertThat(e).as(raw).isNotNull();
        assertThat(e.path()).isEqualTo("$.runtime.hostname");
        assertThat(e.reason()).contains("lone UTF-16 surrogate");
      }
    }
  }

  @Test
  void loneSurrogateInAnIgnoredMemberIsStillRefusedByLenient() {
    String json = NODE.replaceFirst("\\{", "{\"fromNewerPeer\":{\"note\":[\"\\\\udc00\"]},");
    assertThat(json).contains("\"fromNewerPeer\":{\"note\":[\"\\udc00\"]}");
    DiagnosticsFormatException e = catchThrowableOfType(DiagnosticsFormatException.class,
        () -> DiagnosticsJson.lenient().read(json, NodeDiagnostics.class));
    assertThat(e).isNotNull();
    assertThat(e.path()).isEqualTo("$.fromNewerPeer.note[0]");
    assertThat(e.reason()).contains("lone UTF-16 surrogate");
  }

  @Test
  void loneSurrogateInAMemberNameIsRefusedByLenient() {
    String json = NODE.replaceFirst("\\{", "{\"x\\\\ud800\":1,");
    DiagnosticsFormatException e = catchThrowableOfType(DiagnosticsFormatException.class,
        () -> DiagnosticsJson.lenient().read(json, NodeDiagnostics.class));
    assertThat(e).isNotNull();
    assertThat(e.path()).isEqualTo("$");
    assertThat(e.reason()).containsIgnoringCase("surrogate");
  }

  @Test
  void validateListsTheLoneSurrogate() {
    List<DiagnosticsFormatException> problems = DiagnosticsJson.strict()
        .validate(withHostname("\"\\ud800\"").getBytes(StandardCharsets.UTF_8), NodeDiagnostics.class);
    assertThat(problems).extracting(DiagnosticsFormatException::path).containsExactly("$.runtime.hostname");
  }

  @Test
  void surrogatePairsEscapedOrRawAreOneCharacterAndRead() {
    String grinning = new String(Character.toChars(0x1F600));
    for (String raw : List.of("\"\\ud83d\\ude00\"", "\"\\uD83D\\uDE00x\"", "\"" + grinning + "\"")) {
      String json = withHostname(raw);
      for (DiagnosticsJson codec : List.of(DiagnosticsJson.strict(), DiagnosticsJson.lenient())) {
        NodeDiagnostics node = codec.read(json.getBytes(StandardCharsets.UTF_8), NodeDiagnostics.class);
        assertThat(node.runtime().hostname()).startsWith(grinning);
        assertThat(codec.read(json, NodeDiagnostics.class).runtime().hostname()).startsWith(grinning);
      }
    }
  }
}
