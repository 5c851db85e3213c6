/**
 * Building a node's diagnostics bundle in-process: {@link
 * dev.skulk.diagnostics.assembly.DiagnosticsAssembler} runs the collectors in parallel under their
 * budgets, merges their readings with the host's cluster state and runner supervisors, and applies
 * the rules; {@link dev.skulk.diagnostics.assembly.Placements} is a pure step it is made of, and
 * {@link dev.skulk.diagnostics.assembly.ProcessRoles} the role rules a processes collector applies
 * to the raw {@code argv}.
 */
@NullMarked
package dev.skulk.diagnostics.assembly;

import org.jspecify.annotations.NullMarked;
