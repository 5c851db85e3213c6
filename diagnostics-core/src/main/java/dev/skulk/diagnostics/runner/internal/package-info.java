/** Helpers of {@code dev.skulk.diagnostics.runner}; not a stable API. */
@NullMarked
package dev.skulk.diagnostics.runner.internal;

import org.jspecify.annotations.NullMarked;
