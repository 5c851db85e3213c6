package dev.skulk.diagnostics.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.state.ClusterStateView;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cluster view's {@code masterNodeId}, as upstream's {@code get_cluster_diagnostics} writes it:
 * {@code str(self._master_node_id)}, which is the node itself until an election says otherwise.
 */
class ClusterMasterTest {

  @Test
  void withoutAnElectionTheLocalNodeIsTheMaster() {
    try (ClusterDiagnosticsClient client = ClusterDiagnosticsClient.builder()
        .localNodeId("local")
        .localNode(() -> TestBundles.node("local"))
        .peerDirectory(StaticPeerDirectory.of(Map.of()))
        .build()) {
      ClusterDiagnostics cluster = client.collect();
      assertThat(cluster.masterNodeId()).isEqualTo("local");
    }
  }

  @Test
  void aStandaloneStateViewNamesItselfMaster() {
    try (ClusterDiagnosticsClient client = ClusterDiagnosticsClient.builder()
        .stateView(ClusterStateView.standalone("solo"))
        .localNode(() -> TestBundles.node("solo"))
        .peerDirectory(StaticPeerDirectory.of(Map.of()))
        .build()) {
      assertThat(client.collect().masterNodeId()).isEqualTo("solo");
    }
  }

  @Test
  void anElectedMasterWins() {
    try (ClusterDiagnosticsClient client = ClusterDiagnosticsClient.builder()
        .localNodeId("local")
        .localNode(() -> TestBundles.node("local"))
        .masterNodeId(() -> "elsewhere")
        .peerDirectory(StaticPeerDirectory.of(Map.of()))
        .build()) {
      assertThat(client.collect().masterNodeId()).isEqualTo("elsewhere");
    }
  }
}
