/**
 * Time sources that code in this SDK reads instead of the system clock, so tests can drive time.
 * Wall-clock time is an injected {@link java.time.Clock}; elapsed time is a {@link Ticker}.
 */
@NullMarked
package dev.skulk.diagnostics.time;

import org.jspecify.annotations.NullMarked;
