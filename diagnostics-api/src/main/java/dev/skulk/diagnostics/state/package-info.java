/**
 * The host's read-only, event-sourced cluster state as the assembler sees it: {@link
 * dev.skulk.diagnostics.state.ClusterStateView} and the small records it returns.
 */
@NullMarked
package dev.skulk.diagnostics.state;

import org.jspecify.annotations.NullMarked;
