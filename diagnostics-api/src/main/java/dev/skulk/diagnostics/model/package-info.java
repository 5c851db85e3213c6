/**
 * The diagnostics bundle as immutable records, field for field the wire contract that Python Skulk
 * nodes serve ({@code ClusterDiagnostics} and what it contains, the cluster timeline and the capture
 * bundle). Records are built with their generated {@code ...Builder}; JSON reading and writing lives
 * in {@code dev.skulk.diagnostics.json} (diagnostics-core).
 */
@NullMarked
package dev.skulk.diagnostics.model;

import org.jspecify.annotations.NullMarked;
