package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.spi.Slot;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one registered collector during one assembly, returned beside the bundle in
 * {@link AssemblyReport#outcomes()}. Failures and timeouts are also one bundle warning each (see
 * {@link DiagnosticsAssembler}); the other statuses are not.
 *
 * <p>Immutable and thread-safe (the {@code cause} is shared, not copied).
 *
 * @param collectorName the collector's {@link dev.skulk.diagnostics.spi.Collector#name() name}
 * @param slot the slot it serves
 * @param status what happened
 * @param duration how long the assembler spent on it, on the assembler's ticker ({@link
 *     Duration#ZERO} when it was not called)
 * @param cause the failure: the exception thrown, the {@link ClassCastException} of a value of the
 *     wrong type, or a {@link java.util.concurrent.TimeoutException} whose stack trace is where the
 *     collector's thread was when its budget ran out; null otherwise
 */
public record CollectorOutcome(
    String collectorName, Slot<?> slot, Status status, Duration duration, @Nullable Throwable cause) {

  /** What happened to a collector. */
  public enum Status {
    /** It was called and returned in time; its reading (possibly none) is in the bundle. */
    OK,
    /** {@link dev.skulk.diagnostics.spi.Collector#isAvailable()} said no; not called, no warning. */
    UNAVAILABLE,
    /**
     * {@code isAvailable()} or {@code collect()} threw (a {@link LinkageError} included), the value
     * had the wrong type, or no thread could be had for it; one warning.
     */
    FAILED,
    /** It did not return within its budget; its thread was interrupted; one warning. */
    TIMED_OUT,
    /**
     * Not called: another collector of its slot won, its previous call had not returned yet (one
     * warning), or the assembler was closed.
     */
    SKIPPED,
    /** Disabled by name on the builder; not called, no warning. */
    DISABLED
  }

  public CollectorOutcome {
    Objects.requireNonNull(collectorName, "collectorName");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(duration, "duration");
  }
}
