package dev.skulk.diagnostics.testkit;

import dev.skulk.diagnostics.model.AcceleratorMetricsBuilder;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterDiagnosticsBuilder;
import dev.skulk.diagnostics.model.ClusterNodeDiagnosticsBuilder;
import dev.skulk.diagnostics.model.DiagnosticsProcessBuilder;
import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.InstancePlacementDiagnosticsBuilder;
import dev.skulk.diagnostics.model.InterfaceType;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.NetworkInterfaceInfo;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnosticsBuilder;
import dev.skulk.diagnostics.model.NodeIdentityBuilder;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.model.NodeResourceDiagnosticsBuilder;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnosticsBuilder;
import dev.skulk.diagnostics.model.PlacementRunnerDiagnosticsBuilder;
import dev.skulk.diagnostics.model.ProcessRole;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticValue;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntry;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntryBuilder;
import dev.skulk.diagnostics.model.RunnerLifecycleMilestone;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnosticsBuilder;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.model.SystemPerformanceProfileBuilder;
import dev.skulk.diagnostics.model.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Realistic, deterministic bundles for tests and examples: what an operator sees when a two-node
 * tensor-parallel Llama instance is mid-decode. Every call returns equal values (fixed clock).
 * Thread-safe.
 */
public final class SampleBundles {

  /** The instant every sample is generated at. */
  public static final Instant GENERATED_AT = Instant.parse("2026-11-27T03:13:13.123456Z");

  /** The node id of the studio node (master, rank 0). */
  public static final String STUDIO = "12D3KooWStudioAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  /** The node id of the kite node (rank 1). */
  public static final String KITE = "12D3KooWKiteBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
  /** The node id of the node that did not answer. */
  public static final String OFFLINE = "12D3KooWOfflineCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC";

  static final String INSTANCE = "5f0c6a3e-2b1d-4c7e-9a8f-1d2e3f4a5b6c";
  static final String MODEL = "mlx-community/Llama-3.3-70B-Instruct-4bit";
  static final String TASK = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
  static final String COMMAND = "cmpl-4f3e2d1c";

  private SampleBundles() {}

  /**
   * A node with two runners (ranks 0 and 1 of one instance) mid-decode, each with a full flight
   * recorder of 128 entries (prefill, then tokens, attrs of every kind), milestones, an in-progress
   * task, MLX memory, processes and a placement.
   */
  public static NodeDiagnostics nodeWithTwoRunnersMidDecode() {
    return node(STUDIO, "studio", true,
        List.of(runner("runner-0a1b2c3d4e5f", 0, 4242, 0, 40), runner("runner-6a7b8c9d0e1f", 1, 4243, 40, 80)));
  }

  /**
   * A cluster seen from the studio node: the studio itself (ok, with its two runners), the kite
   * peer (ok, no runners of its own) and one peer that refused the connection.
   */
  public static ClusterDiagnostics twoNodeClusterWithFailedPeer() {
    return new ClusterDiagnosticsBuilder()
        .generatedAt(at(2))
        .localNodeId(STUDIO)
        .masterNodeId(STUDIO)
        .addNodes(new ClusterNodeDiagnosticsBuilder().nodeId(STUDIO).ok(true).diagnostics(nodeWithTwoRunnersMidDecode()).build())
        .addNodes(new ClusterNodeDiagnosticsBuilder().nodeId(KITE).url("http://192.168.1.21:52415").ok(true)
            .diagnostics(node(KITE, "kite", false, List.of())).build())
        .addNodes(new ClusterNodeDiagnosticsBuilder().nodeId(OFFLINE).url("http://192.168.1.22:52415").ok(false)
            .error("ConnectError: connection refused").build())
        .build();
  }

  private static NodeDiagnostics node(String nodeId, String host, boolean master, List<RunnerSupervisorDiagnostics> runners) {
    return new NodeDiagnosticsBuilder()
        .generatedAt(at(0))
        .runtime(new NodeRuntimeDiagnosticsBuilder()
            .nodeId(nodeId).hostname(host).friendlyName(host + "'s Mac Studio").isMaster(master).masterNodeId(STUDIO)
            .cwd("/Users/" + host + "/skulk").configPath("config.yaml").configFileExists(true)
            .skulkVersion("0.3.1").skulkCommit("a1b2c3d").libp2pNamespace("skulk-lab").pythonUnbuffered(true)
            .tracingEnabled(false).structuredLoggingConfigured(true).loggingIngestUrl("http://vector.local:8686/")
            .build())
        .identity(new NodeIdentityBuilder().modelId("Mac16,9").chipId("Apple M4 Max").friendlyName(host + "'s Mac Studio")
            .osVersion("15.3.1").osBuildVersion("24D70").skulkVersion("0.3.1").skulkCommit("a1b2c3d").build())
        .resources(new NodeResourceDiagnosticsBuilder()
            .gatheredMemory(new MemoryUsage(Memory.ofGiB(128), Memory.ofBytes(41_234_567_168L), Memory.ofGiB(2), Memory.ofBytes(1_610_612_736L)))
            .currentMemory(new MemoryUsage(Memory.ofGiB(128), Memory.ofBytes(40_987_654_144L), Memory.ofGiB(2), Memory.ofBytes(1_610_612_736L)))
            .currentWired(Memory.ofBytes(79_456_321_536L))
            .disk(new DiskUsage(Memory.ofBytes(1_995_218_165_760L), Memory.ofBytes(734_003_200_000L)))
            .system(new SystemPerformanceProfileBuilder().gpuUsage(97.5).temp(61.25).sysPower(148.3).pcpuUsage(12.5).ecpuUsage(3.75)
                .accelerator(new AcceleratorMetricsBuilder().vendor(AcceleratorVendor.APPLE).name("Apple GPU").utilizationRatio(0.975)
                    .powerWatts(121.04).temperatureCelsius(61.25).build())
                .build())
            .network(new NodeNetworkInfo(List.of(
                new NetworkInterfaceInfo("en0", "192.168.1.20", InterfaceType.ETHERNET),
                new NetworkInterfaceInfo("en2", "169.254.12.7", InterfaceType.THUNDERBOLT),
                new NetworkInterfaceInfo("en2", "fe80::1c2d:3e4f:5a6b:7c8d", InterfaceType.THUNDERBOLT))))
            .build())
        .addProcesses(new DiagnosticsProcessBuilder().pid(4100).parentPid(1L).role(ProcessRole.SKULK)
            .command("/opt/skulk/.venv/bin/python -m exo.main --api-key ***").status("running").cpuPercent(4.2).memoryPercent(0.8)
            .rss(Memory.ofMiB(1034)).elapsedSeconds(86_412.5).isChildOfSkulk(true).build())
        .addAllProcesses(runners.stream().map(r -> new DiagnosticsProcessBuilder().pid(Objects.requireNonNull(r.pid(), "sample runners have a pid")).parentPid(4100L).role(ProcessRole.RUNNER)
            .command("/opt/skulk/.venv/bin/python -c from multiprocessing.spawn import spawn_main; spawn_main(tracker_fd=5)")
            .status("running").cpuPercent(98.7).memoryPercent(29.5).rss(Memory.ofGiB(37)).elapsedSeconds(3_600.0).isChildOfSkulk(true).build())
            .toList())
        .supervisorRunners(runners)
        .addPlacements(new InstancePlacementDiagnosticsBuilder().instanceId(INSTANCE).modelId(MODEL).masterNodeId(STUDIO)
            .masterIsPlacementNode(true).localNodeIsPlacementNode(master).placementNodeIds(List.of(STUDIO, KITE))
            .addRunners(placementRunner("runner-0a1b2c3d4e5f", STUDIO, 0, 0, 40, master))
            .addRunners(placementRunner("runner-6a7b8c9d0e1f", KITE, 1, 40, 80, !master))
            .build())
        .warnings(List.of())
        .build();
  }

  private static dev.skulk.diagnostics.model.PlacementRunnerDiagnostics placementRunner(String runnerId, String nodeId, int rank,
      int start, int end, boolean local) {
    return new PlacementRunnerDiagnosticsBuilder().runnerId(runnerId).nodeId(nodeId).friendlyName(null).statusKind("RunnerRunning")
        .deviceRank(rank).worldSize(2).startLayer(start).endLayer(end).nLayers(80).isLocal(local).isMaster(STUDIO.equals(nodeId))
        .addTasks(task(runnerId)).build();
  }

  private static RunnerTaskDiagnostics task(String runnerId) {
    return new RunnerTaskDiagnostics(TASK, "ChatCompletion", "Running", INSTANCE, COMMAND, runnerId, MODEL);
  }

  private static RunnerSupervisorDiagnostics runner(String runnerId, int rank, long pid, int start, int end) {
    RunnerDiagnosticContext context = new RunnerDiagnosticContext(STUDIO, runnerId, pid, INSTANCE, MODEL, rank, 2, start, end, 80);
    MlxMemorySnapshot mlx = new MlxMemorySnapshot(at(-1), Memory.ofBytes(38_654_705_664L), Memory.ofBytes(2_147_483_648L),
        Memory.ofBytes(40_802_189_312L), null, "mlx.core");
    List<RunnerFlightRecorderEntry> entries = new ArrayList<>();
    entries.add(entry(context, -200, RunnerPhase.PREFILL_STREAM, "exit", "prompt 1873 tokens", Map.of("tokens", RunnerDiagnosticValue.of(1873L)), mlx));
    entries.add(entry(context, -199, RunnerPhase.DECODE_WAIT_FIRST_TOKEN, "enter", null, Map.of(), null));
    for (int token = 0; token < 126; token++) {
      Map<String, RunnerDiagnosticValue> attrs = new LinkedHashMap<>();
      attrs.put("token", RunnerDiagnosticValue.of((long) token));
      attrs.put("tps", RunnerDiagnosticValue.of(18.5 + token % 7 * 0.25));
      attrs.put("stop", RunnerDiagnosticValue.of(false));
      if (token % 32 == 0) {
        attrs.put("peers", RunnerDiagnosticValue.of(List.of(STUDIO.substring(0, 12), KITE.substring(0, 12))));
        attrs.put("note", RunnerDiagnosticValue.of("kv cache hit…"));
      }
      entries.add(entry(context, -198 + token, RunnerPhase.DECODE_STREAM, "token_" + token, null, attrs, null));
    }
    List<RunnerLifecycleMilestone> milestones = new ArrayList<>();
    milestones.add(new RunnerLifecycleMilestone(at(-3600), "supervisor_created", null));
    milestones.add(new RunnerLifecycleMilestone(at(-3590), "process_started", "pid " + pid));
    milestones.add(new RunnerLifecycleMilestone(at(-200), "phase:prefill_stream", "prompt 1873 tokens"));
    milestones.add(new RunnerLifecycleMilestone(at(-72), "phase:decode_stream", "token_125"));
    return new RunnerSupervisorDiagnosticsBuilder()
        .runnerId(runnerId).instanceId(INSTANCE).nodeId(STUDIO).modelId(MODEL).deviceRank(rank).worldSize(2)
        .startLayer(start).endLayer(end).nLayers(80).pid(pid).processAlive(true).statusKind("RunnerRunning")
        .statusSince(at(-205)).secondsInStatus(205.0).phase(RunnerPhase.DECODE_STREAM).phaseStartedAt(at(-198))
        .secondsInPhase(198.25).lastProgressAt(at(-72)).activeTaskId(TASK).activeCommandId(COMMAND)
        .phaseDetail(null).lastMlxMemory(mlx).flightRecorder(entries).addInProgressTasks(task(runnerId))
        .completedTaskCount(17).lastTaskSentAt(at(-205)).lastEventReceivedAt(at(-72)).lastEventType("ChunkGenerated")
        .milestones(milestones)
        .build();
  }

  private static RunnerFlightRecorderEntry entry(RunnerDiagnosticContext context, int offsetSeconds, RunnerPhase phase, String event,
      @Nullable String detail, Map<String, RunnerDiagnosticValue> attrs, @Nullable MlxMemorySnapshot mlx) {
    return new RunnerFlightRecorderEntryBuilder().at(at(offsetSeconds)).phase(phase).event(event).detail(detail).attrs(attrs)
        .context(context).taskId(TASK).commandId(COMMAND).mlxMemory(mlx).build();
  }

  private static String at(int offsetSeconds) {
    return Timestamps.format(GENERATED_AT.plus(Duration.ofSeconds(offsetSeconds)));
  }
}
