/** Meter families behind {@link dev.skulk.diagnostics.micrometer.SkulkMeterBinder}; not a stable API. */
@NullMarked
package dev.skulk.diagnostics.micrometer.internal;

import org.jspecify.annotations.NullMarked;
