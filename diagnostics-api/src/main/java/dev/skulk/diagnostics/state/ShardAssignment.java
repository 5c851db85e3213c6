package dev.skulk.diagnostics.state;

import java.util.Objects;
import org.immutables.value.Value;

/**
 * Which runner on which node holds which layers of an instance.
 *
 * @param runnerId the runner id
 * @param nodeId the node the runner is assigned to
 * @param deviceRank the distributed device rank
 * @param worldSize the distributed world size
 * @param startLayer inclusive first layer of the shard
 * @param endLayer exclusive last layer of the shard
 * @param nLayers total layers of the model
 */
@Value.Builder
public record ShardAssignment(
    String runnerId,
    String nodeId,
    int deviceRank,
    int worldSize,
    int startLayer,
    int endLayer,
    int nLayers) {

  public ShardAssignment {
    Objects.requireNonNull(runnerId, "runnerId");
    Objects.requireNonNull(nodeId, "nodeId");
  }
}
