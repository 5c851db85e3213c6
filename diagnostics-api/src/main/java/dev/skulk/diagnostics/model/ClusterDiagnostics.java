package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Read-only diagnostic bundle collected from reachable cluster nodes (the body of {@code GET
 * /v1/diagnostics/cluster}).
 *
 * <p>Immutable and thread-safe; build one with {@code ClusterDiagnosticsBuilder} (generated).
 *
 * @param generatedAt UTC timestamp when collection finished.
 * @param localNodeId Node ID of the API serving this response.
 * @param masterNodeId Current master node ID, when known. Optional.
 * @param nodes Local and reachable peer diagnostic results; the local node first. Empty when
 *     absent.
 */
@Value.Builder
@JsonPropertyOrder({"generatedAt", "localNodeId", "masterNodeId", "nodes"})
public record ClusterDiagnostics(
    @JsonProperty(required = true) String generatedAt,
    @JsonProperty(required = true) String localNodeId,
    @Nullable String masterNodeId,
    List<ClusterNodeDiagnostics> nodes) {

  /**
   * Checks and normalises the components: {@code generatedAt}, {@code localNodeId} are
   * required (a null one throws {@code NullPointerException}); {@code nodes} is copied,
   * unmodifiable, with null read as empty and a null element refused.
   */
  public ClusterDiagnostics {
    Checks.required(generatedAt, "generatedAt");
    Checks.required(localNodeId, "localNodeId");
    nodes = Checks.listOrEmpty(nodes, "nodes");
  }
}
