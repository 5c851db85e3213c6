package dev.skulk.diagnostics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.testkit.SampleBundles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What {@code skulk-diag} writes to its real standard streams: always UTF-8, and failed writes are reported. */
class SkulkDiagOutputTest {

  /** A stream on a full disk, as {@code /dev/full} is. */
  private static final class FullDisk extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      throw new IOException("No space left on device");
    }
  }

  private static int run(byte[] stdin, OutputStream out, OutputStream err, String... args) {
    InputStream previous = System.in;
    System.setIn(new ByteArrayInputStream(stdin));
    try {
      return SkulkDiag.run(args, out, err);
    } finally {
      System.setIn(previous);
    }
  }

  @Test
  void nonAsciiTextIsWrittenAsUtf8Bytes() {
    String node = DiagnosticsJson.strict().write(SampleBundles.nodeWithTwoRunnersMidDecode())
        .replace("\"hostname\":\"", "\"hostname\":\"caf\u00e9-\u2014-\uD83D\uDE00-");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = run(node.getBytes(StandardCharsets.UTF_8), out, err, "normalize", "-");

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    byte[] expected = "caf\u00e9-\u2014-\uD83D\uDE00-".getBytes(StandardCharsets.UTF_8);
    // c a f 0xc3 0xa9 - 0xe2 0x80 0x94 - 0xf0 0x9f 0x98 0x80 -: hand-encoded UTF-8 of the same text
    assertThat(expected).containsExactly('c', 'a', 'f', 0xc3, 0xa9, '-', 0xe2, 0x80, 0x94, '-', 0xf0, 0x9f, 0x98,
        0x80, '-');
    assertThat(indexOf(out.toByteArray(), expected)).isPositive();
  }

  @Test
  void aFailedWriteToStandardOutputExitsOneWithOneLine() {
    String node = DiagnosticsJson.strict().write(SampleBundles.nodeWithTwoRunnersMidDecode());
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = run(node.getBytes(StandardCharsets.UTF_8), new FullDisk(), err, "normalize", "-");

    assertThat(status).isEqualTo(1);
    String lines = err.toString(StandardCharsets.UTF_8);
    assertThat(lines.lines()).hasSize(1);
    assertThat(lines).contains("cannot write to standard output");
  }

  @Test
  void aSuccessfulRunStillExitsZeroWithNothingOnStderr() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = run(new byte[0], out, err, "--version");

    assertThat(status).isZero();
    assertThat(out.size()).isPositive();
    assertThat(err.size()).isZero();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
