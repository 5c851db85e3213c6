package dev.skulk.diagnostics.cluster.internal;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Bounds how many asynchronous operations run at once: one that would exceed the limit waits in a
 * queue and starts when a running one completes. Not a stable API.
 *
 * <p>Thread-safe. Queued starts run on {@code starter}; starts that would nest on one thread (an
 * operation failing at once, on a direct starter) are run one after the other instead, so a long
 * queue of instantly failing operations cannot grow the stack.
 */
public final class InFlightLimit {

  private final int limit;
  private final Executor starter;
  private static final ThreadLocal<ArrayDeque<Runnable>> NESTED = new ThreadLocal<>();

  private final ArrayDeque<Runnable> queued = new ArrayDeque<>();
  private int running;

  /**
   * @param limit the most operations running at once
   * @param starter where queued operations are started
   */
  public InFlightLimit(int limit, Executor starter) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    this.limit = limit;
    this.starter = Objects.requireNonNull(starter, "starter");
  }

  /**
   * Starts {@code operation} now when fewer than the limit run, else when one finishes. Cancelling
   * the returned future before the start drops the operation; after the start it cancels the
   * operation's own future.
   */
  public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> operation) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable start = () -> {
      if (result.isDone()) {
        finished();
        return;
      }
      CompletableFuture<T> running;
      try {
        running = operation.get();
      } catch (RuntimeException | Error e) {
        running = CompletableFuture.failedFuture(e);
      }
      CompletableFuture<T> op = running;
      result.whenComplete((value, error) -> {
        if (result.isCancelled()) {
          op.cancel(true);
        }
      });
      op.whenComplete((value, error) -> {
        if (error != null) {
          result.completeExceptionally(error);
        } else {
          result.complete(value);
        }
        finished();
      });
    };
    boolean now;
    synchronized (this) {
      now = running < limit;
      if (now) {
        running++;
      } else {
        queued.add(start);
      }
    }
    if (now) {
      start.run();
    }
    return result;
  }

  /** Operations running now. */
  public synchronized int running() {
    return running;
  }

  private void finished() {
    Runnable next;
    synchronized (this) {
      next = queued.poll();
      if (next == null) {
        running--;
        return;
      }
    }
    try {
      starter.execute(() -> runUnnested(next));
    } catch (RejectedExecutionException e) {
      runUnnested(next); // the owner is closing: start (and promptly fail) it here rather than lose it
    }
  }

  /** Runs {@code task}, or, when called from inside another such run on this thread, after it. */
  private static void runUnnested(Runnable task) {
    ArrayDeque<Runnable> pending = NESTED.get();
    if (pending != null) {
      pending.add(task);
      return;
    }
    pending = new ArrayDeque<>();
    NESTED.set(pending);
    try {
      for (Runnable next = task; next != null; next = pending.poll()) {
        next.run();
      }
    } finally {
      NESTED.remove();
    }
  }
}
