package dev.skulk.diagnostics.runner;

import static dev.skulk.diagnostics.runner.RunnerFixtures.START;
import static dev.skulk.diagnostics.runner.RunnerFixtures.START_WIRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import dev.skulk.diagnostics.model.RunnerDiagnosticValue;
import dev.skulk.diagnostics.model.RunnerPhase;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunnerDiagnosticsTest {

  /** Stands in for a host's own cancellation exception. */
  static class PrefillCancelled extends RuntimeException {
    PrefillCancelled(String message) {
      super(message);
    }
  }

  static final class LatePrefillCancelled extends PrefillCancelled {
    LatePrefillCancelled() {
      super("late");
    }
  }

  private final MutableClock clock = MutableClock.at(START);
  private final List<RunnerDiagnosticUpdate> sent = new CopyOnWriteArrayList<>();
  private final RunnerDiagnostics diagnostics = RunnerDiagnostics.builder(RunnerFixtures.context())
      .clock(clock)
      .sink(sent::add)
      .cancellationExceptions(Set.of(PrefillCancelled.class))
      .build();

  @Test
  void recordsAnUpdateStampedNowWithTheRunnerContext() {
    diagnostics.record(RunnerPhase.DECODE_STREAM, "token", "n=3",
        Map.of("tokens", 3), "task-1", "cmd-1", false);

    assertThat(sent).containsExactly(new RunnerDiagnosticUpdate(START_WIRE, RunnerPhase.DECODE_STREAM,
        "token", "n=3", Map.of("tokens", RunnerDiagnosticValue.of(3)), RunnerFixtures.context(),
        "task-1", "cmd-1", null));
    assertThat(diagnostics.deliveredCount()).isEqualTo(1);
  }

  @Test
  void theShortFormsLeaveTheRestEmpty() {
    diagnostics.record(RunnerPhase.IDLE, "tick");
    diagnostics.record(RunnerPhase.IDLE, "tick", "detail");

    assertThat(sent).extracting(RunnerDiagnosticUpdate::detail).containsExactly(null, "detail");
    assertThat(sent).allSatisfy(update -> {
      assertThat(update.attrs()).isEmpty();
      assertThat(update.taskId()).isNull();
      assertThat(update.commandId()).isNull();
      assertThat(update.mlxMemory()).isNull();
    });
  }

  @Test
  void asksForMemoryOnlyWhenAskedTo() {
    AtomicInteger calls = new AtomicInteger();
    MlxMemorySnapshot memory = RunnerFixtures.mlx(START_WIRE, 4096);
    RunnerDiagnostics withMemory = RunnerDiagnostics.builder(RunnerFixtures.context())
        .clock(clock).sink(sent::add)
        .mlxMemory(() -> {
          calls.incrementAndGet();
          return memory;
        })
        .build();

    withMemory.record(RunnerPhase.WARMUP, "step", null, Map.of(), null, null, false);
    withMemory.record(RunnerPhase.WARMUP, "step", null, Map.of(), null, null, true);

    assertThat(calls).hasValue(1);
    assertThat(sent).extracting(RunnerDiagnosticUpdate::mlxMemory).containsExactly(null, memory);
  }

  @Test
  void aFailingMemorySupplierLeavesTheUpdateWithoutMemory() {
    RunnerDiagnostics withMemory = RunnerDiagnostics.builder(RunnerFixtures.context())
        .clock(clock).sink(sent::add)
        .mlxMemory(() -> {
          throw new UnsatisfiedLinkError("no mlx-c");
        })
        .build();

    withMemory.record(RunnerPhase.WARMUP, "step", null, Map.of(), null, null, true);

    assertThat(sent).singleElement().extracting(RunnerDiagnosticUpdate::mlxMemory).isNull();
    assertThat(withMemory.memoryFailureCount()).isEqualTo(1);
    assertThat(withMemory.deliveredCount()).isEqualTo(1);
  }

  @Test
  void aPhaseScopeRecordsEnterThenExit() {
    try (PhaseScope scope = diagnostics.phase(RunnerPhase.LOAD_MODEL, "shard 8-16", "task-1", "cmd-1")) {
      assertThat(scope.phase()).isEqualTo(RunnerPhase.LOAD_MODEL);
      clock.advance(Duration.ofSeconds(2));
    }

    assertThat(sent).extracting(RunnerDiagnosticUpdate::phase, RunnerDiagnosticUpdate::event,
            RunnerDiagnosticUpdate::detail, RunnerDiagnosticUpdate::taskId, RunnerDiagnosticUpdate::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RunnerPhase.LOAD_MODEL, "enter", "shard 8-16", "task-1", START_WIRE),
            org.assertj.core.groups.Tuple.tuple(RunnerPhase.LOAD_MODEL, "exit", "shard 8-16", "task-1",
                "2026-11-27T03:13:15.123456+00:00"));
  }

  @Test
  void closingAScopeTwiceRecordsExitOnce() {
    PhaseScope scope = diagnostics.phase(RunnerPhase.WARMUP, null);
    scope.close();
    scope.close();

    assertThat(sent).extracting(RunnerDiagnosticUpdate::event).containsExactly("enter", "exit");
  }

  @Test
  void aFailedScopeRecordsTheExceptionInsteadOfExit() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> {
      try (PhaseScope scope = diagnostics.phase(RunnerPhase.PREFILL_STREAM, "prompt", "task-1", "cmd-1")) {
        throw scope.fail(boom);
      }
    }).isSameAs(boom);

    assertThat(sent).extracting(RunnerDiagnosticUpdate::phase, RunnerDiagnosticUpdate::event,
            RunnerDiagnosticUpdate::detail, RunnerDiagnosticUpdate::taskId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RunnerPhase.PREFILL_STREAM, "enter", "prompt", "task-1"),
            org.assertj.core.groups.Tuple.tuple(RunnerPhase.ERROR, "exception", "IllegalStateException: boom", "task-1"));
  }

  @Test
  void callRecordsAnExceptionAndRethrowsIt() {
    IOException failure = new IOException("disk gone");

    assertThatThrownBy(() -> diagnostics.call(RunnerPhase.LOAD_MODEL, "weights", () -> {
      throw failure;
    })).isSameAs(failure);

    assertThat(sent).extracting(RunnerDiagnosticUpdate::phase, RunnerDiagnosticUpdate::event,
            RunnerDiagnosticUpdate::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RunnerPhase.LOAD_MODEL, "enter", "weights"),
            org.assertj.core.groups.Tuple.tuple(RunnerPhase.ERROR, "exception", "IOException: disk gone"));
  }

  @Test
  void callReturnsTheResultAndRecordsExit() throws Exception {
    assertThat(diagnostics.call(RunnerPhase.PARSER, null, () -> 42)).isEqualTo(42);

    assertThat(sent).extracting(RunnerDiagnosticUpdate::event).containsExactly("enter", "exit");
  }

  @Test
  void runRecordsAnExceptionAndRethrowsIt() {
    assertThatThrownBy(() -> diagnostics.run(RunnerPhase.DECODE_STREAM, null, () -> {
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

    assertThat(sent).last().extracting(RunnerDiagnosticUpdate::phase, RunnerDiagnosticUpdate::event,
            RunnerDiagnosticUpdate::detail)
        .containsExactly(RunnerPhase.ERROR, "exception", "IllegalStateException: boom");
  }

  @Test
  void aConfiguredCancellationIsObservedNotAnErrorAndKeepsTheScopesDetail() {
    // upstream runner_phase: PrefillCancelled -> cancel_observed/prefill_cancelled, detail=detail
    assertThatThrownBy(() -> diagnostics.run(RunnerPhase.PREFILL_STREAM, "prompt 812 tokens", () -> {
      throw new PrefillCancelled("client went away");
    })).isInstanceOf(PrefillCancelled.class);
    assertThatThrownBy(() -> diagnostics.run(RunnerPhase.PREFILL_STREAM, null, () -> {
      throw new LatePrefillCancelled();
    })).isInstanceOf(LatePrefillCancelled.class);

    assertThat(sent).filteredOn(update -> !update.event().equals("enter"))
        .extracting(RunnerDiagnosticUpdate::phase, RunnerDiagnosticUpdate::event,
            RunnerDiagnosticUpdate::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RunnerPhase.CANCEL_OBSERVED, "prefill_cancelled",
                "prompt 812 tokens"),
            org.assertj.core.groups.Tuple.tuple(RunnerPhase.CANCEL_OBSERVED, "prefill_cancelled", null));
  }

  @Test
  void anExceptionWithoutAMessageRendersAsPythonsEmptyStr() {
    // f"{type(exc).__name__}: {exc}" with str(exc) == "" for an exception raised without arguments
    diagnostics.recordException(new UnsupportedOperationException(), null, null);

    assertThat(sent).singleElement().extracting(RunnerDiagnosticUpdate::detail)
        .isEqualTo("UnsupportedOperationException: ");
  }

  @Test
  void aFailedScopesRecordKeepsItsAttributesIdsAndTakesMlxMemory() {
    MlxMemorySnapshot memory = RunnerFixtures.mlx(START_WIRE, 8192);
    RunnerDiagnostics withMemory = RunnerDiagnostics.builder(RunnerFixtures.context())
        .clock(clock).sink(sent::add).mlxMemory(() -> memory)
        .cancellationExceptions(Set.of(PrefillCancelled.class)).build();
    Map<String, Object> attrs = Map.of("tokens", 812);

    for (RuntimeException failure : List.of(new IllegalStateException("boom"), new PrefillCancelled("gone"))) {
      try (PhaseScope scope = withMemory.phase(RunnerPhase.PREFILL_STREAM, "prompt", attrs, "task-1",
          "cmd-1", false)) {
        scope.fail(failure);
      }
    }

    assertThat(sent).filteredOn(update -> !update.event().equals("enter")).hasSize(2).allSatisfy(update -> {
      assertThat(update.attrs()).containsExactly(Map.entry("tokens", RunnerDiagnosticValue.of(812)));
      assertThat(update.taskId()).isEqualTo("task-1");
      assertThat(update.commandId()).isEqualTo("cmd-1");
      assertThat(update.mlxMemory()).isEqualTo(memory);
    }).extracting(RunnerDiagnosticUpdate::detail).containsExactly("IllegalStateException: boom", "prompt");
    assertThat(sent).filteredOn(update -> update.event().equals("enter"))
        .allSatisfy(update -> assertThat(update.mlxMemory()).isNull());
  }

  @Test
  void aSinkThatThrowsNeverReachesTheRunner() {
    RunnerDiagnostics failing = RunnerDiagnostics.builder(RunnerFixtures.context())
        .clock(clock)
        .sink(update -> {
          throw new IllegalStateException("pipe closed");
        })
        .build();

    assertThatCode(() -> {
      failing.record(RunnerPhase.DECODE_STREAM, "token");
      try (PhaseScope scope = failing.phase(RunnerPhase.PARSER, null)) {
        scope.fail(new IllegalArgumentException("bad"));
      }
    }).doesNotThrowAnyException();
    assertThat(failing.failedCount()).isEqualTo(3);
    assertThat(failing.deliveredCount()).isZero();
  }

  @Test
  void anUpdateThatCannotBeBuiltIsCountedNotThrown() {
    assertThatCode(() -> diagnostics.record(null, "token")).doesNotThrowAnyException();

    assertThat(sent).isEmpty();
    assertThat(diagnostics.failedCount()).isEqualTo(1);
  }

  @Test
  void requiresASink() {
    assertThatThrownBy(() -> RunnerDiagnostics.builder(RunnerFixtures.context()).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("sink");
  }

  @Test
  void feedsATrackerInTheSameProcess() {
    RunnerSupervisorTracker tracker = RunnerFixtures.tracker(clock, new FakeTicker()).build();
    RunnerDiagnostics direct = RunnerDiagnostics.builder(RunnerFixtures.context())
        .clock(clock).sink(tracker::applyUpdate).build();

    direct.run(RunnerPhase.WARMUP, "compile", () -> { });

    assertThat(tracker.snapshot().flightRecorder()).extracting(entry -> entry.event())
        .containsExactly("enter", "exit");
    assertThat(tracker.snapshot().phase()).isEqualTo(RunnerPhase.WARMUP);
    assertThat(tracker.snapshot().phaseDetail()).isEqualTo("compile");
  }
}
