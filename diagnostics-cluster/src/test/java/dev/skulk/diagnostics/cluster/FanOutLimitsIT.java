package dev.skulk.diagnostics.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequestBuilder;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnosticsBuilder;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnosticsBuilder;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.testkit.FakeSkulkPeer;
import dev.skulk.diagnostics.testkit.FakeSkulkPeer.Behavior;
import dev.skulk.diagnostics.testkit.TestTicker;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fan-out's limits against real loopback peers: hung peers do not hold back healthy ones, the
 * total body budget, the capture deadline, and deadlines read from the injected ticker.
 */
@Timeout(60)
class FanOutLimitsIT {

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private <T extends AutoCloseable> T closing(T resource) {
    toClose.add(resource);
    return resource;
  }

  private ClusterDiagnosticsClient.Builder client(Map<String, URI> peers) {
    return ClusterDiagnosticsClient.builder()
        .localNodeId("local")
        .localNode(() -> TestBundles.node("local"))
        .peerDirectory(StaticPeerDirectory.of(peers));
  }

  @Test
  void eightHungPeersListedFirstDoNotKeepEightHealthyOnesFromAnsweringWithinTheDeadline() {
    // Before: a fixed pool of 8 blocking threads, all taken by the hung peers until the deadline,
    // so the healthy 8 were never asked and came back as ReadTimeouts.
    Map<String, URI> peers = new LinkedHashMap<>();
    List<FakeSkulkPeer> hung = new ArrayList<>();
    List<FakeSkulkPeer> healthy = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      FakeSkulkPeer peer = closing(FakeSkulkPeer.builder().node(TestBundles.node("hung-" + i)).behavior(Behavior.hang()).start());
      hung.add(peer);
      peers.put("hung-" + i, peer.url());
    }
    for (int i = 0; i < 8; i++) {
      FakeSkulkPeer peer = closing(FakeSkulkPeer.serving(TestBundles.node("healthy-" + i)));
      healthy.add(peer);
      peers.put("healthy-" + i, peer.url());
    }
    ClusterDiagnosticsClient client = closing(client(peers).build());
    // The codec's first read in a fresh JVM builds its readers; on two busy cores that alone can
    // take a good part of the deadline, and it is not what this test is about.
    DiagnosticsJson.strict().read(DiagnosticsJson.strict().writeBytes(TestBundles.node("warm-up")), NodeDiagnostics.class);

    long start = System.nanoTime();
    ClusterDiagnostics cluster = client.collect(Duration.ofSeconds(4));
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(seconds).as("generous guard: the 4 s deadline plus scheduling slack").isLessThan(9.0);
    assertThat(cluster.nodes()).hasSize(17);
    for (ClusterNodeDiagnostics node : cluster.nodes().subList(1, 9)) {
      assertThat(node.ok()).as(node.nodeId()).isFalse();
      assertThat(node.error()).as(node.nodeId()).startsWith("ReadTimeout: ");
    }
    for (ClusterNodeDiagnostics node : cluster.nodes().subList(9, 17)) {
      assertThat(node.ok()).as(node.nodeId() + ": " + node.error()).isTrue();
      assertThat(node.diagnostics().runtime().nodeId()).isEqualTo(node.nodeId());
    }
    // Every peer, hung or not, was asked.
    for (FakeSkulkPeer peer : hung) {
      assertThat(peer.requests()).as(peer.nodeId()).hasSize(1);
    }
    for (FakeSkulkPeer peer : healthy) {
      assertThat(peer.requests()).as(peer.nodeId()).hasSize(1);
    }
  }

  @Test
  void peersOverTheTotalBudgetAreOkFalseAndThoseThatFitAreKept() {
    // Before: each peer was capped (32 MiB) but the sum was not, so 40 peers of 31 MiB exhausted
    // the heap. Here 4 peers each serve a valid bundle of about 300 KB under a 700 KB budget: the
    // bodies declare their length, so exactly two fit, whichever arrive first.
    NodeDiagnostics big = padded("big", 300_000);
    int size = DiagnosticsJson.strict().writeBytes(big).length;
    assertThat(size).isBetween(300_000, 310_000);
    long budget = 700_000;
    Map<String, URI> peers = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      peers.put("big-" + i, closing(FakeSkulkPeer.builder().node(big).start()).url());
    }
    ClusterDiagnosticsClient client =
        closing(client(peers).maxTotalResponseBytes(budget).overallDeadline(Duration.ofSeconds(10)).build());

    List<ClusterNodeDiagnostics> nodes = client.collect().nodes().subList(1, 5);

    assertThat(nodes).filteredOn(ClusterNodeDiagnostics::ok).hasSize(2)
        .allSatisfy(node -> assertThat(node.diagnostics()).isEqualTo(big));
    assertThat(nodes).filteredOn(node -> !node.ok()).hasSize(2).allSatisfy(node -> {
      assertThat(node.diagnostics()).isNull();
      assertThat(node.error())
          .isEqualTo("ResponseTooLarge: the response from '" + node.url() + "/v1/diagnostics/node' declares " + size
              + " bytes, which do not fit in what is left of the cluster view's total budget of 700000 bytes;"
              + " other peers' bodies hold the rest");
    });
    // The budget is per view: the next collect has all of it again.
    assertThat(client.collect().nodes().subList(1, 5)).filteredOn(ClusterNodeDiagnostics::ok).hasSize(2);
  }

  @Test
  void aChunkedBodyIsChargedAsItArrivesAndDroppedWhenItNoLongerFits() {
    // A body without a declared length (chunked) is reserved chunk by chunk: 2 MB of whitespace
    // cannot fit in a 1 MB budget, and the peer that serves it is ResponseTooLarge, not an OOM.
    URI chunked = closing(FakeSkulkPeer.builder().behavior(Behavior.oversized(2_000_000, false)).start()).url();
    ClusterDiagnosticsClient client = closing(client(Map.of("chunked", chunked)).maxTotalResponseBytes(1_000_000).build());
    ClusterNodeDiagnostics node = client.collect(Duration.ofSeconds(10)).nodes().get(1);
    assertThat(node.ok()).isFalse();
    assertThat(node.error()).startsWith("ResponseTooLarge: ").contains("total budget of 1000000 bytes");
  }

  @Test
  void aCaptureOnAHungPeerEndsAtTheDeadlineItIsGiven() {
    // Before: the capture path waited for its own 45 s timeout whatever deadline the caller had.
    FakeSkulkPeer peer = closing(FakeSkulkPeer.builder().nodeId("hung").behavior(Behavior.hang()).start());
    ClusterDiagnosticsClient client = closing(client(Map.of("hung", peer.url())).build());
    long start = System.nanoTime();
    assertThatThrownBy(() -> client.capturePeer("hung",
            new DiagnosticCaptureRequestBuilder().runnerId("r1").sampleDurationSeconds(1.0).build(), Duration.ofSeconds(1)))
        .isInstanceOf(PeerRequestException.class)
        .hasMessageStartingWith("ReadTimeout: ")
        .hasMessageContaining(peer.url() + "/v1/diagnostics/node/capture");
    assertThat((System.nanoTime() - start) / 1e9).as("generous guard over the 1 s deadline").isLessThan(6.0);
    assertThat(peer.requests()).hasSize(1);
    assertThat(peer.requests().get(0).method()).isEqualTo("POST");
    assertThat(Long.parseLong(peer.requests().get(0).header("X-Skulk-Diag-Deadline"))).isBetween(1L, 1000L);
  }

  @Test
  void deadlinesAreReadFromTheInjectedTicker() {
    // The peer directory is consulted after the deadline is fixed; moving the test ticker past it
    // there means no peer request may start, though the peer is healthy and no real time passed.
    FakeSkulkPeer peer = closing(FakeSkulkPeer.serving(TestBundles.node("healthy")));
    TestTicker ticker = new TestTicker();
    ClusterDiagnosticsClient client =
        closing(ClusterDiagnosticsClient.builder()
            .localNodeId("local")
            .localNode(() -> TestBundles.node("local"))
            .peerDirectory(() -> {
              ticker.advance(Duration.ofSeconds(30));
              return Map.of("healthy", peer.url());
            })
            .ticker(ticker)
            .build());
    ClusterNodeDiagnostics node = client.collect(Duration.ofSeconds(5)).nodes().get(1);
    assertThat(node.ok()).isFalse();
    assertThat(node.error()).isEqualTo(
        "ReadTimeout: the deadline passed before the request to '" + peer.url() + "/v1/diagnostics/node' started");
    assertThat(peer.requests()).isEmpty();
  }

  /** A valid bundle whose JSON is about {@code bytes} long (the padding is its working directory). */
  static NodeDiagnostics padded(String nodeId, int bytes) {
    NodeDiagnostics base = TestBundles.node(nodeId);
    return new NodeDiagnosticsBuilder()
        .from(base)
        .runtime(new NodeRuntimeDiagnosticsBuilder().from(base.runtime()).cwd("/" + "d".repeat(bytes)).build())
        .build();
  }
}
