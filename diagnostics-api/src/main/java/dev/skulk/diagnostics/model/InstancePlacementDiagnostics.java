package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Cluster placement analysis for one model instance.
 *
 * <p>Immutable and thread-safe; build one with {@code InstancePlacementDiagnosticsBuilder} (generated).
 *
 * @param instanceId Instance ID.
 * @param modelId Placed model ID.
 * @param masterNodeId Current master node ID, when known. Optional.
 * @param masterIsPlacementNode Whether the current master is part of this model placement.
 * @param localNodeIsPlacementNode Whether the API node is part of this model placement.
 * @param placementNodeIds Node IDs participating in the placement, in assignment order. Empty when
 *     absent.
 * @param runners Per-runner placement details, by device rank. Empty when absent.
 * @param warnings Heuristic warnings that may help explain a stuck placement. Empty when absent.
 */
@Value.Builder
@JsonPropertyOrder({"instanceId", "modelId", "masterNodeId", "masterIsPlacementNode", "localNodeIsPlacementNode", "placementNodeIds", "runners", "warnings"})
public record InstancePlacementDiagnostics(
    @JsonProperty(required = true) String instanceId,
    @JsonProperty(required = true) String modelId,
    @Nullable String masterNodeId,
    @JsonProperty(required = true) boolean masterIsPlacementNode,
    @JsonProperty(required = true) boolean localNodeIsPlacementNode,
    List<String> placementNodeIds,
    List<PlacementRunnerDiagnostics> runners,
    List<String> warnings) {

  /**
   * Checks and normalises the components: {@code instanceId}, {@code modelId} are required
   * (a null one throws {@code NullPointerException}); {@code placementNodeIds}, {@code runners},
   * {@code warnings} are copied, unmodifiable, with null read as empty and a null element refused.
   */
  public InstancePlacementDiagnostics {
    Checks.required(instanceId, "instanceId");
    Checks.required(modelId, "modelId");
    placementNodeIds = Checks.listOrEmpty(placementNodeIds, "placementNodeIds");
    runners = Checks.listOrEmpty(runners, "runners");
    warnings = Checks.listOrEmpty(warnings, "warnings");
  }
}
