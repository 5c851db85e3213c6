package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.assembly.CollectorOutcome.Status;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The work of one slot in one assembly, run on a collector thread: try the slot's enabled
 * collectors by priority until one gives a reading. An unavailable collector is passed over; one
 * that fails, returns the wrong type or returns null leaves the slot to the next (so a broken NVML
 * falls back to {@code nvidia-smi}, and that to the CPU profile), its failure still reported; one
 * that runs out of the slot's budget ends the run, since the budget is shared. Everything it learns is
 * published under its lock; once the assembling thread {@link #close closes} it (done, failed or
 * out of time), anything the collector thread reports later is dropped, so a late value can never
 * reach a bundle.
 */
final class SlotRun implements Runnable {

  /** The result of a closed run. */
  record Result(List<Attempt> attempts, @Nullable Object value) {}

  /** The outcome of one candidate, with the warning it raises, if any. */
  record Attempt(RegisteredCollector collector, CollectorOutcome outcome, @Nullable String warning) {}

  private final Slot<?> slot;
  private final List<RegisteredCollector> candidates;
  private final CollectContext context;
  private final Ticker ticker;
  private final long startTick;
  private final Duration budget;

  // Guarded by this.
  private final Map<RegisteredCollector, Attempt> attempts = new LinkedHashMap<>();
  private @Nullable RegisteredCollector current;
  private long currentStartTick;
  private @Nullable Thread worker;
  private @Nullable Object value;
  private boolean started;
  private boolean finished;
  private boolean closed;

  SlotRun(Slot<?> slot, List<RegisteredCollector> candidates, CollectContext context, Ticker ticker,
      long startTick, Duration budget) {
    this.slot = slot;
    this.candidates = List.copyOf(candidates);
    this.context = context;
    this.ticker = ticker;
    this.startTick = startTick;
    this.budget = budget;
  }

  Slot<?> slot() {
    return slot;
  }

  @Override
  public void run() {
    Thread self = Thread.currentThread();
    synchronized (this) {
      if (closed) {
        return;
      }
      started = true;
      worker = self;
    }
    try {
      for (RegisteredCollector candidate : candidates) {
        long begin = ticker.read();
        synchronized (this) {
          if (closed) {
            return;
          }
          current = candidate;
          currentStartTick = begin;
        }
        Step step = attempt(candidate, begin);
        synchronized (this) {
          if (closed) {
            return;
          }
          current = null;
          attempts.put(candidate, step.attempt);
          if (step.decisive) {
            value = step.value;
            finished = true;
            return;
          }
        }
        // A collector that interrupted its own thread must not fail the next candidate.
        Thread.interrupted();
      }
      synchronized (this) {
        finished = true;
      }
    } finally {
      synchronized (this) {
        worker = null;
      }
    }
  }

  private record Step(Attempt attempt, @Nullable Object value, boolean decisive) {}

  private Step attempt(RegisteredCollector candidate, long begin) {
    if (!candidate.busy.compareAndSet(false, true)) {
      return new Step(attempt(candidate, Status.SKIPPED, begin, null, Texts.collectorBusy(candidate.name)), null, false);
    }
    try {
      boolean available;
      try {
        available = candidate.collector.isAvailable(context);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        return new Step(attempt(candidate, Status.FAILED, begin, e, Texts.collectorFailed(candidate.name, e)), null, false);
      }
      if (!available) {
        return new Step(attempt(candidate, Status.UNAVAILABLE, begin, null, null), null, false);
      }
      Object raw;
      try {
        raw = candidate.collector.collect(context);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        return new Step(attempt(candidate, Status.FAILED, begin, e, Texts.collectorFailed(candidate.name, e)), null, false);
      }
      if (ticker.read() - startTick > budget.toNanos()) {
        TimeoutException late = new TimeoutException(
            "Collector " + candidate.name + " returned after its budget of " + budget.toMillis() + " ms");
        return new Step(attempt(candidate, Status.TIMED_OUT, begin, late, Texts.collectorTimedOut(candidate.name, budget)),
            null, true);
      }
      if (raw == null) {
        return new Step(attempt(candidate, Status.OK, begin, null, null), null, false);
      }
      Object typed;
      try {
        typed = slot.cast(raw);
      } catch (ClassCastException e) {
        return new Step(attempt(candidate, Status.FAILED, begin, e, Texts.collectorFailed(candidate.name, e)), null, false);
      }
      return new Step(attempt(candidate, Status.OK, begin, null, null), typed, true);
    } finally {
      candidate.busy.set(false);
    }
  }

  private Attempt attempt(RegisteredCollector candidate, Status status, long begin, @Nullable Throwable cause,
      @Nullable String warning) {
    Duration duration = Duration.ofNanos(Math.max(0, ticker.read() - begin));
    return new Attempt(candidate, new CollectorOutcome(candidate.name, slot, status, duration, cause), warning);
  }

  /**
   * Ends the run as far as the assembly is concerned and returns what it produced.
   *
   * @param failure why the run's task ended abnormally (a {@link VirtualMachineError} or a rejected
   *     submission), or null; with no failure, a collector still running is out of time
   */
  synchronized Result close(@Nullable Throwable failure) {
    if (!closed) {
      closed = true;
      long now = ticker.read();
      if (current != null) {
        Duration duration = Duration.ofNanos(Math.max(0, now - currentStartTick));
        attempts.put(current, failure != null
            ? new Attempt(current, new CollectorOutcome(current.name, slot, Status.FAILED, duration, failure),
                Texts.collectorFailed(current.name, failure))
            : timedOut(current, duration));
      } else if (!started && !candidates.isEmpty()) {
        RegisteredCollector first = candidates.get(0);
        attempts.put(first, failure != null
            ? new Attempt(first, new CollectorOutcome(first.name, slot, Status.FAILED, Duration.ZERO, failure),
                Texts.collectorFailed(first.name, failure))
            : timedOut(first, Duration.ofNanos(Math.max(0, now - startTick))));
      }
      for (RegisteredCollector candidate : candidates) {
        attempts.computeIfAbsent(candidate,
            c -> new Attempt(c, new CollectorOutcome(c.name, slot, Status.SKIPPED, Duration.ZERO, null), null));
      }
    }
    return new Result(new ArrayList<>(attempts.values()), value);
  }

  private Attempt timedOut(RegisteredCollector collector, Duration duration) {
    TimeoutException cause = new TimeoutException("Collector " + collector.name + " did not return within "
        + budget.toMillis() + " ms" + (worker == null ? " (it never got a thread)" : "; stack trace of its thread"));
    Thread thread = worker;
    if (thread != null) {
      cause.setStackTrace(thread.getStackTrace());
    }
    return new Attempt(collector, new CollectorOutcome(collector.name, slot, Status.TIMED_OUT, duration, cause),
        Texts.collectorTimedOut(collector.name, budget));
  }
}
