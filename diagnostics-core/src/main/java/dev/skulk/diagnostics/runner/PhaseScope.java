package dev.skulk.diagnostics.runner;

import dev.skulk.diagnostics.jfr.internal.JfrHooks;
import dev.skulk.diagnostics.jfr.internal.RunnerPhaseEvent;
import dev.skulk.diagnostics.model.RunnerPhase;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A runner phase opened with {@link RunnerDiagnostics#phase}, for try-with-resources: opening it
 * recorded event {@code enter}; closing it records {@code exit}, unless the body failed and called
 * {@link #fail} first, in which case the failure is the phase's last update.
 *
 * <pre>{@code
 * try (PhaseScope scope = diagnostics.phase(RunnerPhase.LOAD_MODEL, modelId)) {
 *   load();
 * } catch (IOException e) {
 *   // too late: the scope already closed and recorded exit
 * }
 * try (PhaseScope scope = diagnostics.phase(RunnerPhase.LOAD_MODEL, modelId)) {
 *   try {
 *     load();
 *   } catch (IOException e) {
 *     throw scope.fail(e); // records error/exception instead of exit
 *   }
 * }
 * }</pre>
 *
 * <p><b>Thread-safety.</b> Belongs to the thread that opened it; not for sharing. Closing it twice
 * records {@code exit} once. Never throws.
 */
public final class PhaseScope implements AutoCloseable {

  static final String ENTER_EVENT = "enter";
  static final String EXIT_EVENT = "exit";

  private final RunnerDiagnostics diagnostics;
  private final RunnerPhase phase;
  private final @Nullable String detail;
  private final Map<String, ?> attrs;
  private final @Nullable String taskId;
  private final @Nullable String commandId;
  private final boolean includeMemory;
  private boolean finished;
  private final @Nullable RunnerPhaseEvent jfrPhase; // JFR: null unless a recording takes the event

  PhaseScope(
      RunnerDiagnostics diagnostics,
      RunnerPhase phase,
      @Nullable String detail,
      Map<String, ?> attrs,
      @Nullable String taskId,
      @Nullable String commandId,
      boolean includeMemory) {
    this.diagnostics = diagnostics;
    this.phase = phase;
    this.detail = detail;
    this.attrs = attrs;
    this.taskId = taskId;
    this.commandId = commandId;
    this.includeMemory = includeMemory;
    this.jfrPhase = JfrHooks.beginPhase(diagnostics.context(), phase, detail, taskId, commandId);
  }

  /** The phase this scope records. */
  public RunnerPhase phase() {
    return phase;
  }

  /**
   * Records that the body failed with {@code error}, as upstream's {@code runner_phase} does, with
   * this scope's attributes, ids and an MLX memory snapshot: a configured cancellation exception
   * as {@code cancel_observed}/{@code prefill_cancelled} with this scope's detail, anything else as
   * {@code error}/{@code exception} with the detail {@code <Name>: <message>} (nothing is recorded
   * for a {@link VirtualMachineError}, when recording could only fail again); and makes {@link
   * #close()} record nothing. Only the first call on an open scope records.
   *
   * @return {@code error}, so a caller can write {@code throw scope.fail(e)}
   */
  public <X extends Throwable> X fail(X error) {
    if (!finished) {
      finished = true;
      JfrHooks.endPhase(jfrPhase, error);
      if (!(error instanceof VirtualMachineError)) {
        diagnostics.recordFailure(error, detail, attrs, taskId, commandId);
      }
    }
    return error;
  }

  /** Records {@code exit}, unless the scope failed or was already closed. Never throws. */
  @Override
  public void close() {
    if (!finished) {
      finished = true;
      JfrHooks.endPhase(jfrPhase, null);
      diagnostics.record(phase, EXIT_EVENT, detail, attrs, taskId, commandId, includeMemory);
    }
  }
}
