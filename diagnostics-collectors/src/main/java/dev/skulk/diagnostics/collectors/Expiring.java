package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value that is loaded once and then served from memory until {@code ttl} has passed on a
 * {@link Ticker}, when the next {@link #get} loads it again: for facts a collector would
 * otherwise recompute on every poll although they change rarely (interface names and addresses,
 * whether a tool is installed, which volume a directory is on). A load that throws is not cached:
 * the next call tries again.
 *
 * <p>Thread-safe: readers of a fresh value take no lock; one caller at a time reloads an expired
 * value while the others wait for it (collectors are not called concurrently by the assembler, so
 * the wait is rare). Cost of a hit: one ticker read and one volatile read.
 *
 * @param <T> the cached value's type
 */
final class Expiring<T> {

  /** Loads the value; {@code E} is what it may throw ({@link RuntimeException} for none). */
  @FunctionalInterface
  interface Loader<T, E extends Exception> {
    T load() throws E;
  }

  private record Entry<T>(T value, long loadedAt) {}

  private final Ticker ticker;
  private final long ttlNanos;
  private final Object lock = new Object();
  private volatile @Nullable Entry<T> entry;

  Expiring(Ticker ticker, Duration ttl) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("negative ttl: " + ttl);
    }
    this.ttlNanos = ttl.toNanos();
  }

  /**
   * The cached value while it is younger than the ttl, else what {@code loader} loads now (the
   * loader is given per call so that it can use the caller's context, such as its time budget).
   */
  <E extends Exception> T get(Loader<? extends T, E> loader) throws E {
    Entry<T> current = entry;
    if (current != null && fresh(current)) {
      return current.value();
    }
    synchronized (lock) {
      current = entry;
      if (current != null && fresh(current)) {
        return current.value(); // another caller reloaded it while this one waited
      }
      long started = ticker.read();
      T value = loader.load();
      entry = new Entry<>(value, started);
      return value;
    }
  }

  /** Forgets the value: the next {@link #get} loads it. */
  void invalidate() {
    entry = null;
  }

  private boolean fresh(Entry<T> current) {
    // Age measured from when the load began, so a slow load does not extend the value's life.
    return ticker.read() - current.loadedAt() < ttlNanos;
  }
}
