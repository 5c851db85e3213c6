/**
 * The host's read-only, event-sourced cluster state as the assembler sees it: {@link
 * dev.skulk.diagnostics.state.ClusterStateView} and the small records it returns.
 */
@NullMarked
// No @org.immutables.value.Generated on generated builders: see the model package.
@Value.Style(allowedClasspathAnnotations = {javax.annotation.processing.Generated.class})
package dev.skulk.diagnostics.state;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
