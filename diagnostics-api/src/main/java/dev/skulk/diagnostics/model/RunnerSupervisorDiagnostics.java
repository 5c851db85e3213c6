package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Live runner-supervisor state of one local runner; not event-sourced.
 *
 * <p>Immutable and thread-safe; build one with {@code RunnerSupervisorDiagnosticsBuilder} (generated).
 *
 * @param runnerId Runner ID.
 * @param instanceId Instance ID.
 * @param nodeId Node ID that owns this runner.
 * @param modelId Model assigned to this runner.
 * @param deviceRank Distributed device rank.
 * @param worldSize Distributed world size.
 * @param startLayer Inclusive first model layer on this shard.
 * @param endLayer Exclusive final model layer on this shard.
 * @param nLayers Total number of model layers.
 * @param pid Runner subprocess PID, when started. Optional.
 * @param processAlive Whether the runner subprocess is alive.
 * @param exitCode Runner subprocess exit code, when exited (negative for a signal). Optional.
 * @param statusKind Current runner status variant.
 * @param statusSince UTC timestamp for the current status.
 * @param secondsInStatus Wall-clock seconds spent in the current runner status.
 * @param phase Last runner phase reported.
 * @param phaseStartedAt UTC timestamp when the current phase started.
 * @param secondsInPhase Wall-clock seconds spent in the current phase.
 * @param lastProgressAt UTC timestamp for the last flight-recorder update. Optional.
 * @param activeTaskId Task ID associated with the current phase, when known. Optional.
 * @param activeCommandId Command ID associated with the current phase, when known. Optional.
 * @param phaseDetail Compact human-readable detail for the current phase. Optional.
 * @param lastMlxMemory Most recent MLX memory snapshot reported by the runner. Optional.
 * @param flightRecorder Last (up to 128) local-only runner diagnostic events, oldest first. Empty
 *     when absent.
 * @param pendingTaskIds Tasks sent to the supervisor but not acknowledged by the runner. Empty
 *     when absent.
 * @param inProgressTasks Tasks currently known as in progress by the supervisor. Empty when
 *     absent.
 * @param completedTaskCount Number of tasks completed by this supervisor.
 * @param cancelledTaskIds Task IDs cancelled through this supervisor. Empty when absent.
 * @param lastTaskSentAt UTC timestamp for the last task submitted to the runner. Optional.
 * @param lastEventReceivedAt UTC timestamp for the last event received from the runner. Optional.
 * @param lastEventType Class name of the last event received from the runner. Optional.
 * @param milestones Recent lifecycle milestones retained by the supervisor, oldest first. Empty
 *     when absent.
 */
@Value.Builder
@JsonPropertyOrder({"runnerId", "instanceId", "nodeId", "modelId", "deviceRank", "worldSize", "startLayer", "endLayer", "nLayers", "pid", "processAlive", "exitCode", "statusKind", "statusSince", "secondsInStatus", "phase", "phaseStartedAt", "secondsInPhase", "lastProgressAt", "activeTaskId", "activeCommandId", "phaseDetail", "lastMlxMemory", "flightRecorder", "pendingTaskIds", "inProgressTasks", "completedTaskCount", "cancelledTaskIds", "lastTaskSentAt", "lastEventReceivedAt", "lastEventType", "milestones"})
public record RunnerSupervisorDiagnostics(
    @JsonProperty(required = true) String runnerId,
    @JsonProperty(required = true) String instanceId,
    @JsonProperty(required = true) String nodeId,
    @JsonProperty(required = true) String modelId,
    @JsonProperty(required = true) int deviceRank,
    @JsonProperty(required = true) int worldSize,
    @JsonProperty(required = true) int startLayer,
    @JsonProperty(required = true) int endLayer,
    @JsonProperty(required = true) int nLayers,
    @Nullable Long pid,
    @JsonProperty(required = true) boolean processAlive,
    @Nullable Integer exitCode,
    @JsonProperty(required = true) String statusKind,
    @JsonProperty(required = true) String statusSince,
    @JsonProperty(required = true) double secondsInStatus,
    @JsonProperty(required = true) RunnerPhase phase,
    @JsonProperty(required = true) String phaseStartedAt,
    @JsonProperty(required = true) double secondsInPhase,
    @Nullable String lastProgressAt,
    @Nullable String activeTaskId,
    @Nullable String activeCommandId,
    @Nullable String phaseDetail,
    @Nullable MlxMemorySnapshot lastMlxMemory,
    List<RunnerFlightRecorderEntry> flightRecorder,
    List<String> pendingTaskIds,
    List<RunnerTaskDiagnostics> inProgressTasks,
    @JsonProperty(required = true) int completedTaskCount,
    List<String> cancelledTaskIds,
    @Nullable String lastTaskSentAt,
    @Nullable String lastEventReceivedAt,
    @Nullable String lastEventType,
    List<RunnerLifecycleMilestone> milestones) {

  /**
   * Checks and normalises the components: {@code runnerId}, {@code instanceId}, {@code
   * nodeId}, {@code modelId}, {@code statusKind}, {@code statusSince}, {@code phase}, {@code
   * phaseStartedAt} are required (a null one throws {@code NullPointerException}); {@code
   * secondsInStatus}, {@code secondsInPhase} must be finite (else {@code
   * IllegalArgumentException}); {@code flightRecorder}, {@code pendingTaskIds}, {@code
   * inProgressTasks}, {@code cancelledTaskIds}, {@code milestones} are copied, unmodifiable, with
   * null read as empty and a null element refused.
   */
  public RunnerSupervisorDiagnostics {
    Checks.required(runnerId, "runnerId");
    Checks.required(instanceId, "instanceId");
    Checks.required(nodeId, "nodeId");
    Checks.required(modelId, "modelId");
    Checks.required(statusKind, "statusKind");
    Checks.required(statusSince, "statusSince");
    Checks.finite(secondsInStatus, "secondsInStatus");
    Checks.required(phase, "phase");
    Checks.required(phaseStartedAt, "phaseStartedAt");
    Checks.finite(secondsInPhase, "secondsInPhase");
    flightRecorder = Checks.listOrEmpty(flightRecorder, "flightRecorder");
    pendingTaskIds = Checks.listOrEmpty(pendingTaskIds, "pendingTaskIds");
    inProgressTasks = Checks.listOrEmpty(inProgressTasks, "inProgressTasks");
    cancelledTaskIds = Checks.listOrEmpty(cancelledTaskIds, "cancelledTaskIds");
    milestones = Checks.listOrEmpty(milestones, "milestones");
  }
}
