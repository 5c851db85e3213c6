package dev.skulk.diagnostics.runner;

import static dev.skulk.diagnostics.runner.RunnerFixtures.START;
import static dev.skulk.diagnostics.runner.RunnerFixtures.START_WIRE;
import static dev.skulk.diagnostics.runner.RunnerFixtures.mlx;
import static dev.skulk.diagnostics.runner.RunnerFixtures.task;
import static dev.skulk.diagnostics.runner.RunnerFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntry;
import dev.skulk.diagnostics.model.RunnerLifecycleMilestone;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
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
    assertThat(snapshot.statusKind()).isEqualTo("RunnerCreated");
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
        .containsExactly(new RunnerLifecycleMilestone(START_WIRE, "supervisor_created", null));
  }

  @Test
  void startsInTheStatusItWasGiven() {
    RunnerSupervisorTracker idle =
        RunnerFixtures.tracker(clock, ticker).statusKind("RunnerIdle").build();

    assertThat(idle.snapshot().statusKind()).isEqualTo("RunnerIdle");
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
  void aPhaseMilestoneCarriesTheDetailOrElseTheEventName() {
    tracker.applyUpdate(update("2026-11-27T03:13:20+00:00", RunnerPhase.LOAD_MODEL, "enter",
        "shard 8-16", null, null, null));
    tracker.applyUpdate(update("2026-11-27T03:13:21+00:00", RunnerPhase.LOAD_MODEL, "exit"));

    assertThat(tracker.snapshot().milestones()).containsExactly(
        new RunnerLifecycleMilestone(START_WIRE, "supervisor_created", null),
        new RunnerLifecycleMilestone("2026-11-27T03:13:20+00:00", "phase:load_model", "shard 8-16"),
        new RunnerLifecycleMilestone("2026-11-27T03:13:21+00:00", "phase:load_model", "exit"));
  }

  @Test
  void aStatusChangeRestartsTheStatusClockAndLeavesAMilestone() {
    ticker.advance(Duration.ofSeconds(3));
    clock.advance(Duration.ofSeconds(3));

    tracker.statusChanged("RunnerLoading");
    ticker.advance(Duration.ofMillis(750));

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    assertThat(snapshot.statusKind()).isEqualTo("RunnerLoading");
    assertThat(snapshot.statusSince()).isEqualTo("2026-11-27T03:13:16.123456+00:00");
    assertThat(snapshot.secondsInStatus()).isEqualTo(0.75);
    assertThat(snapshot.secondsInPhase()).isEqualTo(3.75);
    assertThat(snapshot.milestones()).last().isEqualTo(
        new RunnerLifecycleMilestone("2026-11-27T03:13:16.123456+00:00", "status:RunnerLoading", null));
  }

  @Test
  void followsATaskFromSentToCompleted() {
    clock.advance(Duration.ofSeconds(1));
    tracker.taskSent(task("task-1"));
    tracker.taskSent(task("task-2"));

    RunnerSupervisorDiagnostics sent = tracker.snapshot();
    assertThat(sent.pendingTaskIds()).containsExactly("task-1", "task-2");
    assertThat(sent.inProgressTasks()).isEmpty();
    assertThat(sent.lastTaskSentAt()).isEqualTo("2026-11-27T03:13:14.123456+00:00");

    assertThat(tracker.taskAcknowledged("task-2")).isTrue();
    RunnerSupervisorDiagnostics acknowledged = tracker.snapshot();
    assertThat(acknowledged.pendingTaskIds()).containsExactly("task-1");
    assertThat(acknowledged.inProgressTasks()).containsExactly(task("task-2"));

    assertThat(tracker.taskCompleted("task-2")).isTrue();
    assertThat(tracker.taskCompleted("task-1")).isTrue();
    RunnerSupervisorDiagnostics completed = tracker.snapshot();
    assertThat(completed.pendingTaskIds()).isEmpty();
    assertThat(completed.inProgressTasks()).isEmpty();
    assertThat(completed.completedTaskCount()).isEqualTo(2);
  }

  @Test
  void unknownTasksChangeNothing() {
    assertThat(tracker.taskAcknowledged("nope")).isFalse();
    assertThat(tracker.taskCompleted("nope")).isFalse();
    tracker.taskSent(task("task-1"));
    tracker.taskAcknowledged("task-1");
    assertThat(tracker.taskAcknowledged("task-1")).isFalse();

    assertThat(tracker.snapshot().completedTaskCount()).isZero();
    assertThat(tracker.snapshot().inProgressTasks()).extracting(RunnerTaskDiagnostics::taskId)
        .containsExactly("task-1");
  }

  @Test
  void cancellingRemovesATaskAndRemembersItsId() {
    tracker.taskSent(task("pending"));
    tracker.taskSent(task("running"));
    tracker.taskAcknowledged("running");

    tracker.taskCancelled("pending");
    tracker.taskCancelled("running");
    tracker.taskCancelled("running");
    tracker.taskCancelled("never-seen");

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    assertThat(snapshot.pendingTaskIds()).isEmpty();
    assertThat(snapshot.inProgressTasks()).isEmpty();
    assertThat(snapshot.completedTaskCount()).isZero();
    assertThat(snapshot.cancelledTaskIds()).containsExactly("pending", "running", "never-seen");
  }

  @Test
  void keepsTheNewest64CancelledTaskIds() {
    IntStream.range(0, 70).forEach(i -> tracker.taskCancelled("task-" + i));

    List<String> cancelled = tracker.snapshot().cancelledTaskIds();
    assertThat(cancelled).hasSize(64);
    assertThat(cancelled.get(0)).isEqualTo("task-6");
    assertThat(cancelled.get(63)).isEqualTo("task-69");
  }

  @Test
  void remembersTheLastEventReceived() {
    clock.advance(Duration.ofMillis(500));
    tracker.eventReceived("RunnerStatusUpdated");

    assertThat(tracker.snapshot().lastEventReceivedAt()).isEqualTo("2026-11-27T03:13:13.623456+00:00");
    assertThat(tracker.snapshot().lastEventType()).isEqualTo("RunnerStatusUpdated");
  }

  @Test
  void followsTheProcessFromStartToExit() {
    tracker.processStarted(4242);
    assertThat(tracker.processAlive()).isTrue();
    assertThat(tracker.snapshot().pid()).isEqualTo(4242L);
    assertThat(tracker.snapshot().processAlive()).isTrue();

    clock.advance(Duration.ofSeconds(2));
    tracker.processExited(-9);

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    assertThat(tracker.processAlive()).isFalse();
    assertThat(snapshot.processAlive()).isFalse();
    assertThat(snapshot.pid()).isEqualTo(4242L);
    assertThat(snapshot.exitCode()).isEqualTo(-9);
    assertThat(snapshot.milestones()).extracting(RunnerLifecycleMilestone::name, RunnerLifecycleMilestone::detail)
        .endsWith(
            org.assertj.core.groups.Tuple.tuple("process_started", "pid=4242"),
            org.assertj.core.groups.Tuple.tuple("process_exited", "exit_code=-9"));
    assertThat(snapshot.milestones()).last()
        .extracting(RunnerLifecycleMilestone::at).isEqualTo("2026-11-27T03:13:15.123456+00:00");
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
