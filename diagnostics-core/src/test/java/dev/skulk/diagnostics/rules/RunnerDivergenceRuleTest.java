package dev.skulk.diagnostics.rules;

import static dev.skulk.diagnostics.rules.RuleFixtures.draft;
import static dev.skulk.diagnostics.rules.RuleFixtures.runnerTask;
import static dev.skulk.diagnostics.rules.RuleFixtures.stateTask;
import static dev.skulk.diagnostics.rules.RuleFixtures.supervisor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.NodeResourceDiagnostics;
import dev.skulk.diagnostics.model.PlacementRunnerDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.state.TaskView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected texts and which warnings fire follow upstream's {@code
 * API._augment_runner_divergence_warnings} (skulk 1.3.0 {@code api/main.py}), read by hand: the
 * "still alive" warning fires for an alive runner with in-progress tasks when the placement of its
 * instance lists no task of any status (or there is no placement), and every in-progress task is
 * then checked, also for a dead runner.
 */
class RunnerDivergenceRuleTest {

  private static final String RUNNER = "3f1c2a9e-0b7d-4c55-9a61-2e8f0d4b7c11";
  private static final String INSTANCE = "9d2b7e44-5a18-4f0e-8c3d-61a7b90e2f58";
  private static final String TASK = "c0ffee00-1234-4abc-9def-0123456789ab";
  private static final String OTHER_TASK = "deadbeef-0000-4000-8000-00000000abcd";

  private static List<String> evaluate(
      List<TaskView> state, List<InstancePlacementDiagnostics> placements, RunnerSupervisorDiagnostics... runners) {
    return new RunnerDivergenceRule().evaluate(
        draft(List.of(runners), placements, NodeResourceDiagnostics.empty()), new RuleFixtures.State(state));
  }

  private static InstancePlacementDiagnostics placement(String instanceId, String runnerId, List<RunnerTaskDiagnostics> tasks) {
    PlacementRunnerDiagnostics runner = new PlacementRunnerDiagnostics(
        runnerId, "local-node", null, "RunnerRunning", 0, 1, 0, 30, 30, true, false, tasks);
    return new InstancePlacementDiagnostics(instanceId, "model", "master", false, true,
        List.of("local-node"), List.of(runner), List.of());
  }

  @Test
  void aliveRunnerWithTasksButNoActiveStateTask() {
    RunnerSupervisorDiagnostics runner = supervisor(RUNNER, INSTANCE)
        .addInProgressTasks(runnerTask(TASK, "TextGeneration", "Running", INSTANCE),
            runnerTask(OTHER_TASK, "TextGeneration", "Running", INSTANCE))
        .build();
    List<TaskView> state = List.of(stateTask(TASK, "TextGeneration", "Complete", INSTANCE));

    // No placement: upstream's instance_task_ids is empty, so the runner is "still alive", and then
    // each task is checked (Complete in state; the other untracked).
    assertThat(evaluate(state, List.of(), runner)).containsExactly(
        "Runner 3f1c2a9e…7c11 is still alive with 2 in-progress task(s), but event-sourced state "
            + "shows no active tasks for instance 9d2b7e44…2f58.",
        "Runner 3f1c2a9e…7c11 still reports TextGeneration:c0ffee00…89ab in progress while cluster "
            + "state says Complete.",
        "Runner 3f1c2a9e…7c11 still reports TextGeneration:deadbeef…abcd in progress, but cluster "
            + "state no longer tracks that task.");
  }

  @Test
  void taskNoLongerTrackedByState() {
    RunnerSupervisorDiagnostics runner = supervisor(RUNNER, INSTANCE)
        .addInProgressTasks(runnerTask(TASK, "TextGeneration", "Pending", INSTANCE))
        .build();
    List<TaskView> state = List.of(stateTask(OTHER_TASK, "StartWarmup", "Running", INSTANCE));

    assertThat(evaluate(state, List.of(), runner)).containsExactly(
        "Runner 3f1c2a9e…7c11 is still alive with 1 in-progress task(s), but event-sourced state "
            + "shows no active tasks for instance 9d2b7e44…2f58.",
        "Runner 3f1c2a9e…7c11 still reports TextGeneration:c0ffee00…89ab in progress, but cluster "
            + "state no longer tracks that task.");
  }

  @Test
  void taskThatStateSaysIsFinished() {
    RunnerSupervisorDiagnostics runner = supervisor(RUNNER, INSTANCE)
        .addInProgressTasks(runnerTask(TASK, "TextGeneration", "Running", INSTANCE))
        .build();
    List<TaskView> state = List.of(
        stateTask(TASK, "TextGeneration", "Cancelled", INSTANCE),
        stateTask(OTHER_TASK, "StartWarmup", "Pending", INSTANCE));

    InstancePlacementDiagnostics placement = placement(INSTANCE, RUNNER, List.of(
        new RunnerTaskDiagnostics(TASK, "TextGeneration", "Cancelled", INSTANCE, null, RUNNER, null),
        new RunnerTaskDiagnostics(OTHER_TASK, "StartWarmup", "Pending", INSTANCE, null, RUNNER, null)));

    assertThat(evaluate(state, List.of(placement), runner)).containsExactly(
        "Runner 3f1c2a9e…7c11 still reports TextGeneration:c0ffee00…89ab in progress while cluster "
            + "state says Cancelled.");
  }

  @Test
  void activeTaskMissingFromThePlacementEntryOfThisRunner() {
    RunnerSupervisorDiagnostics runner = supervisor("runner-1", "instance-1")
        .addInProgressTasks(runnerTask("task-1", "TextGeneration", "Running", "instance-1"))
        .build();
    // State tracks task-1 as running, but on another instance; the placement of instance-1 does not list it.
    List<TaskView> state = List.of(
        stateTask("task-1", "TextGeneration", "Running", "instance-2"),
        stateTask("task-2", "StartWarmup", "Running", "instance-1"));
    InstancePlacementDiagnostics placement = placement("instance-1", "runner-1",
        List.of(new RunnerTaskDiagnostics("task-2", "StartWarmup", "Running", "instance-1", null, "runner-1", null)));

    assertThat(evaluate(state, List.of(placement), runner)).containsExactly(
        "Runner runner-1 still reports TextGeneration:task-1 in progress, but placement diagnostics "
            + "show no active task on this runner.");
  }

  @Test
  void aRunnerAbsentFromItsPlacementHasNoActiveTaskThere() {
    RunnerSupervisorDiagnostics runner = supervisor("runner-9", "instance-1")
        .addInProgressTasks(runnerTask("task-1", "TextGeneration", "Running", "instance-1"))
        .build();
    List<TaskView> state = List.of(stateTask("task-1", "TextGeneration", "Running", "instance-1"));
    InstancePlacementDiagnostics placement = placement("instance-1", "runner-1",
        List.of(new RunnerTaskDiagnostics("task-1", "TextGeneration", "Running", "instance-1", null, "runner-1", null)));

    assertThat(evaluate(state, List.of(placement), runner)).containsExactly(
        "Runner runner-9 still reports TextGeneration:task-1 in progress, but placement diagnostics "
            + "show no active task on this runner.");
  }

  @Test
  void consistentRunnerRaisesNothing() {
    RunnerSupervisorDiagnostics runner = supervisor("runner-1", "instance-1")
        .addInProgressTasks(runnerTask("task-1", "TextGeneration", "Running", "instance-1"))
        .build();
    List<TaskView> state = List.of(stateTask("task-1", "TextGeneration", "Running", "instance-1"));
    InstancePlacementDiagnostics placement = placement("instance-1", "runner-1",
        List.of(new RunnerTaskDiagnostics("task-1", "TextGeneration", "Running", "instance-1", null, "runner-1", null)));

    assertThat(evaluate(state, List.of(placement), runner)).isEmpty();
  }

  @Test
  void withoutAPlacementTheRunnerIsStillAliveButAnActiveTaskIsNotCheckedAgainstPlacement() {
    RunnerSupervisorDiagnostics runner = supervisor("runner-1", "instance-1")
        .addInProgressTasks(runnerTask("task-1", "TextGeneration", "Running", "instance-1"))
        .build();
    List<TaskView> state = List.of(stateTask("task-1", "TextGeneration", "Running", "instance-1"));

    assertThat(evaluate(state, List.of(), runner)).containsExactly(
        "Runner runner-1 is still alive with 1 in-progress task(s), but event-sourced state shows "
            + "no active tasks for instance instance-1.");
  }

  @Test
  void aPlacementListingOnlyACompleteTaskCountsAsTasksForTheStillAliveTest() {
    // Upstream's instance_task_ids takes tasks of every status, so a Complete task suppresses the
    // "still alive" warning; the per-task check then reports the state's status.
    RunnerSupervisorDiagnostics runner = supervisor("runner-1", "instance-1")
        .addInProgressTasks(runnerTask("task-1", "TextGeneration", "Running", "instance-1"))
        .build();
    List<TaskView> state = List.of(stateTask("task-1", "TextGeneration", "Complete", "instance-1"));
    InstancePlacementDiagnostics placement = placement("instance-1", "runner-1",
        List.of(new RunnerTaskDiagnostics("task-1", "TextGeneration", "Complete", "instance-1", null, "runner-1", null)));

    assertThat(evaluate(state, List.of(placement), runner)).containsExactly(
        "Runner runner-1 still reports TextGeneration:task-1 in progress while cluster state says Complete.");
  }

  @Test
  void aPlacementTaskOfAnotherRunnerSuppressesStillAliveButNotThePlacementCheck() {
    RunnerSupervisorDiagnostics runner = supervisor("runner-9", "instance-1")
        .addInProgressTasks(runnerTask("task-1", "TextGeneration", "Running", "instance-1"))
        .build();
    List<TaskView> state = List.of(stateTask("task-1", "TextGeneration", "Running", "instance-1"));
    InstancePlacementDiagnostics placement = placement("instance-1", "runner-1",
        List.of(new RunnerTaskDiagnostics("task-0", "StartWarmup", "Complete", "instance-1", null, "runner-1", null)));

    assertThat(evaluate(state, List.of(placement), runner)).containsExactly(
        "Runner runner-9 still reports TextGeneration:task-1 in progress, but placement diagnostics "
            + "show no active task on this runner.");
  }

  @Test
  void aDeadRunnerStillHasItsTasksCheckedButIsNeverStillAlive() {
    RunnerSupervisorDiagnostics dead = supervisor("runner-1", "instance-1")
        .processAlive(false)
        .addInProgressTasks(runnerTask("task-1", "TextGeneration", "Running", "instance-1"),
            runnerTask("task-2", "TextGeneration", "Running", "instance-1"))
        .build();
    RunnerSupervisorDiagnostics idle = supervisor("runner-2", "instance-1").build();
    List<TaskView> state = List.of(stateTask("task-2", "TextGeneration", "Failed", "instance-1"));

    assertThat(evaluate(state, List.of(), dead, idle)).containsExactly(
        "Runner runner-1 still reports TextGeneration:task-1 in progress, but cluster state no longer tracks that task.",
        "Runner runner-1 still reports TextGeneration:task-2 in progress while cluster state says Failed.");
  }

  @Test
  void idleRunnersRaiseNothing() {
    RunnerSupervisorDiagnostics idle = supervisor("runner-2", "instance-1").build();

    assertThat(evaluate(List.of(), List.of(), idle)).isEmpty();
  }

  /**
   * Port of upstream's {@code test_node_diagnostics_flags_orphaned_live_runner_tasks}: the
   * placement is what upstream's {@code _placement_diagnostics} builds from
   * {@code _running_state_without_master_placement} (every runner entry lists the instance's one
   * warmup task); upstream asserts an "orphan-task ... no longer tracks that task" warning at top
   * level and on the placement. Deriving all of upstream's divergence output by hand: the warmup
   * task is Running and listed for runner-1, so it is the only warning.
   */
  @Test
  void upstreamOrphanedLiveRunnerTask() {
    String warmup = "4b0b4c1e-2f5e-4a8a-9d6f-0a1b2c3d4e5f";
    RunnerTaskDiagnostics warmupRecord1 =
        new RunnerTaskDiagnostics(warmup, "StartWarmup", "Running", "instance-1", null, "runner-1",
            "mlx-community/gemma-4-26b-a4b-it-4bit");
    RunnerTaskDiagnostics warmupRecord2 =
        new RunnerTaskDiagnostics(warmup, "StartWarmup", "Running", "instance-1", null, "runner-2",
            "mlx-community/gemma-4-26b-a4b-it-4bit");
    InstancePlacementDiagnostics placement = new InstancePlacementDiagnostics("instance-1",
        "mlx-community/gemma-4-26b-a4b-it-4bit", "master-node", false, true,
        List.of("local-node", "peer-node"),
        List.of(
            new PlacementRunnerDiagnostics("runner-1", "local-node", null, "RunnerWarmingUp", 0, 2, 0, 15, 30,
                true, false, List.of(warmupRecord1)),
            new PlacementRunnerDiagnostics("runner-2", "peer-node", null, "RunnerWarmingUp", 1, 2, 15, 30, 30,
                false, false, List.of(warmupRecord2))),
        List.of("Current master is not a placement node for this instance."));
    RunnerSupervisorDiagnostics runner = supervisor("runner-1", "instance-1")
        .addInProgressTasks(
            new RunnerTaskDiagnostics("orphan-task", "TextGeneration", "Pending", "instance-1", "command-1",
                "runner-1", "mlx-community/gemma-4-26b-a4b-it-4bit"),
            new RunnerTaskDiagnostics(warmup, "StartWarmup", "Running", "instance-1", null, "runner-1",
                "mlx-community/gemma-4-26b-a4b-it-4bit"))
        .build();
    List<TaskView> state = List.of(stateTask(warmup, "StartWarmup", "Running", "instance-1"));
    String expected = "Runner runner-1 still reports TextGeneration:orphan-task in progress, but cluster "
        + "state no longer tracks that task.";

    assertThat(evaluate(state, List.of(placement), runner)).containsExactly(expected);
    assertThat(RunnerDivergenceRule.warningsByInstance(state, List.of(placement), List.of(runner)))
        .containsExactly(Map.entry("instance-1", List.of(expected)));
  }

  @Test
  void warningsAreSortedDistinctAndKeyedByInstance() {
    RunnerSupervisorDiagnostics first = supervisor("runner-b", "instance-1")
        .addInProgressTasks(runnerTask("task-x", "TextGeneration", "Running", "instance-1"),
            runnerTask("task-x", "TextGeneration", "Running", "instance-1"))
        .build();
    RunnerSupervisorDiagnostics second = supervisor("runner-a", "instance-2")
        .addInProgressTasks(runnerTask("task-y", "TextGeneration", "Running", "instance-2"))
        .build();
    List<TaskView> state = List.of(
        stateTask("task-0", "StartWarmup", "Running", "instance-1"),
        stateTask("task-1", "StartWarmup", "Running", "instance-2"));

    Map<String, List<String>> byInstance =
        RunnerDivergenceRule.warningsByInstance(state, List.of(), List.of(first, second));

    assertThat(byInstance).containsOnlyKeys("instance-1", "instance-2");
    assertThat(byInstance.get("instance-1")).containsExactly(
        "Runner runner-b is still alive with 2 in-progress task(s), but event-sourced state shows no "
            + "active tasks for instance instance-1.",
        "Runner runner-b still reports TextGeneration:task-x in progress, but cluster state no longer tracks that task.");
    assertThat(evaluate(state, List.of(), first, second)).containsExactly(
        "Runner runner-a is still alive with 1 in-progress task(s), but event-sourced state shows no "
            + "active tasks for instance instance-2.",
        "Runner runner-a still reports TextGeneration:task-y in progress, but cluster state no longer tracks that task.",
        "Runner runner-b is still alive with 2 in-progress task(s), but event-sourced state shows no "
            + "active tasks for instance instance-1.",
        "Runner runner-b still reports TextGeneration:task-x in progress, but cluster state no longer tracks that task.");
  }
}
