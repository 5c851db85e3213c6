package dev.skulk.diagnostics.rules;

import static dev.skulk.diagnostics.rules.RuleFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.NodeResourceDiagnostics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementWarningsRuleTest {

  @Test
  void masterInsideThePlacementRaisesNothing() {
    assertThat(PlacementWarningsRule.placementWarnings(true, Map.of("runner-1", "RunnerWarmingUp"))).isEmpty();
  }

  @Test
  void masterOutsideWithWarmingRunnersSortedAndDistinct() {
    Map<String, String> statuses = new LinkedHashMap<>();
    statuses.put("runner-2", "RunnerWarmingUp");
    statuses.put("runner-1", "RunnerWarmingUp");
    statuses.put("runner-3", "RunnerReady");

    assertThat(PlacementWarningsRule.placementWarnings(false, statuses)).containsExactly(
        "Current master is not a placement node for this instance.",
        "Runner runner-1 is warming up while master is outside the placement.",
        "Runner runner-2 is warming up while master is outside the placement.");
  }

  @Test
  void nodeWarningsAreTheSortedUnionOfPlacementWarnings() {
    InstancePlacementDiagnostics first = new InstancePlacementDiagnostics("i-1", "m", null, false, true,
        List.of(), List.of(), List.of("Current master is not a placement node for this instance.",
            "Runner r-2 is warming up while master is outside the placement."));
    InstancePlacementDiagnostics second = new InstancePlacementDiagnostics("i-2", "m", null, false, true,
        List.of(), List.of(), List.of("Current master is not a placement node for this instance.",
            "Runner r-1 is warming up while master is outside the placement."));

    List<String> warnings = new PlacementWarningsRule().evaluate(
        draft(List.of(), List.of(first, second), NodeResourceDiagnostics.empty()), new RuleFixtures.State(List.of()));

    assertThat(warnings).containsExactly(
        "Current master is not a placement node for this instance.",
        "Runner r-1 is warming up while master is outside the placement.",
        "Runner r-2 is warming up while master is outside the placement.");
  }
}
