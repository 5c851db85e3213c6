package dev.skulk.diagnostics.time;

/**
 * A source of monotonic nanoseconds for measuring elapsed time; {@link #system()} in production, a
 * fake that tests advance by hand. Implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface Ticker {

  /** Nanoseconds since an arbitrary, fixed origin; only differences between readings mean anything. */
  long read();

  /** The JVM's monotonic clock, {@link System#nanoTime()}. */
  static Ticker system() {
    return System::nanoTime;
  }
}
