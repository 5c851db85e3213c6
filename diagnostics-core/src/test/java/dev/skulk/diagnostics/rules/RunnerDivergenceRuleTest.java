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

    assertThat(evaluate(state, List.of(), runner)).containsExactly(
        "Runner 3f1c2a9e…7c11 is still alive with 2 in-progress task(s), but event-sourced state "
            + "shows no active tasks for instance 9d2b7e44…2f58.");
  }

  @Test
  void taskNoLongerTrackedByState() {
    RunnerSupervisorDiagnostics runner = supervisor(RUNNER, INSTANCE)
        .addInProgressTasks(runnerTask(TASK, "TextGeneration", "Pending", INSTANCE))
        .build();
    List<TaskView> state = List.of(stateTask(OTHER_TASK, "StartWarmup", "Running", INSTANCE));

    assertThat(evaluate(state, List.of(), runner)).containsExactly(
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

    assertThat(evaluate(state, List.of(), runner)).containsExactly(
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
  void withoutAPlacementAnActiveTaskIsNotChecked() {
    RunnerSupervisorDiagnostics runner = supervisor("runner-1", "instance-1")
        .addInProgressTasks(runnerTask("task-1", "TextGeneration", "Running", "instance-1"))
        .build();
    List<TaskView> state = List.of(stateTask("task-1", "TextGeneration", "Running", "instance-1"));

    assertThat(evaluate(state, List.of(), runner)).isEmpty();
  }

  @Test
  void deadOrIdleRunnersRaiseNothing() {
    RunnerSupervisorDiagnostics dead = supervisor("runner-1", "instance-1")
        .processAlive(false)
        .addInProgressTasks(runnerTask("task-1", "TextGeneration", "Running", "instance-1"))
        .build();
    RunnerSupervisorDiagnostics idle = supervisor("runner-2", "instance-1").build();

    assertThat(evaluate(List.of(), List.of(), dead, idle)).isEmpty();
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
        "Runner runner-b still reports TextGeneration:task-x in progress, but cluster state no longer tracks that task.");
    assertThat(evaluate(state, List.of(), first, second)).containsExactly(
        "Runner runner-a still reports TextGeneration:task-y in progress, but cluster state no longer tracks that task.",
        "Runner runner-b still reports TextGeneration:task-x in progress, but cluster state no longer tracks that task.");
  }
}
