/** The {@code skulk-diag} command-line tool. Not a stable API: use the library modules instead. */
@NullMarked
package dev.skulk.diagnostics.cli;

import org.jspecify.annotations.NullMarked;
