package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Per-runner synopsis in a {@link ClusterTimeline}.
 *
 * <p>Immutable and thread-safe; build one with {@code ClusterTimelineRunnerBuilder} (generated).
 *
 * @param nodeId Node that owns the runner.
 * @param runnerId Runner ID.
 * @param instanceId Instance ID.
 * @param modelId Model assigned to the runner.
 * @param deviceRank Distributed device rank.
 * @param worldSize Distributed world size.
 * @param pid Runner subprocess PID, when started. Optional.
 * @param processAlive Whether the runner subprocess is alive.
 * @param statusKind Current runner status variant.
 * @param phase Last runner phase reported.
 * @param phaseDetail Compact detail for the current phase. Optional.
 * @param secondsInPhase Seconds spent in the current phase.
 * @param lastProgressAt UTC timestamp of the last flight-recorder update. Optional.
 * @param activeTaskId Task ID of the current phase, when known. Optional.
 * @param activeCommandId Command ID of the current phase, when known. Optional.
 * @param lastMlxMemory Most recent MLX memory snapshot. Optional.
 */
@Value.Builder
@JsonPropertyOrder({"nodeId", "runnerId", "instanceId", "modelId", "deviceRank", "worldSize", "pid", "processAlive", "statusKind", "phase", "phaseDetail", "secondsInPhase", "lastProgressAt", "activeTaskId", "activeCommandId", "lastMlxMemory"})
public record ClusterTimelineRunner(
    @JsonProperty(required = true) String nodeId,
    @JsonProperty(required = true) String runnerId,
    @JsonProperty(required = true) String instanceId,
    @JsonProperty(required = true) String modelId,
    @JsonProperty(required = true) int deviceRank,
    @JsonProperty(required = true) int worldSize,
    @Nullable Long pid,
    @JsonProperty(required = true) boolean processAlive,
    @JsonProperty(required = true) String statusKind,
    @JsonProperty(required = true) RunnerPhase phase,
    @Nullable String phaseDetail,
    @JsonProperty(required = true) double secondsInPhase,
    @Nullable String lastProgressAt,
    @Nullable String activeTaskId,
    @Nullable String activeCommandId,
    @Nullable MlxMemorySnapshot lastMlxMemory) {

  /**
   * Checks and normalises the components: {@code nodeId}, {@code runnerId}, {@code
   * instanceId}, {@code modelId}, {@code statusKind}, {@code phase} are required (a null one throws
   * {@code NullPointerException}); {@code secondsInPhase} must be finite (else {@code
   * IllegalArgumentException}).
   */
  public ClusterTimelineRunner {
    Checks.required(nodeId, "nodeId");
    Checks.required(runnerId, "runnerId");
    Checks.required(instanceId, "instanceId");
    Checks.required(modelId, "modelId");
    Checks.required(statusKind, "statusKind");
    Checks.required(phase, "phase");
    Checks.finite(secondsInPhase, "secondsInPhase");
  }
}
