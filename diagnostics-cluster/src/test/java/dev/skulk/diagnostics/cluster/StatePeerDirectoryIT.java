package dev.skulk.diagnostics.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skulk.diagnostics.testkit.FakeSkulkPeer;
import dev.skulk.diagnostics.testkit.TestTicker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Probing {@code /node_id} on several addresses of one port. Linux routes all of 127.0.0.0/8 to the
 * loopback interface, so 127.0.0.2, .3 and .4 stand for three hosts with the same API port.
 */
@Timeout(20)
class StatePeerDirectoryIT {

  private final List<FakeSkulkPeer> peers = new ArrayList<>();

  @AfterEach
  void stopPeers() {
    peers.forEach(FakeSkulkPeer::close);
  }

  /** A peer answering {@code /node_id} with {@code nodeId}, or with {@code body} as is when given. */
  private FakeSkulkPeer answering(String address, int port, String nodeId, @Nullable String body) throws IOException {
    FakeSkulkPeer.Builder builder = FakeSkulkPeer.builder().nodeId(nodeId).bind(InetAddress.getByName(address), port);
    if (body != null) {
      builder.behavior(FakeSkulkPeer.Behavior.status(200, body));
    }
    FakeSkulkPeer peer = builder.start();
    peers.add(peer);
    return peer;
  }

  private int hits() {
    return peers.stream().mapToInt(peer -> peer.requests().size()).sum();
  }

  private static boolean canBind(String address) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
      return socket.isBound();
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void theFirstAddressThatConfirmsTheNodeIdWinsAndTheResultIsCached() throws IOException {
    assumeTrue(canBind("127.0.0.2") && canBind("127.0.0.3"), "needs 127.0.0.0/8 on loopback (Linux)");
    FakeSkulkPeer b = answering("127.0.0.2", 0, "node-b", null);
    int port = b.port();
    try {
      answering("127.0.0.3", port, "node-c", null);
      answering("127.0.0.4", port, "someone-else", null);
      answering("127.0.0.6", port, "node-b", "{\"nodeId\":\"node-b\"}");
    } catch (UncheckedIOException e) {
      assumeTrue(false, "port " + port + " is taken on another loopback address");
    }
    FakeState state =
        new FakeState("node-a")
            .node("node-b", "127.0.0.5", "127.0.0.4", "127.0.0.6", "127.0.0.2") // refused, wrong id, not a string, right
            .node("node-c", "127.0.0.3")
            .node("node-d", "127.0.0.5") // nothing listens: left out
            .node("node-e"); // no network reading: left out
    TestTicker now = new TestTicker();
    StatePeerDirectory directory =
        StatePeerDirectory.builder(state.build())
            .port(port)
            .includeLoopback(true)
            .probeTimeout(Duration.ofSeconds(1))
            .cacheTtl(Duration.ofSeconds(30))
            .ticker(now)
            .build();
    long start = System.nanoTime();
    Map<String, URI> found = directory.peers();
    // A generous real-time guard (the 1 s probe timeout + 5 s) against a probe that hangs.
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0 + 5.0);
    assertThat(found).containsExactly(
        Map.entry("node-b", URI.create("http://127.0.0.2:" + port)),
        Map.entry("node-c", URI.create("http://127.0.0.3:" + port)));
    // The first confirmation answers peers(); the other probes of node-b may still be on their way
    // to the fake peers then, so their arrival is awaited (bounded) rather than assumed.
    int probes = 4;
    awaitHits(probes);

    now.advance(Duration.ofSeconds(29));
    assertThat(directory.peers()).isEqualTo(found);
    assertThat(hits()).as("a fresh cache probes nothing").isEqualTo(probes);

    now.advance(Duration.ofSeconds(2));
    assertThat(directory.peers()).isEqualTo(found);
    awaitHits(2 * probes);
  }

  /** Polls (for 5 s at most) until exactly {@code expected} probes arrived, then checks no more do. */
  private void awaitHits(int expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (hits() < expected && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
    assertThat(hits()).isEqualTo(expected);
  }

  @Test
  void loopbackAddressesAreSkippedByDefault() {
    FakeState state = new FakeState("node-a").node("node-b", "127.0.0.1", "::1");
    assertThat(StatePeerDirectory.builder(state.build()).build().peers()).isEmpty();
  }
}
