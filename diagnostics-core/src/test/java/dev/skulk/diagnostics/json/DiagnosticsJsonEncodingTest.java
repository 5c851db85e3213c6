package dev.skulk.diagnostics.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Python peer reads bundles as UTF-8 only: a UTF-8 byte-order mark or UTF-16/UTF-32 text is not
 * JSON to it. STRICT refuses them the same way; LENIENT reads them (documented).
 */
class DiagnosticsJsonEncodingTest {

  private static final String NODE = Fixtures.text("node-mid-decode.json");
  private static final String FRIENDLY = "Studio A \u2014 rack 2";

  private static byte[] concat(byte[] head, byte[] tail) {
    byte[] out = new byte[head.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(tail, 0, out, head.length, tail.length);
    return out;
  }

  private static List<byte[]> foreignEncodings() {
    byte[] utf8 = NODE.getBytes(StandardCharsets.UTF_8);
    return List.of(
        concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8),
        NODE.getBytes(StandardCharsets.UTF_16BE),
        NODE.getBytes(StandardCharsets.UTF_16LE),
        NODE.getBytes(StandardCharsets.UTF_16), // Java writes a big-endian byte-order mark first
        concat(new byte[] {(byte) 0xff, (byte) 0xfe}, NODE.getBytes(StandardCharsets.UTF_16LE)),
        NODE.getBytes(Charset.forName("UTF-32BE")),
        NODE.getBytes(Charset.forName("UTF-32LE")),
        (" \n" + NODE).getBytes(StandardCharsets.UTF_16LE));
  }

  @Test
  void strictRefusesAByteOrderMarkAndUtf16Or32AsThePythonPeerDoes() {
    DiagnosticsJson strict = DiagnosticsJson.strict();
    for (byte[] bytes : foreignEncodings()) {
      for (Runnable read : List.<Runnable>of(
          () -> strict.read(bytes, NodeDiagnostics.class),
          () -> strict.read(new ByteArrayInputStream(bytes), NodeDiagnostics.class))) {
        DiagnosticsFormatException e = catchThrowableOfType(DiagnosticsFormatException.class, read::run);
        assertThat(e).as("first bytes %02x %02x", bytes[0], bytes[1]).isNotNull();
        assertThat(e.path()).isEqualTo("$");
        assertThat(e.reason()).containsAnyOf("byte-order mark", "UTF-16 or UTF-32");
      }
      assertThat(strict.validate(bytes, NodeDiagnostics.class)).hasSize(1);
    }
    DiagnosticsFormatException e = catchThrowableOfType(DiagnosticsFormatException.class,
        () -> strict.read("\uFEFF" + NODE, NodeDiagnostics.class));
    assertThat(e).isNotNull();
    assertThat(e.reason()).contains("byte-order mark");
  }

  @Test
  void lenientReadsThemAsTheSameBundle() {
    DiagnosticsJson lenient = DiagnosticsJson.lenient();
    for (byte[] bytes : foreignEncodings()) {
      assertThat(lenient.read(bytes, NodeDiagnostics.class).runtime().friendlyName()).isEqualTo(FRIENDLY);
      assertThat(lenient.read(new ByteArrayInputStream(bytes), NodeDiagnostics.class).runtime().friendlyName())
          .isEqualTo(FRIENDLY);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"strict", "lenient"})
  void plainUtf8StillReadsFromBytesAndStreams(String which) {
    DiagnosticsJson codec = which.equals("strict") ? DiagnosticsJson.strict() : DiagnosticsJson.lenient();
    byte[] utf8 = NODE.getBytes(StandardCharsets.UTF_8);
    assertThat(codec.read(utf8, NodeDiagnostics.class).runtime().friendlyName()).isEqualTo(FRIENDLY);
    assertThat(codec.read(new ByteArrayInputStream(utf8), NodeDiagnostics.class).runtime().friendlyName())
        .isEqualTo(FRIENDLY);
    assertThat(codec.read(new ByteArrayInputStream(new byte[] {'1'}), Integer.class)).isEqualTo(1);
  }
}
