package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One node result inside a {@link ClusterDiagnostics}: either the node's bundle ({@code ok} true)
 * or why it could not be collected.
 *
 * <p>Immutable and thread-safe; build one with {@code ClusterNodeDiagnosticsBuilder} (generated).
 *
 * @param nodeId Node ID for this cluster diagnostics result.
 * @param url Peer API URL used to collect diagnostics, if remote; null for the local node.
 *     Optional.
 * @param ok Whether diagnostics were collected successfully.
 * @param diagnostics Collected node diagnostics when ok is true. Optional.
 * @param error Collection error when ok is false, as {@code <Kind>: <detail>}. Optional.
 */
@Value.Builder
@JsonPropertyOrder({"nodeId", "url", "ok", "diagnostics", "error"})
public record ClusterNodeDiagnostics(
    @JsonProperty(required = true) String nodeId,
    @Nullable String url,
    @JsonProperty(required = true) boolean ok,
    @Nullable NodeDiagnostics diagnostics,
    @Nullable String error) {

  /**
   * Checks and normalises the components: {@code nodeId} is required (a null one throws
   * {@code NullPointerException}).
   */
  public ClusterNodeDiagnostics {
    Checks.required(nodeId, "nodeId");
  }
}
