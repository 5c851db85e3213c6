/**
 * The README's testkit guide, one worked example per testkit class, written as a host's test in a
 * package of its own, so that it uses nothing but the testkit's public API.
 */
@NullMarked
package dev.skulk.diagnostics.testkit.guide;

import org.jspecify.annotations.NullMarked;
