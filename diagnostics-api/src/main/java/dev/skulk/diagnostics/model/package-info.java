/**
 * The diagnostics bundle as immutable records, field for field the wire contract that Python Skulk
 * nodes serve ({@code ClusterDiagnostics} and what it contains, the cluster timeline and the capture
 * bundle). Records are built with their generated {@code ...Builder}; JSON reading and writing lives
 * in {@code dev.skulk.diagnostics.json} (diagnostics-core).
 */
@NullMarked
// Immutables is a build-time dependency only (provided): the generated builders must not carry its
// @org.immutables.value.Generated, whose class a host does not have, or a host compiling with
// -Xlint:all -Werror fails on "Cannot find annotation method" (HostCompileIT). The JDK's own
// @javax.annotation.processing.Generated (source retention) is kept.
@Value.Style(allowedClasspathAnnotations = {javax.annotation.processing.Generated.class})
package dev.skulk.diagnostics.model;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
