package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Stable runner identity included with each flight-recorder update.
 *
 * <p>Immutable and thread-safe; build one with {@code RunnerDiagnosticContextBuilder} (generated).
 *
 * @param nodeId Node ID that owns this runner.
 * @param runnerId Runner ID.
 * @param pid Runner subprocess PID. Optional.
 * @param instanceId Instance ID.
 * @param modelId Model assigned to this runner.
 * @param rank Distributed rank for this runner.
 * @param worldSize Distributed world size.
 * @param startLayer Inclusive first layer on this shard.
 * @param endLayer Exclusive final layer on this shard.
 * @param nLayers Total model layers.
 */
@Value.Builder
@JsonPropertyOrder({"nodeId", "runnerId", "pid", "instanceId", "modelId", "rank", "worldSize", "startLayer", "endLayer", "nLayers"})
public record RunnerDiagnosticContext(
    @JsonProperty(required = true) String nodeId,
    @JsonProperty(required = true) String runnerId,
    @Nullable Long pid,
    @JsonProperty(required = true) String instanceId,
    @JsonProperty(required = true) String modelId,
    @JsonProperty(required = true) int rank,
    @JsonProperty(required = true) int worldSize,
    @JsonProperty(required = true) int startLayer,
    @JsonProperty(required = true) int endLayer,
    @JsonProperty(required = true) int nLayers) {

  /**
   * Checks and normalises the components: {@code nodeId}, {@code runnerId}, {@code
   * instanceId}, {@code modelId} are required (a null one throws {@code NullPointerException}).
   */
  public RunnerDiagnosticContext {
    Checks.required(nodeId, "nodeId");
    Checks.required(runnerId, "runnerId");
    Checks.required(instanceId, "instanceId");
    Checks.required(modelId, "modelId");
  }
}
