package dev.skulk.diagnostics.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.cluster.CaptureService;
import dev.skulk.diagnostics.cluster.ClusterTimelines;
import dev.skulk.diagnostics.cluster.NoMatchingRunnerException;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.ClusterTimelineEntry;
import dev.skulk.diagnostics.model.ClusterTimelineRunner;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequestBuilder;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticValue;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntry;
import dev.skulk.diagnostics.model.RunnerLifecycleMilestone;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnosticsBuilder;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.state.TaskView;
import dev.skulk.diagnostics.testkit.InMemoryClusterState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Ports of upstream's {@code src/skulk/api/tests/test_diagnostics_api.py} cases about node
 * warnings, capture and the timeline: same inputs, same expected outputs, each method named after
 * the upstream test. The fan-out and capture-proxy cases ({@code
 * test_cluster_diagnostics_returns_local_and_peer_results}, {@code
 * test_capture_cluster_node_diagnostics_proxies_to_peer}) are in {@link
 * UpstreamDiagnosticsApiClusterTest}, which also says why the two runner-cancel cases have no
 * equivalent here.
 */
class UpstreamDiagnosticsApiTest {

  private static final String MODEL = "mlx-community/gemma-4-26b-a4b-it-4bit";
  private static final String WARMUP_TASK = "warmup-task-id"; // upstream's is a random uuid

  /** Upstream's {@code _running_state_without_master_placement}, with {@code _master_node_id = master-node}. */
  private static InMemoryClusterState runningStateWithoutMasterPlacement() {
    return InMemoryClusterState.builder("local-node")
        .master("master-node")
        .addInstance("instance-1", MODEL,
            InMemoryClusterState.assignment("runner-1", "local-node", 0, 2, 0, 15, 30),
            InMemoryClusterState.assignment("runner-2", "peer-node", 1, 2, 15, 30, 30))
        .runnerStatus("runner-1", "RunnerWarmingUp")
        .runnerStatus("runner-2", "RunnerWarmingUp")
        .addTask(new TaskView(WARMUP_TASK, "StartWarmup", "Running", "instance-1", null, null))
        .build();
  }

  private static NodeDiagnostics node(InMemoryClusterState state, Supplier<List<RunnerSupervisorDiagnostics>> runners) {
    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder()
        .nodeId("local-node").state(state).runnerSupervisors(runners::get).build()) {
      return assembler.assembleNode();
    }
  }

  @Test
  void test_node_diagnostics_marks_master_outside_placement() {
    NodeDiagnostics body = node(runningStateWithoutMasterPlacement(), List::of);

    assertThat(body.runtime().masterNodeId()).isEqualTo("master-node");
    assertThat(body.runtime().isMaster()).isFalse();
    InstancePlacementDiagnostics placement = body.placements().get(0);
    assertThat(placement.masterIsPlacementNode()).isFalse();
    assertThat(placement.localNodeIsPlacementNode()).isTrue();
    assertThat(placement.warnings()).contains("Current master is not a placement node for this instance.");
  }

  private static RunnerDiagnosticContext context(String nodeId, String runnerId, int rank, int worldSize, int end) {
    return new RunnerDiagnosticContext(nodeId, runnerId, 1234L + rank, "instance-1", MODEL, rank, worldSize, 0, end, 30);
  }

  @Test
  void test_node_diagnostics_flags_orphaned_live_runner_tasks() {
    RunnerSupervisorDiagnostics runner = new RunnerSupervisorDiagnosticsBuilder()
        .runnerId("runner-1").instanceId("instance-1").nodeId("local-node").modelId(MODEL)
        .deviceRank(0).worldSize(2).startLayer(0).endLayer(15).nLayers(30)
        .pid(1234L).processAlive(true).exitCode(null)
        .statusKind("RunnerRunning").statusSince("2026-04-23T00:00:00+00:00").secondsInStatus(42.0)
        .phase(RunnerPhase.DECODE_WAIT_FIRST_TOKEN).phaseStartedAt("2026-04-23T00:00:02+00:00").secondsInPhase(40.0)
        .lastProgressAt("2026-04-23T00:00:02+00:00").activeTaskId("orphan-task").activeCommandId("command-1")
        .phaseDetail("stream_generate_first_token")
        .lastMlxMemory(new MlxMemorySnapshot("2026-04-23T00:00:02+00:00", mb(1024), mb(128), mb(2048), null, "mlx.core"))
        .flightRecorder(List.of(new RunnerFlightRecorderEntry("2026-04-23T00:00:02+00:00",
            RunnerPhase.DECODE_WAIT_FIRST_TOKEN, "enter", "stream_generate_first_token",
            Map.of("prompt_tokens", RunnerDiagnosticValue.of(123)), context("local-node", "runner-1", 0, 2, 15),
            "orphan-task", "command-1", null)))
        .pendingTaskIds(List.of())
        .inProgressTasks(List.of(
            new RunnerTaskDiagnostics("orphan-task", "TextGeneration", "Pending", "instance-1", "command-1", "runner-1", MODEL),
            new RunnerTaskDiagnostics(WARMUP_TASK, "StartWarmup", "Running", "instance-1", null, "runner-1", MODEL)))
        .completedTaskCount(0)
        .cancelledTaskIds(List.of())
        .lastTaskSentAt("2026-04-23T00:00:00+00:00").lastEventReceivedAt("2026-04-23T00:00:01+00:00")
        .lastEventType("TaskAcknowledged")
        .milestones(List.of(new RunnerLifecycleMilestone("2026-04-23T00:00:00+00:00", "task_sent",
            "TextGeneration:orphan-task")))
        .build();

    NodeDiagnostics body = node(runningStateWithoutMasterPlacement(), () -> List.of(runner));

    assertThat(body.warnings()).anyMatch(w -> w.contains("still reports TextGeneration:orphan-t…task in progress")
        || w.contains("still reports TextGeneration:orphan-task in progress"));
    assertThat(body.placements().get(0).warnings())
        .anyMatch(w -> w.contains("cluster state no longer tracks that task"));
  }

  private static Memory mb(long megabytes) {
    return new Memory(megabytes * 1024 * 1024); // upstream's Memory.from_mb: round(val * 1024**2)
  }

  @Test
  void test_capture_local_node_diagnostics_returns_runner_bundle() {
    RunnerSupervisorDiagnostics runner = new RunnerSupervisorDiagnosticsBuilder()
        .runnerId("runner-1").instanceId("instance-1").nodeId("local-node").modelId(MODEL)
        .deviceRank(0).worldSize(1).startLayer(0).endLayer(30).nLayers(30)
        .pid(1234L).processAlive(true).exitCode(null)
        .statusKind("RunnerRunning").statusSince("2026-04-23T00:00:00+00:00").secondsInStatus(12.0)
        .phase(RunnerPhase.DECODE_WAIT_FIRST_TOKEN).phaseStartedAt("2026-04-23T00:00:01+00:00").secondsInPhase(11.0)
        .lastProgressAt("2026-04-23T00:00:01+00:00").activeTaskId("task-1").activeCommandId("command-1")
        .phaseDetail("stream_generate_first_token")
        .lastMlxMemory(new MlxMemorySnapshot("2026-04-23T00:00:01+00:00", mb(512), mb(64), mb(1024), null, "mlx.core"))
        .flightRecorder(List.of(new RunnerFlightRecorderEntry("2026-04-23T00:00:01+00:00",
            RunnerPhase.DECODE_WAIT_FIRST_TOKEN, "enter", "stream_generate_first_token",
            Map.of("prompt_tokens", RunnerDiagnosticValue.of(42)), context("local-node", "runner-1", 0, 1, 30),
            "task-1", "command-1", null)))
        .inProgressTasks(List.of(
            new RunnerTaskDiagnostics("task-1", "TextGeneration", "Running", "instance-1", "command-1", "runner-1", MODEL)))
        .completedTaskCount(0)
        .lastTaskSentAt("2026-04-23T00:00:00+00:00").lastEventReceivedAt("2026-04-23T00:00:01+00:00")
        .lastEventType("ChunkGenerated")
        .build();
    NodeDiagnostics bundle = node(InMemoryClusterState.builder("local-node").build(), () -> List.of(runner));
    CaptureService capture = CaptureService.builder(() -> bundle)
        .processSampler((pid, duration) -> List.of(new DiagnosticProcessSample("sample", List.of("sample", "1234", "3"),
            false, 1, 0.1, null, "permission denied", "Command exited non-zero")))
        .build();

    DiagnosticCaptureResponse body =
        capture.capture(new DiagnosticCaptureRequestBuilder().runnerId("runner-1").taskId("task-1").build());

    assertThat(body.runner()).isNotNull();
    assertThat(body.runner().phase()).isEqualTo(RunnerPhase.DECODE_WAIT_FIRST_TOKEN);
    assertThat(body.mlxMemory()).isNotNull();
    assertThat(body.mlxMemory().source()).isEqualTo("mlx.core");
    assertThat(body.flightRecorder()).hasSize(1);
    assertThat(body.processSamples().get(0).ok()).isFalse();
  }

  @Test
  void test_capture_local_node_diagnostics_rejects_unknown_runner() {
    NodeDiagnostics bundle = node(InMemoryClusterState.builder("local-node").build(), List::of);
    CaptureService capture = CaptureService.builder(() -> bundle).build();

    assertThatThrownBy(() -> capture.capture(new DiagnosticCaptureRequestBuilder().runnerId("runner-missing").build()))
        .isInstanceOf(NoMatchingRunnerException.class)
        .hasMessageContaining("No local runner matched");
  }

  /** Upstream's {@code _build_supervisor_runner}. */
  private static RunnerSupervisorDiagnostics supervisorRunner(String nodeId, int rank, String runnerId, List<String> flightAt) {
    List<RunnerFlightRecorderEntry> entries = new ArrayList<>();
    for (String at : flightAt) {
      entries.add(new RunnerFlightRecorderEntry(at, RunnerPhase.DECODE_STREAM, "enter", "pipeline_last_eval_output",
          Map.of("rank", RunnerDiagnosticValue.of(rank)), context(nodeId, runnerId, rank, 2, 15), "task-1", "command-1",
          null));
    }
    return new RunnerSupervisorDiagnosticsBuilder()
        .runnerId(runnerId).instanceId("instance-1").nodeId(nodeId).modelId(MODEL)
        .deviceRank(rank).worldSize(2).startLayer(0).endLayer(15).nLayers(30)
        .pid(1234L + rank).processAlive(true).exitCode(null)
        .statusKind("RunnerRunning").statusSince("2026-04-23T00:00:00+00:00").secondsInStatus(12.0)
        .phase(RunnerPhase.DECODE_STREAM).phaseStartedAt("2026-04-23T00:00:01+00:00").secondsInPhase(11.0)
        .lastProgressAt(flightAt.isEmpty() ? null : flightAt.get(flightAt.size() - 1))
        .activeTaskId("task-1").activeCommandId("command-1").phaseDetail("pipeline_last_eval_output")
        .flightRecorder(entries)
        .completedTaskCount(0)
        .build();
  }

  @Test
  void test_cluster_timeline_merges_flight_recorders_by_wall_clock() {
    RunnerSupervisorDiagnostics localRunner = supervisorRunner("local-node", 0, "runner-0",
        List.of("2026-04-24T22:03:50.000000+00:00", "2026-04-24T22:03:51.508000+00:00"));
    RunnerSupervisorDiagnostics peerRunner = supervisorRunner("peer-node", 1, "runner-1",
        List.of("2026-04-24T22:03:50.500000+00:00", "2026-04-24T22:03:52.000000+00:00"));
    NodeDiagnostics local = node(InMemoryClusterState.builder("local-node").build(), () -> List.of(localRunner));
    NodeDiagnostics peer = new NodeDiagnostics("2026-04-24T22:03:53+00:00", local.runtime(), null, local.resources(),
        List.of(), List.of(peerRunner), List.of(), List.of());
    ClusterDiagnostics cluster = new ClusterDiagnostics("2026-04-24T22:03:53+00:00", "local-node", "local-node", List.of(
        new ClusterNodeDiagnostics("local-node", null, true, local, null),
        new ClusterNodeDiagnostics("peer-node", "http://peer-node:52415", true, peer, null)));

    ClusterTimeline body = ClusterTimelines.build(cluster);

    assertThat(body.runners()).extracting(ClusterTimelineRunner::deviceRank).containsExactly(0, 1);
    assertThat(body.runners()).extracting(ClusterTimelineRunner::nodeId).containsExactly("local-node", "peer-node");
    assertThat(body.timeline()).extracting(ClusterTimelineEntry::at).containsExactly(
        "2026-04-24T22:03:50.000000+00:00",
        "2026-04-24T22:03:50.500000+00:00",
        "2026-04-24T22:03:51.508000+00:00",
        "2026-04-24T22:03:52.000000+00:00");
    assertThat(body.timeline()).extracting(ClusterTimelineEntry::deviceRank).containsExactly(0, 1, 0, 1);
    assertThat(body.timeline()).extracting(ClusterTimelineEntry::nodeId)
        .containsExactly("local-node", "peer-node", "local-node", "peer-node");
    assertThat(body.timeline()).allMatch(e -> e.worldSize() == 2);
    assertThat(body.timeline()).extracting(ClusterTimelineEntry::runnerId).containsOnly("runner-0", "runner-1");
  }

  @Test
  void test_cluster_timeline_records_unreachable_peers() {
    NodeDiagnostics local = node(InMemoryClusterState.builder("local-node").build(), List::of);
    // what the fan-out writes for a peer whose GET raised httpx.ConnectError("connection refused")
    ClusterDiagnostics cluster = new ClusterDiagnostics("2026-04-24T22:03:53+00:00", "local-node", "local-node", List.of(
        new ClusterNodeDiagnostics("local-node", null, true, local, null),
        new ClusterNodeDiagnostics("peer-node", "http://peer-node:52415", false, null, "ConnectError: connection refused")));

    ClusterTimeline body = ClusterTimelines.build(cluster);

    assertThat(body.unreachableNodes()).hasSize(1);
    assertThat(body.unreachableNodes().get(0).nodeId()).isEqualTo("peer-node");
    assertThat(body.unreachableNodes().get(0).error()).contains("connection refused");
    assertThat(body.timeline()).isEmpty();
    assertThat(body.runners()).isEmpty();
  }
}
