package dev.skulk.diagnostics.cluster;

import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.MlxMemorySnapshotBuilder;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnosticsBuilder;
import dev.skulk.diagnostics.model.NodeResourceDiagnostics;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnostics;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnosticsBuilder;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticContextBuilder;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntry;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntryBuilder;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnosticsBuilder;
import dev.skulk.diagnostics.model.RunnerTaskDiagnosticsBuilder;
import java.util.List;

/** Small, valid bundles for the cluster tests. */
public final class TestBundles {

  public static final String T0 = "2026-11-27T03:13:13.123456+00:00";

  private TestBundles() {}

  public static NodeRuntimeDiagnostics runtime(String nodeId) {
    return new NodeRuntimeDiagnosticsBuilder()
        .nodeId(nodeId)
        .hostname(nodeId + ".local")
        .isMaster(false)
        .cwd("/srv/skulk")
        .configPath("/srv/skulk/skulk.toml")
        .configFileExists(true)
        .skulkVersion("0.9.0")
        .skulkCommit("abc1234")
        .pythonUnbuffered(false)
        .tracingEnabled(false)
        .structuredLoggingConfigured(false)
        .build();
  }

  public static NodeDiagnostics node(String nodeId, RunnerSupervisorDiagnostics... runners) {
    return node(nodeId, T0, runners);
  }

  public static NodeDiagnostics node(String nodeId, String generatedAt, RunnerSupervisorDiagnostics... runners) {
    return new NodeDiagnosticsBuilder()
        .generatedAt(generatedAt)
        .runtime(runtime(nodeId))
        .resources(NodeResourceDiagnostics.empty())
        .supervisorRunners(List.of(runners))
        .build();
  }

  public static RunnerSupervisorDiagnosticsBuilder runner(String nodeId, String runnerId, String modelId, int rank) {
    return new RunnerSupervisorDiagnosticsBuilder()
        .runnerId(runnerId)
        .instanceId("inst-1")
        .nodeId(nodeId)
        .modelId(modelId)
        .deviceRank(rank)
        .worldSize(2)
        .startLayer(0)
        .endLayer(16)
        .nLayers(32)
        .processAlive(true)
        .statusKind("RunnerReady")
        .statusSince(T0)
        .secondsInStatus(1.5)
        .phase(RunnerPhase.IDLE)
        .phaseStartedAt(T0)
        .secondsInPhase(1.5)
        .completedTaskCount(0);
  }

  public static RunnerDiagnosticContext context(String nodeId, String runnerId, int rank) {
    return new RunnerDiagnosticContextBuilder()
        .nodeId(nodeId)
        .runnerId(runnerId)
        .instanceId("inst-1")
        .modelId("m")
        .rank(rank)
        .worldSize(2)
        .startLayer(0)
        .endLayer(16)
        .nLayers(32)
        .build();
  }

  public static RunnerFlightRecorderEntry entry(String nodeId, String runnerId, int rank, String at, String event) {
    return new RunnerFlightRecorderEntryBuilder()
        .at(at)
        .phase(RunnerPhase.DECODE_STREAM)
        .event(event)
        .context(context(nodeId, runnerId, rank))
        .build();
  }

  public static MlxMemorySnapshot mlx() {
    return new MlxMemorySnapshotBuilder().generatedAt(T0).source("mlx.core").build();
  }

  public static dev.skulk.diagnostics.model.RunnerTaskDiagnostics task(String taskId) {
    return new RunnerTaskDiagnosticsBuilder()
        .taskId(taskId)
        .taskKind("ChatCompletion")
        .taskStatus("Running")
        .instanceId("inst-1")
        .build();
  }

  public static ClusterNodeDiagnostics ok(NodeDiagnostics node, String url) {
    return new ClusterNodeDiagnostics(node.runtime().nodeId(), url, true, node, null);
  }

  public static ClusterNodeDiagnostics failed(String nodeId, String url, String error) {
    return new ClusterNodeDiagnostics(nodeId, url, false, null, error);
  }
}
