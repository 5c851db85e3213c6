/**
 * A Micrometer {@link io.micrometer.core.instrument.binder.MeterBinder} for what only this SDK knows:
 * runner phases and liveness, warnings by rule, collector outcomes, accelerator readings and leaked
 * wired memory. See {@link dev.skulk.diagnostics.micrometer.SkulkMeterBinder}.
 */
@NullMarked
package dev.skulk.diagnostics.micrometer;

import org.jspecify.annotations.NullMarked;
