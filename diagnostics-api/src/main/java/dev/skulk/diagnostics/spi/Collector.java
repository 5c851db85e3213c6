package dev.skulk.diagnostics.spi;

import org.jspecify.annotations.Nullable;

/**
 * A source of one live reading of the node bundle. Implementations are discovered through {@link
 * java.util.ServiceLoader} (list them in {@code META-INF/services/dev.skulk.diagnostics.spi.Collector})
 * or registered explicitly with the assembler.
 *
 * <p>Several collectors may serve one {@link Slot}: among those that are {@link #isAvailable()
 * available}, the one with the highest {@link #priority()} wins (ties: the first registered).
 *
 * <p>The assembler isolates every call: whatever {@link #collect} does (throw, hang, return the
 * wrong type, fail to link a native library), the bundle is still returned in time, the slot stays
 * empty and one warning names the collector. Implementations must be thread-safe: the assembler may
 * call {@link #collect} from any thread, and a slow call may still be running when the next starts.
 *
 * @param <T> the type of the reading
 */
public interface Collector<T> {

  /** The slot this collector fills. */
  Slot<T> slot();

  /** A stable, non-blank name used in outcomes, warnings and enable/disable switches. */
  String name();

  /**
   * Whether this collector can run on this machine (a cheap platform check: OS, a file, a
   * library). An unavailable collector is skipped and reported as {@code unavailable}, not failed.
   */
  default boolean isAvailable() {
    return true;
  }

  /**
   * Whether this collector can run in this collection. The assembler asks this one; by default it
   * is {@link #isAvailable()}. Override it when availability depends on what the host configured
   * ({@link CollectContext#hostFacts()}, for example a native library's path); keep it as cheap.
   */
  default boolean isAvailable(CollectContext context) {
    return isAvailable();
  }

  /** Higher wins among the available collectors of one slot. Platform-specific sources use 100, generic fallbacks 0. */
  default int priority() {
    return 0;
  }

  /**
   * Takes the reading. Should finish well within {@link CollectContext#remainingNanos()}; should
   * respond to interruption.
   *
   * @return the reading, or null when there is none on this machine right now
   * @throws Exception any failure; it becomes this collector's failed outcome
   */
  @Nullable T collect(CollectContext context) throws Exception;
}
