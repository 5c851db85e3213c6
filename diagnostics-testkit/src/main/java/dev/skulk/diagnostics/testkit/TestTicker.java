package dev.skulk.diagnostics.testkit;

import dev.skulk.diagnostics.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Ticker} that stands still until a test moves it (Caffeine's {@code FakeTicker}). Given
 * to an assembler, it makes outcome durations and budget decisions deterministic; the assembler
 * still bounds its real waits, so a ticker that never moves cannot make it hang.
 *
 * <p>Thread-safe.
 */
public final class TestTicker implements Ticker {

  private final AtomicLong nanos = new AtomicLong();

  /** Moves the ticker forward by {@code amount}. */
  public TestTicker advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a ticker is monotonic; cannot move it back by " + amount);
    }
    nanos.addAndGet(amount.toNanos());
    return this;
  }

  @Override
  public long read() {
    return nanos.get();
  }

  @Override
  public String toString() {
    return "TestTicker[" + nanos.get() + " ns]";
  }
}
