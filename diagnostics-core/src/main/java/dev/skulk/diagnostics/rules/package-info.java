/**
 * Built-in {@link dev.skulk.diagnostics.spi.DiagnosticRule}s: {@link
 * dev.skulk.diagnostics.rules.RuleSets#skulk()} reproduces Python Skulk's warnings byte for byte,
 * {@link dev.skulk.diagnostics.rules.RuleSets#extended()} adds opt-in heuristics of our own.
 * Every rule is a pure function of the draft bundle and the state view.
 */
@NullMarked
package dev.skulk.diagnostics.rules;

import org.jspecify.annotations.NullMarked;
