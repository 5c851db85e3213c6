package dev.skulk.diagnostics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.testkit.SampleBundles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code validate} and {@code normalize} read their document: never more than the input cap
 * (so {@code validate /dev/zero} ends with one line, not an OutOfMemoryError), and a file that
 * cannot be read is reported in one line that says why.
 */
class SkulkDiagInputTest {

  @TempDir Path dir;

  private final String node = DiagnosticsJson.strict().write(SampleBundles.nodeWithTwoRunnersMidDecode());

  private static void assertOneLine(CliRun run, String expected) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).as(run.err()).hasSize(1);
    assertThat(run.err().strip()).isEqualTo(expected);
  }

  @Test
  void aFileOverTheCapIsRefusedInOneLine() throws IOException {
    Path file = Files.writeString(dir.resolve("node.json"), node, StandardCharsets.UTF_8);
    long size = Files.size(file);

    for (String command : new String[] {"validate", "normalize"}) {
      assertOneLine(CliRun.of(command, "--max-input-bytes", Long.toString(size - 1), file.toString()),
          "cannot read " + file + ": larger than the input limit of " + (size - 1)
              + " bytes (raise it with --max-input-bytes)");
      CliRun exact = CliRun.of(command, "--max-input-bytes", Long.toString(size), file.toString());
      assertThat(exact.exitCode()).as(exact.err()).isZero();
    }
  }

  @Test
  void standardInputOverTheCapIsRefusedInOneLine() {
    for (String command : new String[] {"validate", "normalize"}) {
      assertOneLine(CliRun.withStdin(node, command, "--max-input-bytes", "100", "-"),
          "cannot read standard input: larger than the input limit of 100 bytes (raise it with --max-input-bytes)");
    }
  }

  @Test
  void anEndlessDeviceStopsAtTheCap() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.isReadable(zero), "/dev/zero exists (Linux, macOS)");
    assertOneLine(CliRun.of("validate", "--max-input-bytes", "1048576", zero.toString()),
        "cannot read /dev/zero: larger than the input limit of 1048576 bytes (raise it with --max-input-bytes)");
  }

  @Test
  void theDefaultCapIs64MebibytesAndIsDocumented() {
    assertThat(DocumentOptions.DEFAULT_MAX_INPUT_BYTES).isEqualTo(64L * 1024 * 1024);
    assertThat(CliRun.of("validate", "--help").out()).contains("--max-input-bytes", "67108864");
    assertThat(CliRun.of("normalize", "--help").out()).contains("--max-input-bytes", "67108864");
  }

  @Test
  void anOutOfRangeCapIsRefused() {
    CliRun run = CliRun.withStdin(node, "validate", "--max-input-bytes", "-1", "-");
    assertThat(run.exitCode()).isEqualTo(2); // a bad option value is a usage error (issue 13)
    assertThat(run.err()).contains("--max-input-bytes");
  }

  @Test
  void aMissingFileSaysNoSuchFile() {
    Path missing = dir.resolve("missing.json");
    assertOneLine(CliRun.of("validate", missing.toString()), "cannot read " + missing + ": no such file");
    assertOneLine(CliRun.of("normalize", missing.toString()), "cannot read " + missing + ": no such file");
  }

  @Test
  void anUnreadableFileSaysPermissionDenied() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.json"), node, StandardCharsets.UTF_8);
    assumeTrue(secret.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(secret), "not running as root");
    assertOneLine(CliRun.of("validate", secret.toString()), "cannot read " + secret + ": permission denied");
  }

  @Test
  void aDirectorySaysWhy() {
    CliRun run = CliRun.of("validate", dir.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("cannot read " + dir + ": ");
    assertThat(run.err().substring(("cannot read " + dir + ": ").length())).containsIgnoringCase("directory");
  }

  /** The JDK's file exceptions carry only the path as their message; the reason comes from the type. */
  @Test
  void fileExceptionsAreExplainedByTheirKindNotTheirPath() {
    assertThat(DocumentOptions.why(new java.nio.file.AccessDeniedException("/etc/shadow"))).isEqualTo("permission denied");
    assertThat(DocumentOptions.why(new java.nio.file.NoSuchFileException("/nope"))).isEqualTo("no such file");
    assertThat(DocumentOptions.why(new java.nio.file.FileSystemException("/x", null, "Too many open files")))
        .isEqualTo("Too many open files");
    assertThat(DocumentOptions.why(new java.nio.file.FileSystemException("/x"))).isEqualTo("FileSystemException");
  }
}
