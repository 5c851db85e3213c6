package dev.skulk.diagnostics.testkit;

import static dev.skulk.diagnostics.testkit.DiagnosticsAssertions.assertThat;
import static dev.skulk.diagnostics.testkit.InMemoryClusterState.assignment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.assembly.Placements;
import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.PlacementRunnerDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.state.TaskView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN.md "Placements", built from an {@link InMemoryClusterState}. */
class PlacementsTest {

  private static InMemoryClusterState twoInstances(String master) {
    return InMemoryClusterState.builder("node-a")
        .master(master)
        .addInstance("instance-2", "mlx-community/big",
            assignment("runner-c", "node-c", 2, 3, 20, 30, 30),
            assignment("runner-a", "node-a", 0, 3, 0, 10, 30),
            assignment("runner-b", "node-b", 1, 3, 10, 20, 30))
        .addInstance("instance-1", "mlx-community/small", assignment("runner-s", "node-b", 0, 1, 0, 12, 12))
        .runnerStatus("runner-a", "RunnerWarmingUp")
        .runnerStatus("runner-b", "RunnerWarmingUp")
        .runnerStatus("runner-s", "RunnerReady")
        .addTask(new TaskView("task-1", "TextGeneration", "Running", "instance-2", "command-1", null))
        .addTask(new TaskView("task-0", "StartWarmup", "Complete", "instance-2", null, "mlx-community/override"))
        .addTask("task-9", "TextGeneration", "Pending", "instance-1")
        .identity("node-a", NodeIdentity.unknown())
        .identity("node-b", Samples.identity("Studio B"))
        .build();
  }

  @Test
  void oneEntryPerInstanceInStateOrderWithRunnersByRank() {
    List<InstancePlacementDiagnostics> placements = Placements.build(twoInstances("node-m"), "node-a", List.of());

    assertThat(placements).extracting(InstancePlacementDiagnostics::instanceId).containsExactly("instance-2", "instance-1");
    InstancePlacementDiagnostics big = placements.get(0);
    assertThat(big.modelId()).isEqualTo("mlx-community/big");
    assertThat(big.placementNodeIds()).containsExactly("node-c", "node-a", "node-b");
    assertThat(big.runners()).extracting(PlacementRunnerDiagnostics::runnerId).containsExactly("runner-a", "runner-b", "runner-c");
    assertThat(big.runners()).extracting(PlacementRunnerDiagnostics::deviceRank).containsExactly(0, 1, 2);
    assertThat(big.runners().get(2).startLayer()).isEqualTo(20);
    assertThat(big.runners().get(2).endLayer()).isEqualTo(30);
    assertThat(big.runners().get(2).nLayers()).isEqualTo(30);
    assertThat(big.runners().get(2).worldSize()).isEqualTo(3);
  }

  @Test
  void everyRunnerCarriesAllTheInstancesTasksWithItsOwnId() {
    InstancePlacementDiagnostics big = Placements.build(twoInstances("node-m"), "node-a", List.of()).get(0);

    for (PlacementRunnerDiagnostics runner : big.runners()) {
      assertThat(runner.tasks()).containsExactly(
          new RunnerTaskDiagnostics("task-1", "TextGeneration", "Running", "instance-2", "command-1",
              runner.runnerId(), "mlx-community/big"),
          new RunnerTaskDiagnostics("task-0", "StartWarmup", "Complete", "instance-2", null,
              runner.runnerId(), "mlx-community/override"));
    }
  }

  @Test
  void statusFriendlyNameAndLocalityPerRunner() {
    InstancePlacementDiagnostics big = Placements.build(twoInstances("node-b"), "node-a", List.of()).get(0);
    PlacementRunnerDiagnostics a = big.runners().get(0);
    PlacementRunnerDiagnostics b = big.runners().get(1);
    PlacementRunnerDiagnostics c = big.runners().get(2);

    assertThat(a.statusKind()).isEqualTo("RunnerWarmingUp");
    assertThat(c.statusKind()).as("no status known").isNull();
    assertThat(a.friendlyName()).as("Unknown is not a name").isNull();
    assertThat(b.friendlyName()).isEqualTo("Studio B");
    assertThat(c.friendlyName()).as("no identity gathered").isNull();
    assertThat(a.isLocal()).isTrue();
    assertThat(b.isLocal()).isFalse();
    assertThat(a.isMaster()).isFalse();
    assertThat(b.isMaster()).isTrue();
    assertThat(big.masterNodeId()).isEqualTo("node-b");
    assertThat(big.masterIsPlacementNode()).isTrue();
    assertThat(big.localNodeIsPlacementNode()).isTrue();
    assertThat(big.warnings()).isEmpty();
  }

  @Test
  void aMasterOutsideThePlacementWarnsForItAndItsWarmingRunners() {
    List<InstancePlacementDiagnostics> placements = Placements.build(twoInstances("node-m"), "node-c", List.of());

    assertThat(placements.get(0).masterIsPlacementNode()).isFalse();
    assertThat(placements.get(0).warnings()).containsExactly(
        "Current master is not a placement node for this instance.",
        "Runner runner-a is warming up while master is outside the placement.",
        "Runner runner-b is warming up while master is outside the placement.");
    assertThat(placements.get(1).localNodeIsPlacementNode()).isFalse();
    assertThat(placements.get(1).warnings()).containsExactly("Current master is not a placement node for this instance.");
  }

  @Test
  void divergenceWarningsJoinThePlacementOfTheirInstance() {
    RunnerSupervisorDiagnostics runner = Samples.supervisor("runner-a", "instance-2")
        .addInProgressTasks(new RunnerTaskDiagnostics("orphan-task-0000", "TextGeneration", "Running", "instance-2",
            null, "runner-a", null))
        .build();

    List<InstancePlacementDiagnostics> placements = Placements.build(twoInstances("node-a"), "node-a", List.of(runner));

    assertThat(placements.get(0).warnings()).containsExactly(
        "Runner runner-a still reports TextGeneration:orphan-t…0000 in progress, but cluster state no longer tracks that task.");
    assertThat(placements.get(1).warnings()).as("the master node-a hosts no rank of instance-1")
        .containsExactly("Current master is not a placement node for this instance.");
  }

  @Test
  void theAssemblersBundleHasThePlacementsAndTheirWarningsAsNodeWarnings() {
    RunnerSupervisorDiagnostics runner = Samples.supervisor("runner-a", "instance-2")
        .addInProgressTasks(new RunnerTaskDiagnostics("task-0", "StartWarmup", "Running", "instance-2", null, null, null))
        .build();
    InMemoryClusterState state = twoInstances("node-m");
    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder()
        .nodeId("node-a").state(state).runnerSupervisors(() -> List.of(runner)).build()) {
      NodeDiagnostics bundle = assembler.assembleNode();

      assertThat(bundle.placements()).isEqualTo(Placements.build(state, "node-a", List.of(runner)));
      assertThat(bundle)
          .hasPlacementWarning("instance-2", "Runner runner-a still reports StartWarmup:task-0 in progress while cluster state says Complete.")
          .hasWarningsExactly(
              "Current master is not a placement node for this instance.",
              "Runner runner-a is warming up while master is outside the placement.",
              "Runner runner-a still reports StartWarmup:task-0 in progress while cluster state says Complete.",
              "Runner runner-b is warming up while master is outside the placement.");
    }
  }

  @Test
  void noElectedMasterMeansThisNodeIsMaster() {
    // upstream's _placement_diagnostics reads self._master_node_id, which starts as the node itself
    InMemoryClusterState state = InMemoryClusterState.builder("node-a")
        .addInstance("i", "m", assignment("r", "node-a", 0, 1, 0, 1, 1)).build();

    InstancePlacementDiagnostics placement = Placements.build(state, "node-a", List.of()).get(0);

    assertThat(placement.masterNodeId()).isEqualTo("node-a");
    assertThat(placement.masterIsPlacementNode()).isTrue();
    assertThat(placement.runners().get(0).isMaster()).isTrue();
    assertThat(placement.warnings()).isEmpty();
  }

  @Test
  void noElectedMasterOnANodeOutsideThePlacementWarns() {
    InMemoryClusterState state = InMemoryClusterState.builder("node-c")
        .addInstance("i", "m", assignment("r", "node-a", 0, 1, 0, 1, 1)).build();

    InstancePlacementDiagnostics placement = Placements.build(state, "node-c", List.of()).get(0);

    assertThat(placement.masterNodeId()).isEqualTo("node-c");
    assertThat(placement.masterIsPlacementNode()).isFalse();
    assertThat(placement.warnings()).containsExactly("Current master is not a placement node for this instance.");
  }
}
