package dev.skulk.diagnostics.state;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * One model instance in cluster state with its shard assignments.
 *
 * @param instanceId the instance id
 * @param modelId the placed model id
 * @param assignments one per runner, in the instance's node order
 */
@Value.Builder
public record InstanceView(String instanceId, String modelId, List<ShardAssignment> assignments) {

  /**
   * Checks the components: {@code instanceId} and {@code modelId} are required (a null one throws
   * {@code NullPointerException}); {@code assignments} is copied, unmodifiable.
   */
  public InstanceView {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(modelId, "modelId");
    assignments = List.copyOf(assignments);
  }

  /** The nodes of the placement, in assignment order, each once. */
  public List<String> nodeIds() {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (ShardAssignment assignment : assignments) {
      ids.add(assignment.nodeId());
    }
    return List.copyOf(new ArrayList<>(ids));
  }
}
