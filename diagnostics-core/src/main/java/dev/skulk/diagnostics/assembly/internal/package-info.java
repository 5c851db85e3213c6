/** Helpers of the assembler. Not a stable API: anything here may change without notice. */
@NullMarked
package dev.skulk.diagnostics.assembly.internal;

import org.jspecify.annotations.NullMarked;
