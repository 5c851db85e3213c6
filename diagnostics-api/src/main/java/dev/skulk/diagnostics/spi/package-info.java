/**
 * The plug-in points of the diagnostics SDK: {@link dev.skulk.diagnostics.spi.Collector} for live
 * readings, {@link dev.skulk.diagnostics.spi.DiagnosticRule} for warnings, {@link
 * dev.skulk.diagnostics.spi.PeerDirectory} for the cluster fan-out.
 */
@NullMarked
// No @org.immutables.value.Generated on generated builders: see the model package.
@Value.Style(allowedClasspathAnnotations = {javax.annotation.processing.Generated.class})
package dev.skulk.diagnostics.spi;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
