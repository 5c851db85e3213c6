package dev.skulk.diagnostics.runner;

import static dev.skulk.diagnostics.runner.RunnerFixtures.START;
import static dev.skulk.diagnostics.runner.RunnerFixtures.START_WIRE;
import static dev.skulk.diagnostics.runner.RunnerFixtures.mlx;
import static dev.skulk.diagnostics.runner.RunnerFixtures.task;
import static dev.skulk.diagnostics.runner.RunnerFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntry;
import dev.skulk.diagnostics.model.RunnerLifecycleMilestone;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunnerSupervisorTrackerTest {

  private final MutableClock clock = MutableClock.at(START);
  private final FakeTicker ticker = new FakeTicker();
  private final RunnerSupervisorTracker tracker = RunnerFixtures.tracker(clock, ticker).build();

  @Test
  void startsCreatedWithOneMilestone() {
    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();

    assertThat(snapshot.runnerId()).isEqualTo("runner-1");
    assertThat(snapshot.instanceId()).isEqualTo("instance-1");
    assertThat(snapshot.nodeId()).isEqualTo("node-a");
    assertThat(snapshot.modelId()).isEqualTo("mlx-community/Llama-3.2-1B-Instruct-4bit");
    assertThat(snapshot.deviceRank()).isEqualTo(1);
    assertThat(snapshot.worldSize()).isEqualTo(2);
    assertThat(snapshot.startLayer()).isEqualTo(8);
    assertThat(snapshot.endLayer()).isEqualTo(16);
    assertThat(snapshot.nLayers()).isEqualTo(16);
    assertThat(snapshot.pid()).isNull();
    assertThat(snapshot.processAlive()).isFalse();
    assertThat(snapshot.exitCode()).isNull();
    assertThat(snapshot.statusKind()).isEqualTo("RunnerIdle");
    assertThat(snapshot.statusSince()).isEqualTo(START_WIRE);
    assertThat(snapshot.secondsInStatus()).isZero();
    assertThat(snapshot.phase()).isEqualTo(RunnerPhase.CREATED);
    assertThat(snapshot.phaseStartedAt()).isEqualTo(START_WIRE);
    assertThat(snapshot.secondsInPhase()).isZero();
    assertThat(snapshot.lastProgressAt()).isNull();
    assertThat(snapshot.activeTaskId()).isNull();
    assertThat(snapshot.activeCommandId()).isNull();
    assertThat(snapshot.phaseDetail()).isNull();
    assertThat(snapshot.lastMlxMemory()).isNull();
    assertThat(snapshot.flightRecorder()).isEmpty();
    assertThat(snapshot.pendingTaskIds()).isEmpty();
    assertThat(snapshot.inProgressTasks()).isEmpty();
    assertThat(snapshot.completedTaskCount()).isZero();
    assertThat(snapshot.cancelledTaskIds()).isEmpty();
    assertThat(snapshot.lastTaskSentAt()).isNull();
    assertThat(snapshot.lastEventReceivedAt()).isNull();
    assertThat(snapshot.lastEventType()).isNull();
    assertThat(snapshot.milestones())
        .containsExactly(new RunnerLifecycleMilestone(START_WIRE, "supervisor_created", "RunnerIdle"));
  }

  @Test
  void startsInTheStatusItWasGiven() {
    RunnerSupervisorTracker loading =
        RunnerFixtures.tracker(clock, ticker).statusKind("RunnerLoading").build();

    assertThat(loading.snapshot().statusKind()).isEqualTo("RunnerLoading");
    assertThat(loading.snapshot().milestones())
        .containsExactly(new RunnerLifecycleMilestone(START_WIRE, "supervisor_created", "RunnerLoading"));
  }

  @Test
  void requiresTheRunnerIdentity() {
    assertThatThrownBy(() -> RunnerSupervisorTracker.builder().runnerId("r").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("instanceId");
  }

  @Test
  void keepsTheNewest128UpdatesAndThe32NewestMilestones() {
    for (int i = 0; i < 140; i++) {
      tracker.applyUpdate(update(
          "2026-11-27T03:13:14.%06d+00:00".formatted(i), RunnerPhase.DECODE_STREAM, "token_" + i));
    }

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    List<RunnerFlightRecorderEntry> recorder = snapshot.flightRecorder();
    assertThat(recorder).hasSize(128);
    assertThat(recorder.get(0).event()).isEqualTo("token_12");
    assertThat(recorder.get(127).event()).isEqualTo("token_139");
    assertThat(snapshot.milestones()).hasSize(32);
    assertThat(snapshot.milestones())
        .extracting(RunnerLifecycleMilestone::name)
        .containsOnly("phase:decode_stream");
    assertThat(snapshot.milestones())
        .extracting(RunnerLifecycleMilestone::detail)
        .containsExactlyElementsOf(IntStream.rangeClosed(108, 139).mapToObj(i -> "token_" + i).toList());
    assertThat(tracker.flightRecorderRecordedCount()).isEqualTo(140);
    assertThat(tracker.flightRecorderOverwrittenCount()).isEqualTo(12);
  }

  @Test
  void aFlightRecorderEntryIsTheUpdate() {
    var sent = update("2026-11-27T03:13:14+00:00", RunnerPhase.PREFILL_STREAM, "enter", "prompt",
        "task-1", "cmd-1", mlx("2026-11-27T03:13:14+00:00", 1024));
    tracker.applyUpdate(sent);

    assertThat(tracker.snapshot().flightRecorder()).containsExactly(RunnerFlightRecorderEntry.of(sent));
  }

  @Test
  void aNewPhaseStartsAtTheUpdatesTimestampAndTheSamePhaseDoesNotRestart() {
    tracker.applyUpdate(update("2026-11-27T03:13:20+00:00", RunnerPhase.PREFILL_STREAM, "enter"));
    tracker.applyUpdate(update("2026-11-27T03:13:21+00:00", RunnerPhase.PREFILL_STREAM, "chunk"));

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    assertThat(snapshot.phase()).isEqualTo(RunnerPhase.PREFILL_STREAM);
    assertThat(snapshot.phaseStartedAt()).isEqualTo("2026-11-27T03:13:20+00:00");
    assertThat(snapshot.lastProgressAt()).isEqualTo("2026-11-27T03:13:21+00:00");

    tracker.applyUpdate(update("2026-11-27T03:13:22+00:00", RunnerPhase.DECODE_STREAM, "token"));
    snapshot = tracker.snapshot();
    assertThat(snapshot.phase()).isEqualTo(RunnerPhase.DECODE_STREAM);
    assertThat(snapshot.phaseStartedAt()).isEqualTo("2026-11-27T03:13:22+00:00");
    assertThat(snapshot.lastProgressAt()).isEqualTo("2026-11-27T03:13:22+00:00");
  }

  @Test
  void anUpdateInTheCreatedPhaseDoesNotRestartIt() {
    tracker.applyUpdate(update("2026-11-27T03:13:20+00:00", RunnerPhase.CREATED, "boot"));

    assertThat(tracker.snapshot().phaseStartedAt()).isEqualTo(START_WIRE);
    assertThat(tracker.snapshot().lastProgressAt()).isEqualTo("2026-11-27T03:13:20+00:00");
  }

  @Test
  void secondsInPhaseComeFromTheTickerAndRestartOnANewPhase() {
    ticker.advance(Duration.ofMillis(1500));
    assertThat(tracker.snapshot().secondsInPhase()).isEqualTo(1.5);

    tracker.applyUpdate(update("2026-11-27T03:13:20+00:00", RunnerPhase.LOAD_MODEL, "enter"));
    ticker.advance(Duration.ofMillis(250));
    tracker.applyUpdate(update("2026-11-27T03:13:21+00:00", RunnerPhase.LOAD_MODEL, "progress"));
    ticker.advance(Duration.ofMillis(250));

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    assertThat(snapshot.secondsInPhase()).isEqualTo(0.5);
    assertThat(snapshot.secondsInStatus()).isEqualTo(2.0);
  }

  @Test
  void secondsAreNeverNegative() {
    long[] now = {5_000};
    RunnerSupervisorTracker backwards =
        RunnerFixtures.tracker(clock, ticker).ticker(() -> now[0]).build();
    now[0] = 1_000;

    assertThat(backwards.snapshot().secondsInPhase()).isZero();
    assertThat(backwards.snapshot().secondsInStatus()).isZero();
  }

  @Test
  void taskAndCommandIdsStickUntilReplaced() {
    tracker.applyUpdate(update("2026-11-27T03:13:20+00:00", RunnerPhase.PREFILL_STREAM, "enter",
        null, "task-1", "cmd-1", null));
    tracker.applyUpdate(update("2026-11-27T03:13:21+00:00", RunnerPhase.DECODE_STREAM, "token"));
    assertThat(tracker.snapshot().activeTaskId()).isEqualTo("task-1");
    assertThat(tracker.snapshot().activeCommandId()).isEqualTo("cmd-1");

    tracker.applyUpdate(update("2026-11-27T03:13:22+00:00", RunnerPhase.DECODE_STREAM, "token",
        null, "task-2", null, null));
    assertThat(tracker.snapshot().activeTaskId()).isEqualTo("task-2");
    assertThat(tracker.snapshot().activeCommandId()).isEqualTo("cmd-1");

    tracker.applyUpdate(update("2026-11-27T03:13:23+00:00", RunnerPhase.DECODE_STREAM, "token",
        null, null, "cmd-2", null));
    assertThat(tracker.snapshot().activeTaskId()).isEqualTo("task-2");
    assertThat(tracker.snapshot().activeCommandId()).isEqualTo("cmd-2");
  }

  @Test
  void phaseDetailIsOverwrittenByEveryUpdateEvenWithNull() {
    tracker.applyUpdate(update("2026-11-27T03:13:20+00:00", RunnerPhase.LOAD_MODEL, "enter",
        "shard 8-16", null, null, null));
    assertThat(tracker.snapshot().phaseDetail()).isEqualTo("shard 8-16");

    tracker.applyUpdate(update("2026-11-27T03:13:21+00:00", RunnerPhase.LOAD_MODEL, "progress"));
    assertThat(tracker.snapshot().phaseDetail()).isNull();
  }

  @Test
  void theLastMlxSnapshotIsReplacedOnlyByAPresentOne() {
    MlxMemorySnapshot first = mlx("2026-11-27T03:13:20+00:00", 1_000);
    MlxMemorySnapshot second = mlx("2026-11-27T03:13:22+00:00", 2_000);
    tracker.applyUpdate(update("2026-11-27T03:13:20+00:00", RunnerPhase.WARMUP, "enter", null,
        null, null, first));
    tracker.applyUpdate(update("2026-11-27T03:13:21+00:00", RunnerPhase.WARMUP, "step"));
    assertThat(tracker.snapshot().lastMlxMemory()).isEqualTo(first);

    tracker.applyUpdate(update("2026-11-27T03:13:22+00:00", RunnerPhase.WARMUP, "exit", null,
        null, null, second));
    assertThat(tracker.snapshot().lastMlxMemory()).isEqualTo(second);
  }

  @Test
  void aPhaseMilestoneIsStampedWhenTheUpdateArrivesWithTheDetailOrElseTheEventName() {
    clock.advance(Duration.ofSeconds(1));
    tracker.applyUpdate(update("2026-11-27T03:13:20+00:00", RunnerPhase.LOAD_MODEL, "enter",
        "shard 8-16", null, null, null));
    tracker.applyUpdate(update("2026-11-27T03:13:21+00:00", RunnerPhase.LOAD_MODEL, "exit"));
    // Python's `update.detail or update.event`: an empty detail gives the event name too.
    tracker.applyUpdate(update("2026-11-27T03:13:22+00:00", RunnerPhase.LOAD_MODEL, "progress",
        "", null, null, null));

    String arrived = "2026-11-27T03:13:14.123456+00:00";
    assertThat(tracker.snapshot().milestones()).containsExactly(
        new RunnerLifecycleMilestone(START_WIRE, "supervisor_created", "RunnerIdle"),
        new RunnerLifecycleMilestone(arrived, "phase:load_model", "shard 8-16"),
        new RunnerLifecycleMilestone(arrived, "phase:load_model", "exit"),
        new RunnerLifecycleMilestone(arrived, "phase:load_model", "progress"));
    assertThat(tracker.snapshot().phaseDetail()).isEmpty();
  }

  @Test
  void aStatusChangeIsAnEventThatRestartsTheStatusClock() {
    ticker.advance(Duration.ofSeconds(3));
    clock.advance(Duration.ofSeconds(3));

    tracker.statusChanged("RunnerLoading");
    ticker.advance(Duration.ofMillis(750));

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    String at = "2026-11-27T03:13:16.123456+00:00";
    assertThat(snapshot.statusKind()).isEqualTo("RunnerLoading");
    assertThat(snapshot.statusSince()).isEqualTo(at);
    assertThat(snapshot.secondsInStatus()).isEqualTo(0.75);
    assertThat(snapshot.secondsInPhase()).isEqualTo(3.75);
    assertThat(snapshot.lastEventType()).isEqualTo("RunnerStatusUpdated");
    assertThat(snapshot.lastEventReceivedAt()).isEqualTo(at);
    assertThat(snapshot.milestones()).endsWith(
        new RunnerLifecycleMilestone(at, "event_received", "RunnerStatusUpdated"),
        new RunnerLifecycleMilestone(at, "status_changed", "RunnerLoading"));
  }

  @Test
  void aSentTaskIsPendingAndInProgressUntilAcknowledgedThenInProgressUntilItFinishes() {
    clock.advance(Duration.ofSeconds(1));
    assertThat(tracker.taskSent(task("task-1"))).isTrue();
    assertThat(tracker.taskSent(task("task-2"))).isTrue();

    RunnerSupervisorDiagnostics sent = tracker.snapshot();
    assertThat(sent.pendingTaskIds()).containsExactly("task-1", "task-2");
    assertThat(sent.inProgressTasks()).containsExactly(task("task-1"), task("task-2"));
    assertThat(sent.lastTaskSentAt()).isEqualTo("2026-11-27T03:13:14.123456+00:00");
    assertThat(sent.milestones()).extracting(RunnerLifecycleMilestone::name, RunnerLifecycleMilestone::detail)
        .endsWith(tuple("task_sent", "TextGeneration:task-1"), tuple("task_sent", "TextGeneration:task-2"));

    assertThat(tracker.taskAcknowledged("task-2")).isTrue();
    RunnerSupervisorDiagnostics acknowledged = tracker.snapshot();
    assertThat(acknowledged.pendingTaskIds()).containsExactly("task-1");
    assertThat(acknowledged.inProgressTasks()).containsExactly(task("task-1"), task("task-2"));
    assertThat(acknowledged.milestones()).extracting(RunnerLifecycleMilestone::name, RunnerLifecycleMilestone::detail)
        .endsWith(tuple("event_received", "TaskAcknowledged"), tuple("task_acknowledged", "task-2"));

    assertThat(tracker.taskCompleted("task-2")).isTrue();
    assertThat(tracker.taskCompleted("task-1")).isTrue();
    RunnerSupervisorDiagnostics completed = tracker.snapshot();
    // Upstream pops a finished task from in_progress only: an unacknowledged one stays pending.
    assertThat(completed.pendingTaskIds()).containsExactly("task-1");
    assertThat(completed.inProgressTasks()).isEmpty();
    assertThat(completed.completedTaskCount()).isEqualTo(2);
    assertThat(completed.milestones()).extracting(RunnerLifecycleMilestone::name)
        .endsWith("event_received", "task_completed", "event_received", "task_completed");
  }

  @Test
  void aTaskAlreadyPendingOrCompletedIsNotSentAgain() {
    tracker.taskSent(task("task-1"));
    int milestones = tracker.snapshot().milestones().size();
    assertThat(tracker.taskSent(task("task-1"))).isFalse();
    assertThat(tracker.snapshot().milestones()).hasSize(milestones);

    tracker.taskCompleted("task-1");
    tracker.taskAcknowledged("task-1");
    assertThat(tracker.taskSent(task("task-1"))).isFalse();
    assertThat(tracker.snapshot().inProgressTasks()).isEmpty();
    assertThat(tracker.snapshot().pendingTaskIds()).isEmpty();
  }

  @Test
  void aFailedSendLeavesTheTaskPendingButNotInProgress() {
    tracker.taskSent(task("task-1"));
    tracker.taskSendFailed(task("task-1"));

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    assertThat(snapshot.pendingTaskIds()).containsExactly("task-1");
    assertThat(snapshot.inProgressTasks()).isEmpty();
    assertThat(snapshot.milestones()).last()
        .isEqualTo(new RunnerLifecycleMilestone(START_WIRE, "task_send_failed", "TextGeneration:task-1"));
  }

  @Test
  void anAcknowledgementOrTerminalStatusOfAnUnknownTaskIsStillRecorded() {
    assertThat(tracker.taskAcknowledged("nope")).isFalse();
    assertThat(tracker.taskCompleted("nope")).isTrue();

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    assertThat(snapshot.completedTaskCount()).isEqualTo(1);
    assertThat(snapshot.milestones()).extracting(RunnerLifecycleMilestone::name).containsExactly(
        "supervisor_created", "event_received", "task_acknowledged", "event_received", "task_completed");
  }

  @Test
  void failedAndTimedOutTasksLeaveProgressWithATerminalMilestone() {
    tracker.taskSent(task("task-1"));
    tracker.taskSent(task("task-2"));
    tracker.taskFailed("task-1");
    tracker.taskTimedOut("task-2");

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    assertThat(snapshot.inProgressTasks()).isEmpty();
    assertThat(snapshot.completedTaskCount()).isZero();
    assertThat(snapshot.cancelledTaskIds()).isEmpty();
    assertThat(snapshot.milestones()).extracting(RunnerLifecycleMilestone::name, RunnerLifecycleMilestone::detail)
        .endsWith(tuple("task_terminal", "Failed:task-1"), tuple("event_received", "TaskStatusUpdated"),
            tuple("task_terminal", "TimedOut:task-2"));
  }

  @Test
  void aCancelRequestKeepsTheTaskInProgressAndRecordsASupervisorFlightRecorderEntry() {
    tracker.processStarted(4242);
    tracker.taskSent(task("task-1"));
    tracker.taskAcknowledged("task-1");
    clock.advance(Duration.ofSeconds(2));
    ticker.advance(Duration.ofSeconds(2));

    assertThat(tracker.cancelRequested("task-1")).isTrue();

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    String at = "2026-11-27T03:13:15.123456+00:00";
    assertThat(snapshot.inProgressTasks()).containsExactly(task("task-1"));
    assertThat(snapshot.cancelledTaskIds()).containsExactly("task-1");
    assertThat(snapshot.phase()).isEqualTo(RunnerPhase.CANCEL_REQUESTED);
    assertThat(snapshot.phaseStartedAt()).isEqualTo(at);
    assertThat(snapshot.secondsInPhase()).isZero();
    assertThat(snapshot.phaseDetail()).isEqualTo("task-1");
    assertThat(snapshot.activeTaskId()).isEqualTo("task-1");
    assertThat(snapshot.lastProgressAt()).isEqualTo(at);
    RunnerFlightRecorderEntry entry = snapshot.flightRecorder().get(0);
    assertThat(entry.at()).isEqualTo(at);
    assertThat(entry.phase()).isEqualTo(RunnerPhase.CANCEL_REQUESTED);
    assertThat(entry.event()).isEqualTo("supervisor_cancel_requested");
    assertThat(entry.detail()).isEqualTo("task-1");
    assertThat(entry.taskId()).isEqualTo("task-1");
    assertThat(entry.commandId()).isNull();
    assertThat(entry.attrs()).isEmpty();
    assertThat(entry.context()).isEqualTo(RunnerFixtures.context());
    assertThat(snapshot.milestones()).endsWith(
        new RunnerLifecycleMilestone(at, "cancel_requested", "task-1"),
        new RunnerLifecycleMilestone(at, "phase:cancel_requested", "task-1"));
  }

  @Test
  void cancellingACompletedTaskOnlyRemembersItsId() {
    tracker.taskSent(task("task-1"));
    tracker.taskCompleted("task-1");
    int milestones = tracker.snapshot().milestones().size();

    assertThat(tracker.cancelRequested("task-1")).isFalse();

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    assertThat(snapshot.cancelledTaskIds()).containsExactly("task-1");
    assertThat(snapshot.milestones()).hasSize(milestones);
    assertThat(snapshot.flightRecorder()).isEmpty();
    assertThat(snapshot.phase()).isEqualTo(RunnerPhase.CREATED);
  }

  @Test
  void aCancelledTaskIsRecordedOnceAndDeleted() {
    tracker.statusChanged("RunnerRunning");
    tracker.taskSent(task("task-1"));
    tracker.cancelRequested("task-1");
    tracker.cancelRequested("task-1");
    assertThat(tracker.taskCancelled("task-1")).isTrue();

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    assertThat(snapshot.cancelledTaskIds()).containsExactly("task-1");
    assertThat(snapshot.inProgressTasks()).isEmpty();
    assertThat(snapshot.milestones()).extracting(RunnerLifecycleMilestone::name)
        .endsWith("event_received", "task_cancelled", "task_deleted");
  }

  @Test
  void remembersTheLastEventReceived() {
    clock.advance(Duration.ofMillis(500));
    tracker.eventReceived("ChunkGenerated");

    String at = "2026-11-27T03:13:13.623456+00:00";
    assertThat(tracker.snapshot().lastEventReceivedAt()).isEqualTo(at);
    assertThat(tracker.snapshot().lastEventType()).isEqualTo("ChunkGenerated");
    assertThat(tracker.snapshot().milestones()).last()
        .isEqualTo(new RunnerLifecycleMilestone(at, "event_received", "ChunkGenerated"));
  }

  @Test
  void followsTheProcessFromStartToACrash() {
    tracker.processStartRequested();
    tracker.processStarted(4242);
    assertThat(tracker.processAlive()).isTrue();
    assertThat(tracker.snapshot().pid()).isEqualTo(4242L);
    assertThat(tracker.snapshot().processAlive()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    tracker.statusChanged("RunnerRunning");
    String runningSince = tracker.snapshot().statusSince();

    clock.advance(Duration.ofSeconds(2));
    tracker.processExited(-9);
    assertThat(tracker.snapshot().milestones()).last().extracting(RunnerLifecycleMilestone::name)
        .isEqualTo("status_changed");
    assertThat(tracker.runnerCheck("RuntimeError")).isTrue();

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    String at = "2026-11-27T03:13:16.123456+00:00";
    assertThat(tracker.processAlive()).isFalse();
    assertThat(snapshot.processAlive()).isFalse();
    assertThat(snapshot.pid()).isEqualTo(4242L);
    assertThat(snapshot.exitCode()).isEqualTo(-9);
    assertThat(snapshot.statusKind()).isEqualTo("RunnerFailed");
    assertThat(snapshot.statusSince()).isEqualTo(runningSince);
    assertThat(snapshot.milestones()).extracting(RunnerLifecycleMilestone::name, RunnerLifecycleMilestone::detail)
        .startsWith(
            tuple("supervisor_created", "RunnerIdle"),
            tuple("process_start_requested", null),
            tuple("process_started", "pid=4242"))
        .endsWith(tuple("runner_check", "RuntimeError"), tuple("shutdown_requested", null));
    assertThat(snapshot.milestones()).last().extracting(RunnerLifecycleMilestone::at).isEqualTo(at);
  }

  @Test
  void aCleanExitCheckedLeavesTheStatus() {
    tracker.processStarted(4242);
    tracker.statusChanged("RunnerShutdown");
    tracker.processExited(0);

    assertThat(tracker.runnerCheck("ClosedResourceError")).isFalse();
    assertThat(tracker.snapshot().statusKind()).isEqualTo("RunnerShutdown");
    assertThat(tracker.snapshot().milestones()).last()
        .isEqualTo(new RunnerLifecycleMilestone(START_WIRE, "runner_check", "ClosedResourceError"));
  }

  @Test
  void aShutdownRequestAndADeletionAreMilestones() {
    tracker.shutdownRequested();
    tracker.taskDeleted("task-9");

    assertThat(tracker.snapshot().milestones()).endsWith(
        new RunnerLifecycleMilestone(START_WIRE, "shutdown_requested", null),
        new RunnerLifecycleMilestone(START_WIRE, "task_deleted", "task-9"));
  }

  @Test
  void aSnapshotTakenWhileUpdatesArriveIsConsistent() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    Thread writer = new Thread(() -> {
      try {
        start.await();
        for (int i = 0; i < 2_000; i++) {
          tracker.applyUpdate(update("2026-11-27T03:13:14.%06d+00:00".formatted(i),
              RunnerPhase.DECODE_STREAM, "token_" + i));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    writer.start();
    start.countDown();
    List<RunnerSupervisorDiagnostics> snapshots = new ArrayList<>();
    while (writer.isAlive()) {
      snapshots.add(tracker.snapshot());
    }
    writer.join(TimeUnit.SECONDS.toMillis(10));
    snapshots.add(tracker.snapshot());

    for (RunnerSupervisorDiagnostics snapshot : snapshots) {
      if (!snapshot.flightRecorder().isEmpty()) {
        RunnerFlightRecorderEntry last = snapshot.flightRecorder().get(snapshot.flightRecorder().size() - 1);
        assertThat(snapshot.lastProgressAt()).isEqualTo(last.at());
        assertThat(snapshot.milestones()).last().extracting(RunnerLifecycleMilestone::detail)
            .isEqualTo(last.event());
      }
    }
    assertThat(snapshots.get(snapshots.size() - 1).flightRecorder()).last()
        .extracting(RunnerFlightRecorderEntry::event).isEqualTo("token_1999");
  }
}
