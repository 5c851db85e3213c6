/**
 * The operator-facing reading of bundles behind {@code skulk-diag triage}, {@code diff} and {@code
 * watch}: what is wrong, on which node and runner, and why we think so. Not a stable API.
 */
@NullMarked
package dev.skulk.diagnostics.cli.triage;

import org.jspecify.annotations.NullMarked;
