package dev.skulk.diagnostics.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.testkit.FakeSkulkPeer;
import dev.skulk.diagnostics.testkit.SampleBundles;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The worked example of {@link FakeSkulkPeer}'s javadoc, as written there, so that it keeps working. */
@Timeout(30)
class FakeSkulkPeerExampleIT {

  @Test
  void theJavadocExampleDoesWhatItSays() {
    NodeDiagnostics myBundle = TestBundles.node("me");

    NodeDiagnostics bundle = SampleBundles.nodeWithTwoRunnersMidDecode();
    try (FakeSkulkPeer peer = FakeSkulkPeer.serving(bundle);
        ClusterDiagnosticsClient client = ClusterDiagnosticsClient.builder()
            .localNodeId("me").localNode(() -> myBundle)
            .peerDirectory(StaticPeerDirectory.of(Map.of(peer.nodeId(), peer.url())))
            .build()) {
      assertThat(client.collect().nodes().get(1).diagnostics()).isEqualTo(bundle);

      peer.behave(FakeSkulkPeer.Behavior.hang());           // from now on: read the request, say nothing
      ClusterNodeDiagnostics entry = client.collect(Duration.ofSeconds(1)).nodes().get(1);
      assertThat(entry.error()).startsWith("ReadTimeout: ");
      assertThat(peer.requests()).hasSize(2);              // what the peer saw, headers included
    }
  }
}
