package dev.skulk.diagnostics.cluster.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes one cluster view may hold across all its peers' bodies. Readers reserve what they read
 * (or what a peer declares up front) and give it back when they drop the body; a reservation that
 * would go over the limit is refused and the reader drops its peer instead. Not a stable API.
 *
 * <p>Thread-safe (one atomic counter); each call costs one compare-and-set loop.
 */
public final class ByteBudget {

  private final long limitBytes;
  private final AtomicLong taken = new AtomicLong();

  /**
   * @param limitBytes the most bytes held at once
   */
  public ByteBudget(long limitBytes) {
    if (limitBytes < 0) {
      throw new IllegalArgumentException("limitBytes must not be negative, was " + limitBytes);
    }
    this.limitBytes = limitBytes;
  }

  /** A budget that never refuses (for one-peer requests, which the per-peer cap already bounds). */
  public static ByteBudget unlimited() {
    return new ByteBudget(Long.MAX_VALUE);
  }

  /** Takes {@code bytes} when they fit; false (and nothing taken) when they do not. */
  public boolean tryReserve(long bytes) {
    if (bytes <= 0) {
      return true;
    }
    while (true) {
      long now = taken.get();
      if (bytes > limitBytes - now) {
        return false;
      }
      if (taken.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  /** Gives {@code bytes} back. */
  public void release(long bytes) {
    if (bytes > 0) {
      taken.addAndGet(-bytes);
    }
  }

  /** The limit. */
  public long limitBytes() {
    return limitBytes;
  }

  /** What is held now. */
  public long takenBytes() {
    return taken.get();
  }
}
