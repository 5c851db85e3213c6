/**
 * The event classes and the emission hooks behind {@link dev.skulk.diagnostics.jfr.SkulkEvents};
 * not a stable API (the event names and fields are: they are documented on {@code SkulkEvents}).
 */
@NullMarked
package dev.skulk.diagnostics.jfr.internal;

import org.jspecify.annotations.NullMarked;
