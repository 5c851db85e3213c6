package dev.skulk.diagnostics.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.RunnerDiagnosticValue;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntry;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.runner.RunnerSupervisorTracker;
import dev.skulk.diagnostics.runner.RunnerUpdateReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner channel across languages: a Python process writes {@code RunnerDiagnosticUpdate}
 * JSON lines with pydantic, as a Python MLX runner would, and a {@link RunnerUpdateReader} on its
 * stdout feeds a {@link RunnerSupervisorTracker}. Skipped where python3 with pydantic 2 is absent.
 */
class PythonRunnerChannelIT {

  private static final int TOKENS = 200;

  @TempDir Path dir;

  @Test
  void aPythonRunnersUpdatesReachTheTrackerAndGarbageIsSkipped() throws Exception {
    assumeTrue(Pydantic.isInstalled(), "python3 with pydantic 2 is not installed");
    for (String script : List.of("skulk_wire.py", "fake_runner.py")) {
      try (InputStream in = PythonRunnerChannelIT.class.getResourceAsStream("/python/" + script)) {
        Files.copy(in, dir.resolve(script), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    RunnerSupervisorTracker tracker = RunnerSupervisorTracker.builder()
        .runnerId("runner-py").instanceId("instance-1").nodeId("node-py")
        .modelId("mlx-community/Llama-3.3-70B-Instruct-4bit").deviceRank(1).worldSize(2)
        .startLayer(40).endLayer(80).nLayers(80)
        .build();
    Process runner = new ProcessBuilder("python3", dir.resolve("fake_runner.py").toString(), Integer.toString(TOKENS))
        .directory(dir.toFile())
        .redirectError(dir.resolve("runner.err").toFile())
        .start();

    try (RunnerUpdateReader reader = new RunnerUpdateReader(runner.getInputStream(), tracker::applyUpdate).start()) {
      assertThat(reader.awaitEnd(Duration.ofSeconds(60))).as("the runner's stdout ended").isTrue();
      assertThat(runner.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(runner.exitValue()).as(Files.readString(dir.resolve("runner.err"))).isZero();
      assertThat(reader.acceptedCount()).isEqualTo(2 + TOKENS);
      assertThat(reader.invalidCount()).isEqualTo(1);
    } finally {
      runner.destroyForcibly();
    }

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    assertThat(snapshot.phase()).isEqualTo(RunnerPhase.DECODE_STREAM);
    assertThat(snapshot.phaseStartedAt()).isEqualTo("2026-11-27T03:13:15+00:00");
    assertThat(snapshot.lastProgressAt()).isEqualTo("2026-11-27T03:13:24.950000+00:00");
    assertThat(snapshot.activeTaskId()).isEqualTo("task-1");
    assertThat(snapshot.activeCommandId()).isEqualTo("cmpl-1");
    assertThat(snapshot.lastMlxMemory()).isNotNull();
    assertThat(snapshot.lastMlxMemory().active()).isEqualTo(Memory.ofBytes(38_654_705_664L));
    assertThat(snapshot.flightRecorder()).hasSize(128);
    RunnerFlightRecorderEntry last = snapshot.flightRecorder().get(127);
    assertThat(last.event()).isEqualTo("token_" + (TOKENS - 1));
    assertThat(last.attrs()).containsExactly(
        java.util.Map.entry("token", RunnerDiagnosticValue.of((long) TOKENS - 1)),
        java.util.Map.entry("tps", RunnerDiagnosticValue.of(18.25)),
        java.util.Map.entry("stop", RunnerDiagnosticValue.of(true)),
        java.util.Map.entry("peers", RunnerDiagnosticValue.of(List.of("node-a", "node-py"))),
        java.util.Map.entry("note", RunnerDiagnosticValue.of("kv cache hit…")));
    assertThat(snapshot.milestones()).last().satisfies(m -> {
      assertThat(m.name()).isEqualTo("phase:decode_stream");
      assertThat(m.detail()).isEqualTo("token_" + (TOKENS - 1));
    });
  }
}
