package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One flight-recorder entry annotated with cluster identity, in a {@link ClusterTimeline}.
 *
 * <p>Immutable and thread-safe; build one with {@code ClusterTimelineEntryBuilder} (generated).
 *
 * @param at UTC timestamp when the runner emitted the update.
 * @param nodeId Node that owns the runner.
 * @param runnerId Runner ID.
 * @param deviceRank Distributed device rank.
 * @param worldSize Distributed world size.
 * @param phase Runner phase at this entry.
 * @param event Short event name within the phase.
 * @param detail Compact human-readable detail. Optional.
 * @param attrs Structured low-cardinality diagnostic attributes. Empty when absent.
 * @param taskId Task ID associated with the entry, when known. Optional.
 * @param commandId Command ID associated with the entry, when known. Optional.
 * @param mlxMemory MLX memory snapshot captured with this entry, when present. Optional.
 */
@Value.Builder
@JsonPropertyOrder({"at", "nodeId", "runnerId", "deviceRank", "worldSize", "phase", "event", "detail", "attrs", "taskId", "commandId", "mlxMemory"})
public record ClusterTimelineEntry(
    @JsonProperty(required = true) String at,
    @JsonProperty(required = true) String nodeId,
    @JsonProperty(required = true) String runnerId,
    @JsonProperty(required = true) int deviceRank,
    @JsonProperty(required = true) int worldSize,
    @JsonProperty(required = true) RunnerPhase phase,
    @JsonProperty(required = true) String event,
    @Nullable String detail,
    Map<String, RunnerDiagnosticValue> attrs,
    @Nullable String taskId,
    @Nullable String commandId,
    @Nullable MlxMemorySnapshot mlxMemory) {

  /**
   * Checks and normalises the components: {@code at}, {@code nodeId}, {@code runnerId},
   * {@code phase}, {@code event} are required (a null one throws {@code NullPointerException});
   * {@code attrs} is copied in order, unmodifiable, with null read as empty and null keys or values
   * refused.
   */
  public ClusterTimelineEntry {
    Checks.required(at, "at");
    Checks.required(nodeId, "nodeId");
    Checks.required(runnerId, "runnerId");
    Checks.required(phase, "phase");
    Checks.required(event, "event");
    attrs = Checks.orderedMapOrEmpty(attrs, "attrs");
  }
}
