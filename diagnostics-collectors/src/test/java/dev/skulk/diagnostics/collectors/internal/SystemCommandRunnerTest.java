package dev.skulk.diagnostics.collectors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real processes through /bin/sh. */
class SystemCommandRunnerTest {

  private static final CommandRunner RUNNER = CommandRunner.system();

  @BeforeAll
  static void posixShell() {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
  }

  @Test
  void returnsStandardOutputLinesAndDropsStandardError() throws Exception {
    List<String> lines =
        RUNNER.run(List.of("/bin/sh", "-c", "printf 'a\\nb b\\r\\n\\n'; echo oops >&2"), Duration.ofSeconds(10));
    assertThat(lines).containsExactly("a", "b b", "");
  }

  @Test
  void nonZeroExitIsAnError() {
    assertThatThrownBy(() -> RUNNER.run(List.of("/bin/sh", "-c", "echo partial; exit 3"), Duration.ofSeconds(10)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("status 3");
  }

  @Test
  void missingToolIsAnError() {
    assertThatThrownBy(() -> RUNNER.run(List.of("/nonexistent/tool-xyz"), Duration.ofSeconds(10)))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aHungToolIsKilledAtTheTimeout() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> RUNNER.run(List.of("/bin/sh", "-c", "exec sleep 30"), Duration.ofMillis(300)))
        .isInstanceOf(CommandRunner.CommandTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aStreamingToolIsStoppedAfterTheWantedLine() throws Exception {
    long start = System.nanoTime();
    List<String> lines =
        RUNNER.run(
            List.of("/bin/sh", "-c", "echo starting; i=0; while true; do i=$((i+1)); echo \"{\\\"n\\\":$i}\"; sleep 1; done"),
            Duration.ofSeconds(20),
            line -> line.startsWith("{"));
    assertThat(lines).containsExactly("starting", "{\"n\":1}");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void findsExecutablesOnAPath(@TempDir Path dir) throws IOException {
    Path tool = Files.writeString(dir.resolve("mactop"), "#!/bin/sh\n");
    assertThat(CommandRunner.findOnPath("mactop", dir.toString())).isNull();
    assumeTrue(tool.toFile().setExecutable(true));
    assertThat(CommandRunner.findOnPath("mactop", "/nonexistent:" + dir)).isEqualTo(tool);
    assertThat(CommandRunner.findOnPath("mactop", null)).isNull();
    assertThat(CommandRunner.findOnPath("mactop", "")).isNull();
  }
}
