package dev.skulk.diagnostics.testkit;

import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Collector} that behaves as a test tells it to: return a value, throw, hang, be slow,
 * answer too late, return garbage, be unavailable, fail to link, or interrupt a thread. For testing
 * hosts and the assembler's isolation of misbehaving plug-ins.
 *
 * <p>Configure it ({@link #named}, {@link #withPriority}) before registering it. Thread-safe: calls
 * are counted atomically and {@link #release()} frees every call that waits for it, present and
 * future.
 *
 * @param <T> the type of the slot's reading
 */
public final class FakeCollector<T> implements Collector<T> {

  /** What a call does; {@code self} gives access to the latches. */
  @FunctionalInterface
  private interface Behavior {
    @Nullable Object collect(FakeCollector<?> self, CollectContext context) throws Throwable;
  }

  private static final AtomicInteger IDS = new AtomicInteger();

  private final Slot<T> slot;
  private final Behavior behavior;
  private final boolean available;
  private final @Nullable RuntimeException availabilityFailure;
  private volatile String name;
  private volatile int priority;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger returned = new AtomicInteger();
  private final AtomicInteger availabilityChecks = new AtomicInteger();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  private FakeCollector(Slot<T> slot, String kind, Behavior behavior, boolean available,
      @Nullable RuntimeException availabilityFailure) {
    this.slot = Objects.requireNonNull(slot, "slot");
    this.behavior = behavior;
    this.available = available;
    this.availabilityFailure = availabilityFailure;
    this.name = "fake-" + kind + "-" + slot.name() + "-" + IDS.incrementAndGet();
  }

  /** Returns {@code value} (null: no reading) at once. */
  public static <T> FakeCollector<T> returning(Slot<T> slot, @Nullable T value) {
    return new FakeCollector<>(slot, "returning", (self, context) -> value, true, null);
  }

  /** Throws {@code failure} (checked, unchecked or an error) from {@code collect}. */
  public static <T> FakeCollector<T> throwing(Slot<T> slot, Throwable failure) {
    Objects.requireNonNull(failure, "failure");
    return new FakeCollector<>(slot, "throwing", (self, context) -> {
      throw failure;
    }, true, null);
  }

  /**
   * Blocks in {@code collect}, ignoring interrupts, until {@link #release()}; then returns no
   * reading.
   */
  public static <T> FakeCollector<T> hanging(Slot<T> slot) {
    return new FakeCollector<>(slot, "hanging", (self, context) -> {
      self.awaitReleaseUninterruptibly(Long.MAX_VALUE);
      return null;
    }, true, null);
  }

  /**
   * Takes {@code duration} of real time (waiting on a latch, answering interrupts by throwing
   * {@link InterruptedException}), then returns {@code value}. {@link #release()} ends the wait at
   * once.
   */
  public static <T> FakeCollector<T> slow(Slot<T> slot, Duration duration, @Nullable T value) {
    Objects.requireNonNull(duration, "duration");
    return new FakeCollector<>(slot, "slow", (self, context) -> {
      self.released.await(duration.toNanos(), TimeUnit.NANOSECONDS);
      return value;
    }, true, null);
  }

  /**
   * Takes {@code duration} on {@code ticker} without waiting: advances it, then returns {@code
   * value}. With the same ticker given to the assembler, a duration over the budget is a timeout,
   * deterministically and at once. Use it alone in a slot-parallel assembly: the ticker is shared,
   * so other collectors running meanwhile see the time pass too.
   */
  public static <T> FakeCollector<T> slow(Slot<T> slot, Duration duration, @Nullable T value, TestTicker ticker) {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(ticker, "ticker");
    return new FakeCollector<>(slot, "slow", (self, context) -> {
      ticker.advance(duration);
      return value;
    }, true, null);
  }

  /**
   * Returns {@code value} too late: waits, ignoring interrupts, until its budget ({@link
   * CollectContext#remainingNanos()}) plus 200 ms has passed or until {@link #release()}.
   */
  public static <T> FakeCollector<T> returningAfterDeadline(Slot<T> slot, @Nullable T value) {
    return new FakeCollector<>(slot, "late", (self, context) -> {
      self.awaitReleaseUninterruptibly(context.remainingNanos() + TimeUnit.MILLISECONDS.toNanos(200));
      return value;
    }, true, null);
  }

  /** Returns {@code garbage}, a value that does not fit {@code slot}, as a buggy plug-in might. */
  public static FakeCollector<?> returningGarbage(Slot<?> slot, Object garbage) {
    Objects.requireNonNull(garbage, "garbage");
    return new FakeCollector<>(slot, "garbage", (self, context) -> garbage, true, null);
  }

  /** Says it is not available; {@code collect} is never expected. */
  public static <T> FakeCollector<T> unavailable(Slot<T> slot) {
    return new FakeCollector<>(slot, "unavailable", (self, context) -> {
      throw new AssertionError("collect() called on an unavailable collector");
    }, false, null);
  }

  /** Throws {@code failure} from {@code isAvailable()}. */
  public static <T> FakeCollector<T> availabilityThrowing(Slot<T> slot, RuntimeException failure) {
    Objects.requireNonNull(failure, "failure");
    return new FakeCollector<>(slot, "availability-throwing", (self, context) -> null, true, failure);
  }

  /**
   * Fails to link, as a collector whose native library is missing does: {@code collect} throws
   * {@code NoClassDefFoundError: com/sun/jna/Native}.
   */
  public static <T> FakeCollector<T> linkageError(Slot<T> slot) {
    return new FakeCollector<>(slot, "linkage-error", (self, context) -> {
      throw new NoClassDefFoundError("com/sun/jna/Native");
    }, true, null);
  }

  /** Interrupts {@code target} (for example the thread calling the assembler) and its own thread, then returns {@code value}. */
  public static <T> FakeCollector<T> interrupting(Slot<T> slot, Thread target, @Nullable T value) {
    Objects.requireNonNull(target, "target");
    return new FakeCollector<>(slot, "interrupting", (self, context) -> {
      target.interrupt();
      Thread.currentThread().interrupt();
      return value;
    }, true, null);
  }

  /** Sets the name (default {@code fake-<kind>-<slot>-<n>}). */
  public FakeCollector<T> named(String newName) {
    Objects.requireNonNull(newName, "newName");
    this.name = newName;
    return this;
  }

  /** Sets the priority (default 0). */
  public FakeCollector<T> withPriority(int newPriority) {
    this.priority = newPriority;
    return this;
  }

  @Override
  public Slot<T> slot() {
    return slot;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int priority() {
    return priority;
  }

  @Override
  public boolean isAvailable() {
    availabilityChecks.incrementAndGet();
    if (availabilityFailure != null) {
      throw availabilityFailure;
    }
    return available;
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable T collect(CollectContext context) throws Exception {
    calls.incrementAndGet();
    started.countDown();
    try {
      return (T) behavior.collect(this, context);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new Exception(e);
    } finally {
      returned.incrementAndGet();
    }
  }

  /** Frees every call that waits for a release ({@link #hanging}, {@link #slow}, {@link #returningAfterDeadline}). */
  public void release() {
    released.countDown();
  }

  /** How many times {@code collect} was called. */
  public int calls() {
    return calls.get();
  }

  /** How many calls to {@code collect} have ended (returned or thrown). */
  public int returned() {
    return returned.get();
  }

  /** How many times {@code isAvailable} was called. */
  public int availabilityChecks() {
    return availabilityChecks.get();
  }

  /** Waits until {@code collect} has been entered once; false when {@code timeout} passed first. */
  public boolean awaitStarted(Duration timeout) throws InterruptedException {
    return started.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void awaitReleaseUninterruptibly(long timeoutNanos) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + Math.max(0, timeoutNanos);
    try {
      while (true) {
        long remaining = timeoutNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
        if (remaining <= 0) {
          return;
        }
        try {
          if (released.await(remaining, TimeUnit.NANOSECONDS)) {
            return;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return name + "(" + slot + ")";
  }
}
