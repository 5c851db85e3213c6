package dev.skulk.diagnostics.assembly;

import java.util.Objects;

/**
 * A collector that could not be registered: a {@link java.util.ServiceLoader} provider that failed
 * to load, link or construct, or a collector whose {@code name()}, {@code slot()} or {@code
 * priority()} threw or returned nothing usable. The others still load; each failure is logged with
 * its cause and becomes one warning of every bundle.
 *
 * <p>Immutable and thread-safe (the {@code cause} is shared, not copied).
 *
 * @param provider the provider's class name, or {@code unknown} when the class itself could not be
 *     named
 * @param cause what went wrong
 */
public record CollectorLoadFailure(String provider, Throwable cause) {

  public CollectorLoadFailure {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(cause, "cause");
  }
}
