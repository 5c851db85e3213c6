package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import java.io.PrintWriter;
import java.time.Duration;

/** Builds the fan-out client the cluster commands share, and shows its progress on a terminal. */
final class ClusterClients {

  private ClusterClients() {}

  static ClusterDiagnosticsClient newClient(
      LocalNodeOptions local, PeerOptions peers, DiagnosticsAssembler assembler, Duration deadline) {
    return ClusterDiagnosticsClient.builder()
        .localNodeId(local.resolvedNodeId())
        .localNode(assembler::assembleNode)
        .peerDirectory(peers.directory())
        .overallDeadline(deadline)
        .build();
  }

  /**
   * The cluster bundle of this machine and the peers: an assembler and a fan-out client for one
   * collection, closed after it, with progress on {@code err} when it is a terminal.
   */
  static ClusterDiagnostics collect(LocalNodeOptions local, PeerOptions peers, FanOutOptions fanOut, PrintWriter err) {
    Duration deadline = fanOut.deadline();
    try (DiagnosticsAssembler assembler = local.newAssembler();
        ClusterDiagnosticsClient client = newClient(local, peers, assembler, deadline)) {
      return client.collect(deadline, progressOn(err));
    }
  }

  /**
   * A progress line on stderr ({@code peers answered 2/5}), rewritten in place, when stderr is a
   * terminal; nothing otherwise, so redirected output stays clean.
   */
  static dev.skulk.diagnostics.cluster.FanOutProgress progressOn(PrintWriter err) {
    if (!Terminal.stderrIsTerminal()) {
      return (answered, total) -> {};
    }
    return (answered, total) -> {
      synchronized (err) {
        err.print("\rpeers answered " + answered + "/" + total + (answered == total ? "\n" : ""));
        err.flush();
      }
    };
  }
}
