/**
 * Building a node's diagnostics bundle in-process: {@link
 * dev.skulk.diagnostics.assembly.DiagnosticsAssembler} runs the collectors in parallel under their
 * budgets, merges their readings with the host's cluster state and runner supervisors, and applies
 * the rules; {@link dev.skulk.diagnostics.assembly.ProcessRoles} and {@link
 * dev.skulk.diagnostics.assembly.Placements} are the pure steps it is made of.
 */
@NullMarked
package dev.skulk.diagnostics.assembly;

import org.jspecify.annotations.NullMarked;
