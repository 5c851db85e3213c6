package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Event-sourced placement details for one runner assignment.
 *
 * <p>Immutable and thread-safe; build one with {@code PlacementRunnerDiagnosticsBuilder} (generated).
 *
 * @param runnerId Runner ID.
 * @param nodeId Node ID assigned to this runner.
 * @param friendlyName Friendly node name, when known. Optional.
 * @param statusKind Current event-sourced runner status variant. Optional.
 * @param deviceRank Distributed device rank.
 * @param worldSize Distributed world size.
 * @param startLayer Inclusive first model layer on this shard.
 * @param endLayer Exclusive final model layer on this shard.
 * @param nLayers Total number of model layers.
 * @param isLocal Whether this assignment is on the API node.
 * @param isMaster Whether this assignment is on the master node.
 * @param tasks Event-sourced tasks associated with this runner assignment. Empty when absent.
 */
@Value.Builder
@JsonPropertyOrder({"runnerId", "nodeId", "friendlyName", "statusKind", "deviceRank", "worldSize", "startLayer", "endLayer", "nLayers", "isLocal", "isMaster", "tasks"})
public record PlacementRunnerDiagnostics(
    @JsonProperty(required = true) String runnerId,
    @JsonProperty(required = true) String nodeId,
    @Nullable String friendlyName,
    @Nullable String statusKind,
    @JsonProperty(required = true) int deviceRank,
    @JsonProperty(required = true) int worldSize,
    @JsonProperty(required = true) int startLayer,
    @JsonProperty(required = true) int endLayer,
    @JsonProperty(required = true) int nLayers,
    @JsonProperty(required = true) boolean isLocal,
    @JsonProperty(required = true) boolean isMaster,
    List<RunnerTaskDiagnostics> tasks) {

  /**
   * Checks and normalises the components: {@code runnerId}, {@code nodeId} are required (a
   * null one throws {@code NullPointerException}); {@code tasks} is copied, unmodifiable, with null
   * read as empty and a null element refused.
   */
  public PlacementRunnerDiagnostics {
    Checks.required(runnerId, "runnerId");
    Checks.required(nodeId, "nodeId");
    tasks = Checks.listOrEmpty(tasks, "tasks");
  }
}
