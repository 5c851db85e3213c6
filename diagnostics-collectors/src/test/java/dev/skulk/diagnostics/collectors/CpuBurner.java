package dev.skulk.diagnostics.collectors;

/** Keeps a core busy for a bounded time (a busy loop, not a sleep) so CPU counters move. */
final class CpuBurner {

  private static volatile long sink;

  private CpuBurner() {}

  /** Spins on this thread for {@code millis} of wall time. */
  static void burn(long millis) {
    long end = System.nanoTime() + millis * 1_000_000L;
    long x = 1;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 10_000; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
    }
    sink = x;
  }
}
