package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One peer that a {@link ClusterTimeline} could not read.
 *
 * <p>Immutable and thread-safe; build one with {@code ClusterTimelineUnreachableBuilder} (generated).
 *
 * @param nodeId The peer's node ID.
 * @param url The peer's API URL, when remote. Optional.
 * @param error Why the peer's diagnostics could not be read.
 */
@Value.Builder
@JsonPropertyOrder({"nodeId", "url", "error"})
public record ClusterTimelineUnreachable(
    @JsonProperty(required = true) String nodeId,
    @Nullable String url,
    @JsonProperty(required = true) String error) {

  /**
   * Checks and normalises the components: {@code nodeId}, {@code error} are required (a
   * null one throws {@code NullPointerException}).
   */
  public ClusterTimelineUnreachable {
    Checks.required(nodeId, "nodeId");
    Checks.required(error, "error");
  }
}
