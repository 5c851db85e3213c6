package dev.skulk.diagnostics.time;

/**
 * A monotonic source of nanoseconds, for measuring elapsed time (how long a runner has been in a
 * phase, how long a collector took). Only differences between two readings of the same ticker mean
 * anything; a reading is not a wall-clock time. Inject one wherever code measures durations, and
 * pass a fake in tests instead of sleeping.
 *
 * <p>Implementations must be thread-safe and cheap: callers read them on hot paths.
 */
@FunctionalInterface
public interface Ticker {

  /** Nanoseconds since an arbitrary fixed origin; never decreases between two calls. */
  long read();

  /** The JVM's monotonic clock, {@link System#nanoTime()}: thread-safe, a few nanoseconds a call. */
  static Ticker system() {
    return System::nanoTime;
  }
}
