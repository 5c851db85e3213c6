package dev.skulk.diagnostics.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real programs through /bin/sh: pipes, exit codes, timeouts, descendants, caps, stop lines. */
class ExternalCommandIT {

  /** A generous real-time guard: every run here should end in well under a second. */
  private static final Duration GUARD = Duration.ofSeconds(10);

  @BeforeAll
  static void posixShell() {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
  }

  private static ExternalCommand.Builder sh(String script) {
    return ExternalCommand.builder(List.of("/bin/sh", "-c", script));
  }

  @Test
  void keepsStdoutAndStderrApartWithTheExitCode() throws IOException {
    ExternalCommand.Result result = sh("printf 'a\\nb b\\r\\n\\n'; echo oops >&2; exit 3").run();

    assertThat(result.exitedNormally()).isTrue();
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdoutLines()).containsExactly("a", "b b", "");
    assertThat(result.stdoutText()).isEqualTo("a\nb b\r\n\n");
    assertThat(result.stderrText()).isEqualTo("oops\n");
    assertThat(result.timedOut()).isFalse();
    assertThat(result.stoppedEarly()).isFalse();
    assertThat(result.interrupted()).isFalse();
  }

  @Test
  void aMissingProgramCannotStart() {
    assertThatThrownBy(() -> ExternalCommand.builder(List.of("/nonexistent/tool-xyz")).run())
        .isInstanceOf(IOException.class);
  }

  @Test
  void theTimeoutKillsTheProgramAndItsDescendants() throws Exception {
    long start = System.nanoTime();
    // The shell prints its background sleep's pid, then waits for it.
    ExternalCommand.Result result = sh("sleep 30 & echo $!; wait").timeout(Duration.ofMillis(500)).run();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(GUARD);
    assertThat(result.timedOut()).isTrue();
    assertThat(result.exitCode()).isNull();
    long grandchild = Long.parseLong(result.stdoutLines().get(0).strip());
    assertThat(awaitDead(grandchild)).as("the background sleep was killed too").isTrue();
  }

  @Test
  void aDescendantHoldingThePipesCannotHoldTheCaller() throws IOException {
    long start = System.nanoTime();
    // The shell exits at once; its background sleep keeps stdout open for 30 s.
    ExternalCommand.Result result = sh("sleep 30 & echo done").timeout(Duration.ofSeconds(20)).run();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(GUARD);
    assertThat(result.exitCode()).isZero();
    assertThat(result.stdoutLines()).containsExactly("done");
  }

  @Test
  void bothStreamsAreDrainedAndCapped() throws IOException {
    // 1 MiB to each stream: far beyond a pipe's buffer, so an undrained stream would block the program.
    String script = "head -c 1048576 /dev/zero | tr '\\0' x; head -c 1048576 /dev/zero | tr '\\0' y >&2";
    ExternalCommand.Result capped = sh(script).maxOutputBytes(1000).timeout(Duration.ofSeconds(20)).run();

    assertThat(capped.exitCode()).isZero();
    assertThat(capped.stdoutText()).hasSize(1000).matches("x+");
    assertThat(capped.stdoutTruncated()).isTrue();
    assertThat(capped.stderrText()).hasSize(1000).matches("y+");
    assertThat(capped.stderrTruncated()).isTrue();

    ExternalCommand.Result whole = sh(script).timeout(Duration.ofSeconds(20)).run();
    assertThat(whole.stdoutText()).hasSize(1_048_576);
    assertThat(whole.stdoutTruncated()).isFalse();
    assertThat(whole.stderrText()).hasSize(1_048_576);
  }

  @Test
  void aStreamingProgramIsStoppedAfterTheWantedLine() throws Exception {
    long start = System.nanoTime();
    ExternalCommand.Result result =
        sh("echo $$; echo starting; i=0; while true; do i=$((i+1)); echo \"{\\\"n\\\":$i}\"; sleep 1; done")
            .timeout(Duration.ofSeconds(20))
            .stopAfterLine(line -> line.startsWith("{"))
            .run();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(GUARD);
    assertThat(result.stoppedEarly()).isTrue();
    assertThat(result.timedOut()).isFalse();
    assertThat(result.exitCode()).isNull();
    List<String> lines = result.stdoutLines();
    assertThat(lines.subList(1, lines.size())).containsExactly("starting", "{\"n\":1}");
    assertThat(awaitDead(Long.parseLong(lines.get(0)))).isTrue();
  }

  @Test
  void anInterruptKillsTheProgramAndIsKept() throws IOException {
    Thread.currentThread().interrupt();
    try {
      long start = System.nanoTime();
      ExternalCommand.Result result = sh("sleep 30").timeout(Duration.ofSeconds(20)).run();

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(GUARD);
      assertThat(result.interrupted()).isTrue();
      assertThat(result.timedOut()).isFalse();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  /** Waits (at most the guard) for a pid to be gone; true when it is. */
  private static boolean awaitDead(long pid) throws Exception {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return true;
    }
    try {
      handle.get().onExit().get(GUARD.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !handle.get().isAlive();
    }
  }
}
