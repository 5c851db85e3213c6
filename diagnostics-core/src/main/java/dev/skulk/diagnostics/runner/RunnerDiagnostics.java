package dev.skulk.diagnostics.runner;

import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.Timestamps;
import dev.skulk.diagnostics.runner.internal.DiagnosticAttrs;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a runner uses, inside its own process, to report what it is doing: each call builds one
 * {@link RunnerDiagnosticUpdate} (timestamped now, with the runner's context, attributes
 * normalised as {@link DiagnosticAttrs} describes, and an MLX memory snapshot when asked for) and
 * hands it to the configured {@link RunnerDiagnosticSink}.
 *
 * <pre>{@code
 * RunnerDiagnostics diagnostics = RunnerDiagnostics.builder(context).sink(tracker::applyUpdate).build();
 * try (PhaseScope prefill = diagnostics.phase(RunnerPhase.PREFILL_STREAM, "prompt_tokens=812")) {
 *   prefill(prompt);
 * } // records enter, then exit
 * diagnostics.record(RunnerPhase.DECODE_STREAM, "token", null, Map.of("n", 17));
 * }</pre>
 *
 * <p>Nothing here throws into the runner: a sink that throws, an MLX memory supplier that fails or
 * an update that cannot be built (a null phase, say) is caught, counted and logged (the first time
 * at WARN with its cause, then at DEBUG); only a {@link VirtualMachineError} escapes.
 *
 * <p><b>Thread-safety.</b> Thread-safe; calls from several threads reach the sink concurrently.
 * A {@link PhaseScope} belongs to the thread that opened it.
 *
 * <p><b>Cost.</b> One update record, its attribute map and a timestamp string per call, plus
 * whatever the sink and, when asked for, the MLX memory supplier cost.
 */
public final class RunnerDiagnostics {

  /** The event recorded when a body fails with an ordinary exception. */
  static final String EXCEPTION_EVENT = "exception";
  /** The event recorded when a body fails with a configured cancellation exception. */
  static final String CANCELLED_EVENT = "prefill_cancelled";

  private static final Logger LOG = LoggerFactory.getLogger(RunnerDiagnostics.class);

  private final RunnerDiagnosticContext context;
  private final Clock clock;
  private final RunnerDiagnosticSink sink;
  private final @Nullable Supplier<? extends @Nullable MlxMemorySnapshot> mlxMemory;
  private final Set<Class<? extends Throwable>> cancellationExceptions;

  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong memoryFailures = new AtomicLong();
  private final AtomicBoolean warnedFailure = new AtomicBoolean();
  private final AtomicBoolean warnedMemory = new AtomicBoolean();

  private RunnerDiagnostics(Builder builder) {
    this.context = builder.context;
    this.clock = builder.clock;
    this.sink = Objects.requireNonNull(builder.sink, "sink is required");
    this.mlxMemory = builder.mlxMemory;
    this.cancellationExceptions = builder.cancellationExceptions;
  }

  /** A builder for the runner with this identity; a sink is required. */
  public static Builder builder(RunnerDiagnosticContext context) {
    return new Builder(context);
  }

  /** The runner identity every update carries. */
  public RunnerDiagnosticContext context() {
    return context;
  }

  /** Records {@code event} in {@code phase}, with no detail, attributes, ids or memory. */
  public void record(RunnerPhase phase, String event) {
    record(phase, event, null, Map.of(), null, null, false);
  }

  /** Records {@code event} in {@code phase} with a detail. */
  public void record(RunnerPhase phase, String event, @Nullable String detail) {
    record(phase, event, detail, Map.of(), null, null, false);
  }

  /** Records {@code event} in {@code phase} with a detail and attributes. */
  public void record(
      RunnerPhase phase, String event, @Nullable String detail, Map<String, ?> attrs) {
    record(phase, event, detail, attrs, null, null, false);
  }

  /**
   * Records one update and hands it to the sink. Never throws (but for a {@link
   * VirtualMachineError}).
   *
   * @param phase the phase the runner is in
   * @param event a short event name within the phase ({@code enter}, {@code exit}, {@code token})
   * @param detail a compact human-readable detail, or null
   * @param attrs low-cardinality attributes, normalised as {@link DiagnosticAttrs} describes
   * @param taskId the task the update concerns, or null
   * @param commandId the command the update concerns, or null
   * @param includeMemory whether to attach an MLX memory snapshot from the configured supplier
   */
  public void record(
      RunnerPhase phase,
      String event,
      @Nullable String detail,
      Map<String, ?> attrs,
      @Nullable String taskId,
      @Nullable String commandId,
      boolean includeMemory) {
    RunnerDiagnosticUpdate update;
    try {
      update = new RunnerDiagnosticUpdate(
          Timestamps.format(clock.instant()),
          phase,
          event,
          detail,
          DiagnosticAttrs.normalize(attrs),
          context,
          taskId,
          commandId,
          includeMemory ? memorySnapshot() : null);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      failed("Could not build a runner diagnostic update", e);
      return;
    }
    try {
      sink.accept(update);
      delivered.incrementAndGet();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      failed("Runner diagnostic sink failed", e);
    }
  }

  /**
   * Records a failure outside any phase scope, as a scope with no detail and no attributes records
   * its body's failure (see {@link PhaseScope#fail}). Never throws.
   */
  public void recordException(
      Throwable error, @Nullable String taskId, @Nullable String commandId) {
    recordFailure(error, null, Map.of(), taskId, commandId);
  }

  /**
   * Records the failure of a body in a scope with this detail, attributes and ids, as upstream's
   * {@code runner_phase} does: for an instance of one of the configured cancellation exceptions,
   * phase {@code cancel_observed}, event {@code prefill_cancelled} and the scope's own detail; for
   * anything else, phase {@code error}, event {@code exception} and the detail {@code
   * <SimpleClassName>: <message>} (Python's {@code f"{type(exc).__name__}: {exc}"}, so {@code
   * "ValueError: "} for an exception without a message); either way with the scope's attributes and
   * ids, and an MLX memory snapshot.
   */
  void recordFailure(Throwable error, @Nullable String detail, Map<String, ?> attrs,
      @Nullable String taskId, @Nullable String commandId) {
    if (isCancellation(error)) {
      record(RunnerPhase.CANCEL_OBSERVED, CANCELLED_EVENT, detail, attrs, taskId, commandId, true);
    } else {
      record(RunnerPhase.ERROR, EXCEPTION_EVENT, describe(error), attrs, taskId, commandId, true);
    }
  }

  /** Opens a phase scope: records {@code enter} now and {@code exit} when closed. */
  public PhaseScope phase(RunnerPhase phase, @Nullable String detail) {
    return phase(phase, detail, Map.of(), null, null, false);
  }

  /** Opens a phase scope for a task and command: records {@code enter} now and {@code exit} when closed. */
  public PhaseScope phase(
      RunnerPhase phase, @Nullable String detail, @Nullable String taskId,
      @Nullable String commandId) {
    return phase(phase, detail, Map.of(), taskId, commandId, false);
  }

  /**
   * Opens a phase scope for try-with-resources: records {@code enter} now and {@code exit} when it
   * is closed, both with these detail, attributes, ids and (when {@code includeMemory}) an MLX
   * memory snapshot. A body that fails should call {@link PhaseScope#fail} before the scope
   * closes; the scope then records the failure instead of {@code exit}.
   */
  public PhaseScope phase(
      RunnerPhase phase,
      @Nullable String detail,
      Map<String, ?> attrs,
      @Nullable String taskId,
      @Nullable String commandId,
      boolean includeMemory) {
    PhaseScope scope = new PhaseScope(this, phase, detail, attrs, taskId, commandId, includeMemory);
    record(phase, PhaseScope.ENTER_EVENT, detail, attrs, taskId, commandId, includeMemory);
    return scope;
  }

  /**
   * Runs {@code body} in a phase scope and returns its result; if it throws, records the failure
   * (see {@link #recordException}) and rethrows the same exception.
   */
  public <T> T call(RunnerPhase phase, @Nullable String detail, Callable<T> body) throws Exception {
    try (PhaseScope scope = phase(phase, detail)) {
      try {
        return body.call();
      } catch (Exception e) {
        throw scope.fail(e);
      } catch (Error e) {
        throw scope.fail(e);
      }
    }
  }

  /**
   * Runs {@code body} in a phase scope; if it throws, records the failure (see {@link
   * #recordException}) and rethrows the same exception.
   */
  public void run(RunnerPhase phase, @Nullable String detail, Runnable body) {
    try (PhaseScope scope = phase(phase, detail)) {
      try {
        body.run();
      } catch (RuntimeException e) {
        throw scope.fail(e);
      } catch (Error e) {
        throw scope.fail(e);
      }
    }
  }

  /** How many updates reached the sink without it throwing. */
  public long deliveredCount() {
    return delivered.get();
  }

  /** How many updates were lost: the sink threw, or the update could not be built. */
  public long failedCount() {
    return failed.get();
  }

  /** How many times the MLX memory supplier threw; the update was still sent, without memory. */
  public long memoryFailureCount() {
    return memoryFailures.get();
  }

  private @Nullable MlxMemorySnapshot memorySnapshot() {
    if (mlxMemory == null) {
      return null;
    }
    try {
      return mlxMemory.get();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      memoryFailures.incrementAndGet();
      if (warnedMemory.compareAndSet(false, true)) {
        LOG.warn("MLX memory supplier failed; updates go without memory when it fails", e);
      } else {
        LOG.debug("MLX memory supplier failed", e);
      }
      return null;
    }
  }

  private void failed(String message, Throwable cause) {
    failed.incrementAndGet();
    if (warnedFailure.compareAndSet(false, true)) {
      LOG.warn("{} for runner {}; further failures are logged at DEBUG", message,
          context.runnerId(), cause);
    } else {
      LOG.debug("{} for runner {}", message, context.runnerId(), cause);
    }
  }

  private boolean isCancellation(Throwable error) {
    for (Class<? extends Throwable> type : cancellationExceptions) {
      if (type.isInstance(error)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code <SimpleClassName>: <message>}, as Python's {@code f"{type(e).__name__}: {e}"}: an
   * exception without a message, whose Python {@code str()} is empty, gives {@code "<Name>: "}.
   */
  static String describe(Throwable error) {
    Class<?> type = error.getClass();
    String name = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    String message = error.getMessage();
    return name + ": " + (message == null ? "" : message);
  }

  /**
   * Builds a {@link RunnerDiagnostics}. Not thread-safe; {@link #build()} may be called more than
   * once.
   */
  public static final class Builder {
    private final RunnerDiagnosticContext context;
    private Clock clock = Clock.systemUTC();
    private @Nullable RunnerDiagnosticSink sink;
    private @Nullable Supplier<? extends @Nullable MlxMemorySnapshot> mlxMemory;
    private Set<Class<? extends Throwable>> cancellationExceptions = Set.of();

    private Builder(RunnerDiagnosticContext context) {
      this.context = Objects.requireNonNull(context, "context");
    }

    /** Where update timestamps come from; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where updates go (required). */
    public Builder sink(RunnerDiagnosticSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * Where MLX memory snapshots come from, called only for updates that ask for memory; it may
     * return null when nothing can be measured, and a failure just leaves the update without one.
     * Default: none.
     */
    public Builder mlxMemory(Supplier<? extends @Nullable MlxMemorySnapshot> mlxMemory) {
      this.mlxMemory = Objects.requireNonNull(mlxMemory, "mlxMemory");
      return this;
    }

    /**
     * The exception types (subtypes included) that mean the work was cancelled rather than failed,
     * such as the host's own {@code PrefillCancelled}; see {@link RunnerDiagnostics#recordException}.
     * Default: none.
     */
    public Builder cancellationExceptions(Set<Class<? extends Throwable>> types) {
      this.cancellationExceptions = Set.copyOf(types);
      return this;
    }

    /**
     * A new {@link RunnerDiagnostics}.
     *
     * @throws NullPointerException when no sink was given
     */
    public RunnerDiagnostics build() {
      return new RunnerDiagnostics(this);
    }
  }
}
