package dev.skulk.diagnostics.runner;

import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticContextBuilder;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdateBuilder;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import org.jspecify.annotations.Nullable;

/** Shared test data for the runner package. */
final class RunnerFixtures {

  static final String START = "2026-11-27T03:13:13.123456Z";
  static final String START_WIRE = "2026-11-27T03:13:13.123456+00:00";

  private RunnerFixtures() {}

  static RunnerDiagnosticContext context() {
    return context("runner-1");
  }

  static RunnerDiagnosticContext context(String runnerId) {
    return new RunnerDiagnosticContextBuilder()
        .nodeId("node-a")
        .runnerId(runnerId)
        .pid(4242L)
        .instanceId("instance-1")
        .modelId("mlx-community/Llama-3.2-1B-Instruct-4bit")
        .rank(1)
        .worldSize(2)
        .startLayer(8)
        .endLayer(16)
        .nLayers(16)
        .build();
  }

  static RunnerSupervisorTracker.Builder tracker(MutableClock clock, FakeTicker ticker) {
    return RunnerSupervisorTracker.builder().identity(context()).clock(clock).ticker(ticker);
  }

  static RunnerDiagnosticUpdate update(String at, RunnerPhase phase, String event) {
    return update(at, phase, event, null, null, null, null);
  }

  static RunnerDiagnosticUpdate update(
      String at,
      RunnerPhase phase,
      String event,
      @Nullable String detail,
      @Nullable String taskId,
      @Nullable String commandId,
      @Nullable MlxMemorySnapshot mlxMemory) {
    return new RunnerDiagnosticUpdateBuilder()
        .at(at)
        .phase(phase)
        .event(event)
        .detail(detail)
        .context(context())
        .taskId(taskId)
        .commandId(commandId)
        .mlxMemory(mlxMemory)
        .build();
  }

  static MlxMemorySnapshot mlx(String at, long activeBytes) {
    return new MlxMemorySnapshot(at, Memory.ofBytes(activeBytes), null, null, null, "mlx.core");
  }

  static RunnerTaskDiagnostics task(String taskId) {
    return new RunnerTaskDiagnostics(
        taskId, "TextGeneration", "Pending", "instance-1", "cmd-" + taskId, "runner-1", null);
  }
}
