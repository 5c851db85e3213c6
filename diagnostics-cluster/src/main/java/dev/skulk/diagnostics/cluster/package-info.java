/**
 * The cluster view: where the peers are ({@link dev.skulk.diagnostics.cluster.StaticPeerDirectory},
 * {@link dev.skulk.diagnostics.cluster.StatePeerDirectory}), the parallel fan-out that collects
 * every node's bundle under one deadline ({@link
 * dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient}), the cross-node timeline ({@link
 * dev.skulk.diagnostics.cluster.ClusterTimelines}) and the on-demand capture of one runner ({@link
 * dev.skulk.diagnostics.cluster.CaptureService}).
 */
@NullMarked
package dev.skulk.diagnostics.cluster;

import org.jspecify.annotations.NullMarked;
