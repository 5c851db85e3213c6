package dev.skulk.diagnostics.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it. Clocks made by {@link #withZone} share
 * the instant with this one.
 *
 * <p>Thread-safe: the instant is read and moved atomically.
 */
public final class TestClock extends Clock {

  /** The instant a clock made with {@link #TestClock()} starts at. */
  public static final Instant DEFAULT_INSTANT = Instant.parse("2026-01-01T00:00:00Z");

  private final AtomicReference<Instant> instant;
  private final ZoneId zone;

  /** A UTC clock at {@link #DEFAULT_INSTANT}. */
  public TestClock() {
    this(new AtomicReference<>(DEFAULT_INSTANT), ZoneOffset.UTC);
  }

  private TestClock(AtomicReference<Instant> instant, ZoneId zone) {
    this.instant = instant;
    this.zone = zone;
  }

  /** A UTC clock at {@code instant}. */
  public static TestClock at(Instant instant) {
    return new TestClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
  }

  /** Moves the clock by {@code amount} (which may be negative). */
  public TestClock advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    instant.updateAndGet(now -> now.plus(amount));
    return this;
  }

  /** Sets the clock to {@code newInstant}. */
  public TestClock setInstant(Instant newInstant) {
    instant.set(Objects.requireNonNull(newInstant, "newInstant"));
    return this;
  }

  @Override
  public Instant instant() {
    return Objects.requireNonNull(instant.get()); // never set to null
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new TestClock(instant, Objects.requireNonNull(newZone, "newZone"));
  }

  @Override
  public String toString() {
    return "TestClock[" + instant.get() + ", " + zone + "]";
  }
}
