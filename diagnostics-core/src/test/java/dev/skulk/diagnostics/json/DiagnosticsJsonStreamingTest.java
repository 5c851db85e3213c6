package dev.skulk.diagnostics.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link DiagnosticsJson#write(Object, OutputStream)}: the streamed form the HTTP router uses. */
class DiagnosticsJsonStreamingTest {

  private static final DiagnosticsJson STRICT = DiagnosticsJson.strict();

  @Test
  void streamsTheSameBytesAndLeavesTheStreamOpen() throws IOException {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("name", "café \u2603");
    value.put("values", List.of(1, 2.5, 1e16));
    boolean[] closed = {false};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStream out = new OutputStream() {
      @Override
      public void write(int b) {
        bytes.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
      }

      @Override
      public void close() {
        closed[0] = true;
      }
    };
    STRICT.write(value, out);
    assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"name\":\"café \u2603\",\"values\":[1,2.5,1e+16]}");
    assertThat(closed[0]).as("the caller owns the stream").isFalse();
  }

  @Test
  void theStreamsOwnFailureIsAnIOExceptionAndAModelFaultIsAFormatException() {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("client gone");
      }
    };
    assertThatThrownBy(() -> STRICT.write(List.of("x".repeat(100_000)), broken))
        .isExactlyInstanceOf(IOException.class).hasMessage("client gone");
    assertThatThrownBy(() -> STRICT.write(List.of(Double.NaN), new ByteArrayOutputStream()))
        .isInstanceOfSatisfying(DiagnosticsFormatException.class, e -> assertThat(e.path()).isEqualTo("$[0]"));
  }
}
