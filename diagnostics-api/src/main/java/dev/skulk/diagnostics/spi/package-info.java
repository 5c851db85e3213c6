/**
 * The plug-in points of the diagnostics SDK: {@link dev.skulk.diagnostics.spi.Collector} for live
 * readings, {@link dev.skulk.diagnostics.spi.DiagnosticRule} for warnings, {@link
 * dev.skulk.diagnostics.spi.PeerDirectory} for the cluster fan-out.
 */
@NullMarked
package dev.skulk.diagnostics.spi;

import org.jspecify.annotations.NullMarked;
