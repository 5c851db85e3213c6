package dev.skulk.diagnostics.rules;

import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnosticsBuilder;
import dev.skulk.diagnostics.model.NodeResourceDiagnostics;
import dev.skulk.diagnostics.model.NodeResourceDiagnosticsBuilder;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnosticsBuilder;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnosticsBuilder;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.EmptyStateView;
import dev.skulk.diagnostics.state.TaskView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small builders for rule tests (core cannot use the testkit). */
final class RuleFixtures {

  private RuleFixtures() {}

  static RunnerSupervisorDiagnosticsBuilder supervisor(String runnerId, String instanceId) {
    return new RunnerSupervisorDiagnosticsBuilder()
        .runnerId(runnerId)
        .instanceId(instanceId)
        .nodeId("local-node")
        .modelId("mlx-community/model")
        .deviceRank(0)
        .worldSize(1)
        .startLayer(0)
        .endLayer(30)
        .nLayers(30)
        .pid(1234L)
        .processAlive(true)
        .statusKind("RunnerRunning")
        .statusSince("2026-04-23T00:00:00+00:00")
        .secondsInStatus(10.0)
        .phase(RunnerPhase.DECODE_STREAM)
        .phaseStartedAt("2026-04-23T00:00:00+00:00")
        .secondsInPhase(10.0)
        .completedTaskCount(0);
  }

  static RunnerTaskDiagnostics runnerTask(String taskId, String kind, String status, String instanceId) {
    return new RunnerTaskDiagnostics(taskId, kind, status, instanceId, null, null, null);
  }

  static TaskView stateTask(String taskId, String kind, String status, String instanceId) {
    return new TaskView(taskId, kind, status, instanceId, null, null);
  }

  static NodeDiagnostics draft(
      List<RunnerSupervisorDiagnostics> supervisors,
      List<InstancePlacementDiagnostics> placements,
      NodeResourceDiagnostics resources) {
    return new NodeDiagnosticsBuilder()
        .generatedAt("2026-04-23T00:00:00+00:00")
        .runtime(new NodeRuntimeDiagnosticsBuilder()
            .nodeId("local-node")
            .hostname("host")
            .isMaster(false)
            .cwd("/")
            .configPath("config.yaml")
            .configFileExists(false)
            .skulkVersion("1.0")
            .skulkCommit("Unknown")
            .pythonUnbuffered(false)
            .tracingEnabled(false)
            .structuredLoggingConfigured(false)
            .build())
        .resources(resources)
        .supervisorRunners(supervisors)
        .placements(placements)
        .build();
  }

  static NodeDiagnostics draft(List<RunnerSupervisorDiagnostics> supervisors) {
    return draft(supervisors, List.of(), NodeResourceDiagnostics.empty());
  }

  static NodeDiagnostics withMemory(@Nullable MemoryUsage current, @Nullable MemoryUsage gathered) {
    return draft(List.of(), List.of(),
        new NodeResourceDiagnosticsBuilder().currentMemory(current).gatheredMemory(gathered).build());
  }

  static MemoryUsage memory(long ramTotal, long ramAvailable, long swapTotal, long swapAvailable) {
    return new MemoryUsage(Memory.ofBytes(ramTotal), Memory.ofBytes(ramAvailable),
        Memory.ofBytes(swapTotal), Memory.ofBytes(swapAvailable));
  }

  /** A state view with only tasks in it. */
  static final class State extends EmptyStateView {
    private final List<TaskView> tasks;

    State(List<TaskView> tasks) {
      this.tasks = List.copyOf(tasks);
    }

    @Override
    public List<TaskView> tasks() {
      return tasks;
    }
  }
}
