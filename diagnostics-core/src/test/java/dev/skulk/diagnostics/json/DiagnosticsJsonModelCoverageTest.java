package dev.skulk.diagnostics.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.ClusterTimelineEntry;
import dev.skulk.diagnostics.model.ClusterTimelineRunner;
import dev.skulk.diagnostics.model.ClusterTimelineUnreachable;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequest;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.NetworkInterfaceInfo;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.model.NodeResourceDiagnostics;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnostics;
import dev.skulk.diagnostics.model.PlacementRunnerDiagnostics;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntry;
import dev.skulk.diagnostics.model.RunnerLifecycleMilestone;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every record of the model, not only those in the bundle fixtures, reads and writes. */
class DiagnosticsJsonModelCoverageTest {

  private static final DiagnosticsJson STRICT = DiagnosticsJson.strict();

  @ParameterizedTest
  @ValueSource(classes = {AcceleratorMetrics.class, ClusterDiagnostics.class, ClusterNodeDiagnostics.class,
      ClusterTimeline.class, ClusterTimelineEntry.class, ClusterTimelineRunner.class,
      ClusterTimelineUnreachable.class, DiagnosticCaptureRequest.class, DiagnosticCaptureResponse.class,
      DiagnosticProcessSample.class, DiagnosticsProcess.class, DiskUsage.class, InstancePlacementDiagnostics.class,
      Memory.class, MemoryUsage.class, MlxMemorySnapshot.class, NetworkInterfaceInfo.class, NodeDiagnostics.class,
      NodeIdentity.class, NodeNetworkInfo.class, NodeResourceDiagnostics.class, NodeRuntimeDiagnostics.class,
      PlacementRunnerDiagnostics.class, RunnerDiagnosticContext.class, RunnerDiagnosticUpdate.class,
      RunnerFlightRecorderEntry.class, RunnerLifecycleMilestone.class, RunnerSupervisorDiagnostics.class,
      RunnerTaskDiagnostics.class, SystemPerformanceProfile.class})
  void anEmptyObjectIsAcceptedExactlyWhereTheWireContractHasNoRequiredField(Class<?> type) {
    Set<String> required = REQUIRED.get(type.getSimpleName());
    assertThat(required).as("required fields of %s are listed", type.getSimpleName()).isNotNull();
    DiagnosticsFormatException e = catchThrowableOfType(DiagnosticsFormatException.class, () -> STRICT.read("{}", type));

    if (required.isEmpty()) {
      assertThat(e).as("{} is a complete %s", type.getSimpleName()).isNull();
      Object defaults = STRICT.read("{}", type);
      assertThat(STRICT.read(STRICT.write(defaults), type)).isEqualTo(defaults);
    } else {
      assertThat(e).as("{} lacks the required fields of %s", type.getSimpleName()).isNotNull();
      assertThat(e.reason()).startsWith("missing required field '");
      String field = e.reason().substring("missing required field '".length(), e.reason().length() - 1);
      assertThat(required).contains(field);
      assertThat(e.path()).isEqualTo("$." + field);
    }
  }

  /**
   * The required fields of each wire type, as upstream's pydantic models declare them
   * ({@code model_fields[...].is_required()} in Python Skulk 1.3.0, wire names): the independent
   * source for which types accept {@code {}}.
   */
  private static final Map<String, Set<String>> REQUIRED = Map.ofEntries(
      Map.entry("AcceleratorMetrics", Set.of()),
      Map.entry("ClusterDiagnostics", Set.of("generatedAt", "localNodeId")),
      Map.entry("ClusterNodeDiagnostics", Set.of("nodeId", "ok")),
      Map.entry("ClusterTimeline", Set.of("generatedAt", "localNodeId")),
      Map.entry("ClusterTimelineEntry", Set.of("at", "nodeId", "runnerId", "deviceRank", "worldSize", "phase", "event")),
      Map.entry("ClusterTimelineRunner", Set.of("nodeId", "runnerId", "instanceId", "modelId", "deviceRank",
          "worldSize", "processAlive", "statusKind", "phase", "secondsInPhase")),
      Map.entry("ClusterTimelineUnreachable", Set.of("nodeId", "error")),
      Map.entry("DiagnosticCaptureRequest", Set.of()),
      Map.entry("DiagnosticCaptureResponse", Set.of("generatedAt", "nodeId", "nodeDiagnostics")),
      Map.entry("DiagnosticProcessSample", Set.of("name", "command", "ok", "durationSeconds")),
      Map.entry("DiagnosticsProcess", Set.of("pid", "role", "command")),
      Map.entry("DiskUsage", Set.of("total", "available")),
      Map.entry("InstancePlacementDiagnostics", Set.of("instanceId", "modelId", "masterIsPlacementNode",
          "localNodeIsPlacementNode")),
      Map.entry("Memory", Set.of()),
      Map.entry("MemoryUsage", Set.of("ramTotal", "ramAvailable", "swapTotal", "swapAvailable")),
      Map.entry("MlxMemorySnapshot", Set.of("generatedAt", "source")),
      Map.entry("NetworkInterfaceInfo", Set.of("name", "ipAddress")),
      Map.entry("NodeDiagnostics", Set.of("generatedAt", "runtime", "resources")),
      Map.entry("NodeIdentity", Set.of()),
      Map.entry("NodeNetworkInfo", Set.of()),
      Map.entry("NodeResourceDiagnostics", Set.of()),
      Map.entry("NodeRuntimeDiagnostics", Set.of("nodeId", "hostname", "isMaster", "cwd", "configPath",
          "configFileExists", "skulkVersion", "skulkCommit", "pythonUnbuffered", "tracingEnabled",
          "structuredLoggingConfigured")),
      Map.entry("PlacementRunnerDiagnostics", Set.of("runnerId", "nodeId", "deviceRank", "worldSize", "startLayer",
          "endLayer", "nLayers", "isLocal", "isMaster")),
      Map.entry("RunnerDiagnosticContext", Set.of("nodeId", "runnerId", "instanceId", "modelId", "rank", "worldSize",
          "startLayer", "endLayer", "nLayers")),
      Map.entry("RunnerDiagnosticUpdate", Set.of("at", "phase", "event", "context")),
      Map.entry("RunnerFlightRecorderEntry", Set.of("at", "phase", "event", "context")),
      Map.entry("RunnerLifecycleMilestone", Set.of("at", "name")),
      Map.entry("RunnerSupervisorDiagnostics", Set.of("runnerId", "instanceId", "nodeId", "modelId", "deviceRank",
          "worldSize", "startLayer", "endLayer", "nLayers", "processAlive", "statusKind", "statusSince",
          "secondsInStatus", "phase", "phaseStartedAt", "secondsInPhase", "completedTaskCount")),
      Map.entry("RunnerTaskDiagnostics", Set.of("taskId", "taskKind", "taskStatus", "instanceId")),
      Map.entry("SystemPerformanceProfile", Set.of()));

  @Test
  void clusterTimelineRoundTrips() {
    String timeline = "{\"generatedAt\":\"2026-11-27T03:13:24.987654+00:00\",\"localNodeId\":\"a\",\"masterNodeId\":null,"
        + "\"runners\":[{\"nodeId\":\"a\",\"runnerId\":\"r0\",\"instanceId\":\"i\",\"modelId\":\"m\",\"deviceRank\":0,"
        + "\"worldSize\":2,\"pid\":9911,\"processAlive\":true,\"statusKind\":\"RunnerRunning\",\"phase\":\"decode_stream\","
        + "\"phaseDetail\":\"token 412/2048 …\",\"secondsInPhase\":12.499999,\"lastProgressAt\":null,\"activeTaskId\":\"t\","
        + "\"activeCommandId\":null,\"lastMlxMemory\":null}],"
        + "\"timeline\":[{\"at\":\"2026-11-27T03:13:02.000001+00:00\",\"nodeId\":\"a\",\"runnerId\":\"r0\",\"deviceRank\":0,"
        + "\"worldSize\":2,\"phase\":\"decode_wait_first_token\",\"event\":\"first_token\",\"detail\":null,"
        + "\"attrs\":{\"ttftSeconds\":0.1,\"rank\":0,\"overlap\":true,\"stops\":[\"</s>\"],\"tiny\":1e-7},"
        + "\"taskId\":\"t\",\"commandId\":null,\"mlxMemory\":null}],"
        + "\"unreachableNodes\":[{\"nodeId\":\"c\",\"url\":\"http://192.168.1.22:52415\","
        + "\"error\":\"Node diagnostics returned no payload.\"}]}";

    assertThat(STRICT.write(STRICT.read(timeline, ClusterTimeline.class))).isEqualTo(timeline);
  }

  @Test
  void captureResponseRoundTrips() {
    String node = Fixtures.text("node-mid-decode.json");
    String capture = "{\"generatedAt\":\"2026-11-27T03:13:30+00:00\",\"nodeId\":\"a\",\"nodeDiagnostics\":" + node
        + ",\"runner\":null,\"flightRecorder\":[],\"mlxMemory\":null,\"processSamples\":[{\"name\":\"sample\","
        + "\"command\":[\"sample\",\"9911\",\"3\"],\"ok\":false,\"exitCode\":null,\"durationSeconds\":8.0,"
        + "\"stdout\":null,\"stderr\":null,\"error\":\"Timed out after 8.0s\"}],"
        + "\"warnings\":[\"Matched runner has not reported an MLX memory snapshot yet.\"]}";

    assertThat(STRICT.write(STRICT.read(capture, DiagnosticCaptureResponse.class))).isEqualTo(capture);
  }
}
