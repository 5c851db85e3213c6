package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Cross-rank chronological view of runner activity (the body of {@code GET
 * /v1/diagnostics/cluster/timeline}).
 *
 * <p>Immutable and thread-safe; build one with {@code ClusterTimelineBuilder} (generated).
 *
 * @param generatedAt UTC timestamp when the timeline was built.
 * @param localNodeId Node ID of the API serving this response.
 * @param masterNodeId Current master node ID, when known. Optional.
 * @param runners Runners of every reachable node, by model id, rank and runner id. Empty when
 *     absent.
 * @param timeline Flight-recorder entries of all those runners, by time, node id and rank. Empty
 *     when absent.
 * @param unreachableNodes Peers whose diagnostics could not be read. Empty when absent.
 */
@Value.Builder
@JsonPropertyOrder({"generatedAt", "localNodeId", "masterNodeId", "runners", "timeline", "unreachableNodes"})
public record ClusterTimeline(
    @JsonProperty(required = true) String generatedAt,
    @JsonProperty(required = true) String localNodeId,
    @Nullable String masterNodeId,
    List<ClusterTimelineRunner> runners,
    List<ClusterTimelineEntry> timeline,
    List<ClusterTimelineUnreachable> unreachableNodes) {

  /**
   * Checks and normalises the components: {@code generatedAt}, {@code localNodeId} are
   * required (a null one throws {@code NullPointerException}); {@code runners}, {@code timeline},
   * {@code unreachableNodes} are copied, unmodifiable, with null read as empty and a null element
   * refused.
   */
  public ClusterTimeline {
    Checks.required(generatedAt, "generatedAt");
    Checks.required(localNodeId, "localNodeId");
    runners = Checks.listOrEmpty(runners, "runners");
    timeline = Checks.listOrEmpty(timeline, "timeline");
    unreachableNodes = Checks.listOrEmpty(unreachableNodes, "unreachableNodes");
  }
}
