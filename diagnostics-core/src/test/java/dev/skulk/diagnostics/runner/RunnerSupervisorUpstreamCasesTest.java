package dev.skulk.diagnostics.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdateBuilder;
import dev.skulk.diagnostics.model.RunnerLifecycleMilestone;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import org.junit.jupiter.api.Test;

/**
 * The cases of upstream's {@code worker/tests/unittests/test_runner/test_runner_supervisor.py} that
 * concern diagnostics, one test each, named after the upstream test, with its inputs and expected
 * outputs. (Its other cases test the data plane, chunk sequencing and process teardown, which a
 * tracker does not do: {@code test_teardown_reaps_runner_process_under_cancellation}, {@code
 * test_emit_stamps_sequence_and_clears_counter_on_terminal_chunk}, {@code
 * test_emit_stamps_owner_node_and_clears_it_on_terminal_chunk}, {@code
 * test_terminal_task_status_clears_chunk_sequence_counter}.)
 */
class RunnerSupervisorUpstreamCasesTest {

  private final MutableClock clock = MutableClock.at("2026-04-23T00:00:00Z");
  private final FakeTicker ticker = new FakeTicker();

  /** get_bound_mlx_ring_instance(instance-a, Llama-3.2-1B-Instruct-4bit, runner-a, node-a). */
  private RunnerSupervisorTracker supervisor() {
    return RunnerSupervisorTracker.builder()
        .runnerId("runner-a").instanceId("instance-a").nodeId("node-a")
        .modelId("mlx-community/Llama-3.2-1B-Instruct-4bit")
        .deviceRank(0).worldSize(1).startLayer(0).endLayer(30).nLayers(30)
        .clock(clock).ticker(ticker).build();
  }

  private static RunnerTaskDiagnostics textGeneration(String taskId, String commandId) {
    return new RunnerTaskDiagnostics(taskId, "TextGeneration", "Pending", "instance-a", commandId,
        "runner-a", "mlx-community/Llama-3.2-1B-Instruct-4bit");
  }

  /** The state upstream's tests set directly: {@code supervisor.in_progress[task.task_id] = task}. */
  private static void inProgress(RunnerSupervisorTracker supervisor, RunnerTaskDiagnostics task) {
    supervisor.taskSent(task);
    supervisor.taskAcknowledged(task.taskId());
  }

  @Test
  void test_runner_flight_recorder_retains_newest_entries() {
    RunnerSupervisorTracker supervisor = supervisor();
    RunnerDiagnosticContext context = new RunnerDiagnosticContext("node-a", "runner-a", 123L,
        "instance-a", "mlx-community/Llama-3.2-1B-Instruct-4bit", 0, 1, 0, 30, 30);

    for (int idx = 0; idx < 140; idx++) {
      supervisor.applyUpdate(new RunnerDiagnosticUpdateBuilder()
          .at(String.format("2026-04-23T00:00:%02d+00:00", idx))
          .phase(RunnerPhase.DECODE_STREAM)
          .event("token_" + idx)
          .context(context)
          .taskId("task-a")
          .build());
    }

    RunnerSupervisorDiagnostics diagnostics = supervisor.snapshot();
    assertThat(diagnostics.phase()).isEqualTo(RunnerPhase.DECODE_STREAM);
    assertThat(diagnostics.flightRecorder()).hasSize(128);
    assertThat(diagnostics.flightRecorder().get(0).event()).isEqualTo("token_12");
    assertThat(diagnostics.flightRecorder().get(127).event()).isEqualTo("token_139");
  }

  @Test
  void test_check_runner_emits_error_chunk_for_inflight_text_generation() {
    // _DeadProcess: pid 123, exit code -6, not alive. The error chunk itself is the host's to send;
    // what the supervisor's diagnostics show is the RunnerFailed status and the check.
    RunnerSupervisorTracker supervisor = supervisor();
    supervisor.processStarted(123);
    supervisor.processExited(-6);
    inProgress(supervisor, textGeneration("task-a", "cmd-a"));
    String statusSince = supervisor.snapshot().statusSince();

    assertThat(supervisor.runnerCheck("RuntimeError")).isTrue();

    RunnerSupervisorDiagnostics diagnostics = supervisor.snapshot();
    assertThat(diagnostics.statusKind()).isEqualTo("RunnerFailed");
    assertThat(diagnostics.statusSince()).isEqualTo(statusSince);
    assertThat(diagnostics.exitCode()).isEqualTo(-6);
    assertThat(diagnostics.processAlive()).isFalse();
    assertThat(diagnostics.milestones())
        .extracting(RunnerLifecycleMilestone::name, RunnerLifecycleMilestone::detail)
        .contains(tuple("runner_check", "RuntimeError"));
  }

  @Test
  void test_cancelled_task_event_clears_in_progress_and_emits_delete() {
    RunnerSupervisorTracker supervisor = supervisor();
    supervisor.statusChanged("RunnerRunning");
    inProgress(supervisor, textGeneration("task-a", "cmd-a"));

    // forwarded: the status (true) and then, recorded by the tracker, the delete.
    assertThat(supervisor.taskStatusUpdated("task-a", RunnerSupervisorTracker.TaskStatus.CANCELLED))
        .isTrue();

    RunnerSupervisorDiagnostics diagnostics = supervisor.snapshot();
    assertThat(diagnostics.inProgressTasks()).extracting(RunnerTaskDiagnostics::taskId)
        .doesNotContain("task-a");
    assertThat(diagnostics.cancelledTaskIds()).contains("task-a");
    assertThat(diagnostics.milestones())
        .extracting(RunnerLifecycleMilestone::name, RunnerLifecycleMilestone::detail)
        .endsWith(tuple("task_cancelled", "task-a"), tuple("task_deleted", "task-a"));
  }

  @Test
  void test_duplicate_terminal_status_is_forwarded_exactly_once() {
    RunnerSupervisorTracker supervisor = supervisor();
    supervisor.statusChanged("RunnerRunning");

    boolean first = supervisor.taskStatusUpdated("task-a", RunnerSupervisorTracker.TaskStatus.CANCELLED);
    boolean duplicate = supervisor.taskStatusUpdated("task-a", RunnerSupervisorTracker.TaskStatus.CANCELLED);

    assertThat(first).isTrue();
    assertThat(duplicate).isFalse();
    assertThat(supervisor.snapshot().milestones())
        .extracting(RunnerLifecycleMilestone::name, RunnerLifecycleMilestone::detail)
        .containsOnlyOnce(tuple("task_cancelled", "task-a"), tuple("task_deleted", "task-a"))
        .endsWith(tuple("event_received", "TaskStatusUpdated"),
            tuple("terminal_status_suppressed", "task-a"));
  }
}
