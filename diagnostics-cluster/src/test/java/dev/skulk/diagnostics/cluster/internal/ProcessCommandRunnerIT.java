package dev.skulk.diagnostics.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ProcessCommandRunnerIT {

  private final ProcessCommandRunner runner = ProcessCommandRunner.fromEnvironment();

  @Test
  void capturesOutputAndExitCode() {
    DiagnosticProcessSample ok = runner.run("echo", List.of("sh", "-c", "echo out; echo err >&2"), Duration.ofSeconds(5));
    assertThat(ok.ok()).isTrue();
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.stdout()).isEqualTo("out\n");
    assertThat(ok.stderr()).isEqualTo("err\n");
    assertThat(ok.error()).isNull();
    assertThat(ok.command()).containsExactly("sh", "-c", "echo out; echo err >&2");

    DiagnosticProcessSample failed = runner.run("false", List.of("sh", "-c", "exit 3"), Duration.ofSeconds(5));
    assertThat(failed.ok()).isFalse();
    assertThat(failed.exitCode()).isEqualTo(3);
  }

  @Test
  void killsTheCommandAndItsChildrenAtTheTimeout() {
    long start = System.nanoTime();
    DiagnosticProcessSample slow =
        runner.run("sleepy", List.of("sh", "-c", "echo started; sleep 30"), Duration.ofMillis(500));
    double seconds = (System.nanoTime() - start) / 1e9;
    // Generous real-time guards (well under the 30 s the command would run unkilled): the exact
    // timeout is proven by the error text below.
    assertThat(seconds).isLessThan(10.0);
    assertThat(slow.ok()).isFalse();
    assertThat(slow.exitCode()).isNull();
    assertThat(slow.error()).isEqualTo("Timed out after 0.5s");
    assertThat(slow.stdout()).isEqualTo("started\n");
    assertThat(slow.durationSeconds()).isGreaterThanOrEqualTo(0.5).isLessThan(10.0);
  }

  @Test
  void reportsAMissingExecutable() {
    DiagnosticProcessSample missing =
        runner.run("vmmap", List.of("no-such-tool-skulk", "-summary", "1"), Duration.ofSeconds(8));
    assertThat(missing.ok()).isFalse();
    assertThat(missing.error()).isEqualTo("no-such-tool-skulk not found on PATH");
    assertThat(missing.exitCode()).isNull();
    assertThat(missing.command()).containsExactly("no-such-tool-skulk", "-summary", "1");
    assertThat(runner.isAvailable("sh")).isTrue();
    assertThat(runner.isAvailable("no-such-tool-skulk")).isFalse();
  }

  @Test
  void truncatesLongOutputWhileDrainingItAll() {
    // 200,000 bytes on each stream: neither pipe may fill and block the child.
    DiagnosticProcessSample chatty =
        runner.run("chatty", List.of("sh", "-c", "head -c 200000 /dev/zero | tr '\\0' a; head -c 200000 /dev/zero | tr '\\0' b >&2"),
            Duration.ofSeconds(10));
    assertThat(chatty.ok()).isTrue();
    assertThat(chatty.stdout()).isEqualTo("a".repeat(64_000) + "\n... <truncated>");
    assertThat(chatty.stderr()).isEqualTo("b".repeat(64_000) + "\n... <truncated>");
  }
}
