package dev.skulk.diagnostics.jfr.internal;

import dev.skulk.diagnostics.assembly.CollectorOutcome;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import dev.skulk.diagnostics.model.RunnerPhase;
import org.jspecify.annotations.Nullable;

/**
 * The one-line emission points the runner and assembly packages call. Each builds its event only
 * when the event is enabled in a running recording: with none on, {@code new XEvent()} plus {@code
 * isEnabled()} is a constant false after JIT inlining (the allocation is scalar-replaced), so a hook
 * costs nothing measurable on a per-token path.
 *
 * <p>Thread-safe: stateless. Never throws (JFR's own commit does not).
 */
public final class JfrHooks {

  /** {@link RunnerPhaseEvent#outcome} of a phase that closed normally. */
  public static final String OUTCOME_EXIT = "exit";
  /** {@link RunnerPhaseEvent#outcome} of a phase whose body failed. */
  public static final String OUTCOME_FAIL = "fail";

  private JfrHooks() {}

  /**
   * Starts timing a phase scope that is opening; returns null (and costs nothing) when the event
   * is not being recorded. Hand the result to {@link #endPhase}.
   */
  public static @Nullable RunnerPhaseEvent beginPhase(RunnerDiagnosticContext context, RunnerPhase phase,
      @Nullable String detail, @Nullable String taskId, @Nullable String commandId) {
    // Probe first: the probe never escapes, so without a recording nothing is allocated (the event
    // returned below escapes, which would keep its allocation even on the disabled path).
    if (!new RunnerPhaseEvent().isEnabled()) {
      return null;
    }
    RunnerPhaseEvent event = new RunnerPhaseEvent();
    event.runner(context.runnerId(), context.instanceId(), context.rank());
    event.phase = phase.wireValue();
    event.detail = detail;
    event.taskId = taskId;
    event.commandId = commandId;
    event.begin();
    return event;
  }

  /** Ends and commits a phase begun with {@link #beginPhase}; nothing when it is null. */
  public static void endPhase(@Nullable RunnerPhaseEvent event, @Nullable Throwable failure) {
    if (event == null) {
      return;
    }
    event.end();
    if (event.shouldCommit()) {
      event.outcome = failure == null ? OUTCOME_EXIT : OUTCOME_FAIL;
      event.error = failure == null ? null : describe(failure);
      event.commit();
    }
  }

  /**
   * Starts timing the phase {@code update} enters, as a supervisor tracker sees it; null (and no
   * cost) when the event is not being recorded. End it with {@link #endSupervisedPhase}.
   */
  public static @Nullable SupervisedPhaseEvent beginSupervisedPhase(String runnerId, String instanceId, int rank,
      RunnerPhase phase, @Nullable String detail, @Nullable String taskId) {
    if (!new SupervisedPhaseEvent().isEnabled()) { // a probe, as in beginPhase
      return null;
    }
    SupervisedPhaseEvent event = new SupervisedPhaseEvent();
    event.runner(runnerId, instanceId, rank);
    event.phase = phase.wireValue();
    event.detail = detail;
    event.taskId = taskId;
    event.begin();
    return event;
  }

  /** Ends and commits a phase begun with {@link #beginSupervisedPhase}; nothing when it is null. */
  public static void endSupervisedPhase(@Nullable SupervisedPhaseEvent event) {
    if (event != null) {
      event.end();
      if (event.shouldCommit()) {
        event.commit();
      }
    }
  }

  /** A supervisor tracker applied {@code update}. */
  public static void update(String runnerId, String instanceId, int rank, RunnerDiagnosticUpdate update) {
    RunnerUpdateEvent event = new RunnerUpdateEvent();
    if (event.shouldCommit()) {
      event.runner(runnerId, instanceId, rank);
      event.phase = update.phase().wireValue();
      event.event = update.event();
      event.detail = update.detail();
      event.taskId = update.taskId();
      event.commit();
    }
  }

  /** A supervisor tracker's status changed. */
  public static void statusChanged(String runnerId, String instanceId, int rank, String previousStatus,
      String status) {
    RunnerStatusEvent event = new RunnerStatusEvent();
    if (event.shouldCommit()) {
      event.runner(runnerId, instanceId, rank);
      event.previousStatus = previousStatus;
      event.status = status;
      event.commit();
    }
  }

  /** A supervisor tracker's task changed ({@code sent}, {@code acknowledged}, {@code completed}, {@code cancelled}). */
  public static void taskChanged(String runnerId, String instanceId, int rank, String taskId, String change) {
    RunnerTaskEvent event = new RunnerTaskEvent();
    if (event.shouldCommit()) {
      event.runner(runnerId, instanceId, rank);
      event.taskId = taskId;
      event.change = change;
      event.commit();
    }
  }

  /** Whether warning events are recorded now: lets the assembler skip its loop when not. */
  public static boolean warningsEnabled() {
    return new WarningEvent().isEnabled();
  }

  /** One warning of an assembled bundle, from {@code source}. */
  public static void warning(String source, String text) {
    WarningEvent event = new WarningEvent();
    if (event.shouldCommit()) {
      event.source = source;
      event.text = text;
      event.commit();
    }
  }

  /** Whether collector-outcome events are recorded now. */
  public static boolean collectorOutcomesEnabled() {
    return new CollectorOutcomeEvent().isEnabled();
  }

  /** What one collector did in one assembly. */
  public static void collectorOutcome(CollectorOutcome outcome) {
    CollectorOutcomeEvent event = new CollectorOutcomeEvent();
    if (event.shouldCommit()) {
      event.collector = outcome.collectorName();
      event.slot = outcome.slot().name();
      event.status = outcome.status().name();
      event.elapsed = outcome.duration().toNanos();
      event.commit();
    }
  }

  /** {@code SimpleClassName: message}, as the runner's own error updates describe a failure. */
  private static String describe(Throwable error) {
    Class<?> type = error.getClass();
    String name = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    String message;
    try {
      message = error.getMessage();
    } catch (RuntimeException e) {
      // A host exception whose getMessage() throws must not break the phase scope that closes.
      message = "<getMessage() threw " + e.getClass().getName() + ">";
    }
    return message == null ? name : name + ": " + message;
  }
}
