package dev.skulk.diagnostics.rules;

import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.spi.DiagnosticRule;
import dev.skulk.diagnostics.state.ClusterStateView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python Skulk's placement warnings. Per placement (built by the assembler's {@code Placements}):
 * {@value #MASTER_NOT_IN_PLACEMENT} when the master is not among the placement's nodes, and
 * {@code Runner <runnerId> is warming up while master is outside the placement.} for each runner
 * whose status is {@code RunnerWarmingUp} while the master is outside. As a node rule it returns
 * the union of every placement's warnings (which also hold the divergence warnings of the
 * placement's instance), sorted and distinct.
 *
 * <p>Stateless and thread-safe; linear in the number of placement warnings.
 */
public final class PlacementWarningsRule implements DiagnosticRule {

  /** The warning raised when the master is not among a placement's nodes. */
  public static final String MASTER_NOT_IN_PLACEMENT =
      "Current master is not a placement node for this instance.";

  /** The status variant name that triggers the warming-up warning. */
  public static final String RUNNER_WARMING_UP = "RunnerWarmingUp";

  /** The rule's stable name. */
  public static final String NAME = "skulk.placement";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> evaluate(NodeDiagnostics draft, ClusterStateView state) {
    List<String> all = new ArrayList<>();
    for (InstancePlacementDiagnostics placement : draft.placements()) {
      all.addAll(placement.warnings());
    }
    return Warnings.sortedDistinct(all);
  }

  /** {@code Runner <runnerId> is warming up while master is outside the placement.} */
  public static String runnerWarmingUp(String runnerId) {
    return "Runner " + runnerId + " is warming up while master is outside the placement.";
  }

  /**
   * The placement warnings of one instance, sorted and distinct.
   *
   * @param masterIsPlacementNode whether the master is among the placement's nodes
   * @param runnerStatuses runner id to status variant name of the placement's runners, in
   *     assignment order (a runner without a status is absent)
   */
  public static List<String> placementWarnings(
      boolean masterIsPlacementNode, Map<String, String> runnerStatuses) {
    if (masterIsPlacementNode) {
      return List.of();
    }
    List<String> warnings = new ArrayList<>();
    warnings.add(MASTER_NOT_IN_PLACEMENT);
    runnerStatuses.forEach(
        (runnerId, status) -> {
          if (RUNNER_WARMING_UP.equals(status)) {
            warnings.add(runnerWarmingUp(runnerId));
          }
        });
    return Warnings.sortedDistinct(warnings);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
