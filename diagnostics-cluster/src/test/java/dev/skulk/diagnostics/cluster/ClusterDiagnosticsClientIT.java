package dev.skulk.diagnostics.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.testkit.FakeSkulkPeer;
import dev.skulk.diagnostics.testkit.FakeSkulkPeer.Behavior;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fan-out against real sockets on 127.0.0.1: one good peer shape and every way a peer fails. */
@Timeout(30)
class ClusterDiagnosticsClientIT {

  static final String PYTHON_BUNDLE = resource("python-node-bundle.json");
  static final long HUNDRED_MIB = 100L * 1024 * 1024;

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

  private ClusterDiagnosticsClient client(Map<String, URI> peers, Duration perPeer, Duration overall) {
    return closing(
        ClusterDiagnosticsClient.builder()
            .localNodeId("local")
            .localNode(() -> TestBundles.node("local"))
            .masterNodeId(() -> "local")
            .peerDirectory(StaticPeerDirectory.of(peers))
            .perPeerTimeout(perPeer)
            .overallDeadline(overall)
            .build());
  }

  /** One way for a peer to fail, and the error kind it must give. */
  record Scenario(String name, String kind, Supplier<URI> peer) {
    @Override
    public String toString() {
      return name;
    }
  }

  private Scenario scenario(String name, String kind, Behavior behavior) {
    return new Scenario(name, kind, () -> closing(FakeSkulkPeer.builder().nodeJson(PYTHON_BUNDLE).behavior(behavior).start()).url());
  }

  private Scenario scenario(String name, String kind, String nodeJson) {
    return new Scenario(name, kind, () -> closing(FakeSkulkPeer.builder().nodeJson(nodeJson).start()).url());
  }

  private URI peer(Behavior behavior) {
    return closing(FakeSkulkPeer.builder().nodeJson(PYTHON_BUNDLE).behavior(behavior).start()).url();
  }

  List<Scenario> failures() {
    return List.of(
        scenario("headers then nothing", "ReadTimeout: ", Behavior.headersThenHang()),
        scenario("trickles a byte a second", "ReadTimeout: ", Behavior.trickle(Duration.ofSeconds(1))),
        scenario("accepts and never answers", "ReadTimeout: ", Behavior.hang()),
        new Scenario("refuses", "ConnectError: ", FakeSkulkPeer::unusedLoopbackUrl),
        scenario("500 with the Skulk envelope", "HTTPStatusError: Server error '500 Internal Server Error' for url '",
            Behavior.serverError("boom: assembler crashed")),
        scenario("malformed JSON", "ValidationError: ", Behavior.malformed()),
        scenario("unknown field", "ValidationError: ", PYTHON_BUNDLE.replaceFirst("\\{", "{\"surprise\":1,")),
        scenario("integer written as a float", "ValidationError: ",
            PYTHON_BUNDLE.replace("\"deviceRank\":1,", "\"deviceRank\":1.0,")),
        scenario("declares 100 MiB", "ResponseTooLarge: ", Behavior.oversized(HUNDRED_MIB, true)),
        scenario("streams 100 MiB chunked", "ResponseTooLarge: ", Behavior.oversized(HUNDRED_MIB, false)),
        scenario("redirects", "HTTPStatusError: Redirect response '302 Found' for url '",
            Behavior.redirect("http://example.invalid/elsewhere")));
  }

  static Stream<Arguments> scenarioNames() {
    return Stream.of("headers then nothing", "trickles a byte a second", "accepts and never answers", "refuses",
            "500 with the Skulk envelope", "malformed JSON", "unknown field", "integer written as a float",
            "declares 100 MiB", "streams 100 MiB chunked", "redirects")
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarioNames")
  void eachFailingPeerBecomesAnOkFalseEntryWithinTheDeadline(String name) {
    Scenario scenario = failures().stream().filter(s -> s.name.equals(name)).findFirst().orElseThrow();
    URI url = scenario.peer.get();
    ClusterDiagnosticsClient client = client(Map.of("peer", url), Duration.ofSeconds(1), Duration.ofSeconds(2));
    long start = System.nanoTime();
    ClusterDiagnostics cluster = client.collect();
    double seconds = (System.nanoTime() - start) / 1e9;
    // A generous real-time guard (the 2 s deadline + 5 s): it catches a client that waits on the
    // peer (a trickle of the bundle at a byte a second, 100 MiB) instead of its deadline, and stays
    // green with both cores busy.
    assertThat(seconds).isLessThan(2.0 + 5.0);
    assertThat(cluster.nodes()).hasSize(2);
    ClusterNodeDiagnostics peer = cluster.nodes().get(1);
    assertThat(peer.nodeId()).isEqualTo("peer");
    assertThat(peer.url()).isEqualTo(url.toString());
    assertThat(peer.ok()).isFalse();
    assertThat(peer.diagnostics()).isNull();
    assertThat(peer.error()).startsWith(scenario.kind);
    assertThat(client.lastGood("peer")).isNull();
  }

  @Test
  void statusErrorsNameTheCodeTheUrlAndThePeersDetail() {
    URI envelope = peer(Behavior.serverError("boom"));
    URI detail = peer(Behavior.status(503, "{\"detail\":\"state not ready\"}"));
    URI redirect = peer(Behavior.redirect("/v2/diagnostics/node"));
    Map<String, URI> peers = new LinkedHashMap<>();
    peers.put("envelope", envelope);
    peers.put("detail", detail);
    peers.put("redirect", redirect);
    List<ClusterNodeDiagnostics> nodes = client(peers, Duration.ofSeconds(2), Duration.ofSeconds(3)).collect().nodes();
    assertThat(nodes.get(1).error()).isEqualTo(
        "HTTPStatusError: Server error '500 Internal Server Error' for url '" + envelope + "/v1/diagnostics/node': boom");
    assertThat(nodes.get(2).error()).isEqualTo(
        "HTTPStatusError: Server error '503 Service Unavailable' for url '" + detail + "/v1/diagnostics/node': state not ready");
    assertThat(nodes.get(3).error()).isEqualTo(
        "HTTPStatusError: Redirect response '302 Found' for url '" + redirect
            + "/v1/diagnostics/node' (redirect to '/v2/diagnostics/node' not followed)");
  }

  @Test
  void validationErrorsNameThePathThatFailed() {
    URI unknown = closing(FakeSkulkPeer.builder().nodeJson(PYTHON_BUNDLE.replaceFirst("\\{", "{\"surprise\":1,")).start()).url();
    URI floaty = closing(FakeSkulkPeer.builder().nodeJson(PYTHON_BUNDLE.replace("\"deviceRank\":1,", "\"deviceRank\":1.0,")).start()).url();
    Map<String, URI> peers = new LinkedHashMap<>();
    peers.put("unknown", unknown);
    peers.put("floaty", floaty);
    List<ClusterNodeDiagnostics> nodes = client(peers, Duration.ofSeconds(2), Duration.ofSeconds(3)).collect().nodes();
    assertThat(nodes.get(1).error()).startsWith("ValidationError: ").contains("surprise");
    assertThat(nodes.get(2).error()).startsWith("ValidationError: ").contains("deviceRank");
  }

  @Test
  void aPeerWhoseAcceptQueueIsFullIsAConnectTimeout() throws Exception {
    // A listener that never accepts: once its backlog is full the kernel drops further SYNs.
    java.net.ServerSocket listener = closing(new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()));
    java.net.InetSocketAddress address = (java.net.InetSocketAddress) listener.getLocalSocketAddress();
    boolean full = false;
    for (int i = 0; i < 16 && !full; i++) {
      Socket filler = closing(new Socket());
      try {
        filler.connect(address, 200);
      } catch (java.net.SocketTimeoutException e) {
        full = true;
      }
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(full, "this kernel does not drop SYNs on a full backlog");
    ClusterDiagnosticsClient client =
        closing(ClusterDiagnosticsClient.builder()
            .localNodeId("local")
            .localNode(() -> TestBundles.node("local"))
            .peerDirectory(StaticPeerDirectory.of(Map.of("full", URI.create("http://127.0.0.1:" + address.getPort()))))
            .connectTimeout(Duration.ofMillis(500))
            .perPeerTimeout(Duration.ofSeconds(2))
            .overallDeadline(Duration.ofSeconds(3))
            .build());
    long start = System.nanoTime();
    ClusterNodeDiagnostics peer = client.collect().nodes().get(1);
    // The message proves the 0.5 s connect timeout fired (not the 2 s per-peer one); the time is
    // only a generous guard against a hang.
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(0.5 + 5.0);
    assertThat(peer.error()).startsWith("ConnectTimeout: connecting to 'http://127.0.0.1:" + address.getPort() + "' timed out after 0.5s");
  }

  @Test
  void allFailuresAtOnceFinishWithinTheOverallDeadline() {
    Map<String, URI> peers = new LinkedHashMap<>();
    Map<String, String> kinds = new LinkedHashMap<>();
    int i = 0;
    for (Scenario scenario : failures()) {
      String id = "peer-" + i++;
      peers.put(id, scenario.peer.get());
      kinds.put(id, scenario.kind);
    }
    URI good = peer(Behavior.serve());
    peers.put("py-node", good);
    ClusterDiagnosticsClient client = client(peers, Duration.ofSeconds(2), Duration.ofSeconds(3));
    long start = System.nanoTime();
    ClusterDiagnostics cluster = client.collect();
    double seconds = (System.nanoTime() - start) / 1e9;
    // Generous real-time guard (the 3 s deadline + 5 s): without the deadline the trickling peer
    // alone would take minutes.
    assertThat(seconds).isLessThan(3.0 + 5.0);
    assertThat(cluster.nodes()).extracting(ClusterNodeDiagnostics::nodeId)
        .containsExactlyElementsOf(concat("local", peers.keySet()));
    for (ClusterNodeDiagnostics node : cluster.nodes().subList(1, peers.size())) {
      assertThat(node.ok()).as(node.nodeId()).isFalse();
      assertThat(node.error()).as(node.nodeId()).startsWith(kinds.get(node.nodeId()));
    }
    assertThat(cluster.nodes().get(peers.size()).ok()).isTrue();
  }

  @Test
  void peersStillQueuedAtTheDeadlineAreReadTimeouts() {
    Map<String, URI> peers = new LinkedHashMap<>();
    List<FakeSkulkPeer> silent = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      FakeSkulkPeer peer = closing(FakeSkulkPeer.builder().nodeJson(PYTHON_BUNDLE).behavior(Behavior.hang()).start());
      silent.add(peer);
      peers.put("silent-" + i, peer.url());
    }
    ClusterDiagnosticsClient client =
        closing(ClusterDiagnosticsClient.builder()
            .localNodeId("local")
            .localNode(() -> TestBundles.node("local"))
            .peerDirectory(StaticPeerDirectory.of(peers))
            .maxConcurrency(1)
            .perPeerTimeout(Duration.ofSeconds(1))
            .overallDeadline(Duration.ofMillis(1500))
            .build());
    ClusterDiagnostics cluster = client.collect();
    // One request at a time, each held for its whole 1 s per-peer timeout: silent-1 cannot start
    // before 1 s, nor end before 2 s, so with the 1.5 s overall deadline silent-2 and silent-3 are
    // still queued when it passes and must never be asked. A client that ignored the deadline would
    // ask all four (in about 4 s). No wall-clock bound is needed for that.
    assertThat(silent.get(0).requests()).hasSize(1);
    assertThat(silent.get(2).requests()).isEmpty();
    assertThat(silent.get(3).requests()).isEmpty();
    assertThat(cluster.nodes()).hasSize(5);
    assertThat(cluster.nodes().subList(1, 5)).allSatisfy(node -> {
      assertThat(node.ok()).isFalse();
      assertThat(node.error()).startsWith("ReadTimeout: ");
    });
  }

  @Test
  void aBundleAsPythonSkulkWritesItIsReadStrictAndRemembered() {
    FakeSkulkPeer pythonPeer = closing(FakeSkulkPeer.builder().nodeJson(PYTHON_BUNDLE).start());
    URI python = pythonPeer.url();
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T03:13:14Z"), ZoneOffset.UTC);
    ClusterDiagnosticsClient client =
        closing(ClusterDiagnosticsClient.builder()
            .localNodeId("local")
            .localNode(() -> TestBundles.node("local"))
            .masterNodeId(() -> "py-node")
            .peerDirectory(StaticPeerDirectory.of(Map.of("py-node", python)))
            .perPeerTimeout(Duration.ofSeconds(2))
            .clock(clock)
            .build());
    ClusterDiagnostics cluster = client.collect();
    assertThat(cluster.generatedAt()).isEqualTo("2026-11-27T03:13:14+00:00");
    assertThat(cluster.localNodeId()).isEqualTo("local");
    assertThat(cluster.masterNodeId()).isEqualTo("py-node");
    ClusterNodeDiagnostics local = cluster.nodes().get(0);
    assertThat(local.url()).isNull();
    assertThat(local.ok()).isTrue();
    ClusterNodeDiagnostics peer = cluster.nodes().get(1);
    assertThat(peer.error()).isNull();
    assertThat(peer.ok()).isTrue();
    NodeDiagnostics bundle = peer.diagnostics();
    assertThat(bundle.runtime().nodeId()).isEqualTo("py-node");
    assertThat(bundle.runtime().libp2pNamespace()).isEqualTo("skulk-lab");
    assertThat(bundle.runtime().friendlyName()).isNull();
    assertThat(bundle.resources().system().gpuUsage()).isEqualTo(0.0);
    assertThat(bundle.supervisorRunners().get(0).flightRecorder().get(0).attrs()).hasSize(5);
    assertThat(pythonPeer.requests()).hasSize(1);
    assertThat(Long.parseLong(pythonPeer.requests().get(0).header("X-Skulk-Diag-Deadline"))).isBetween(1L, 2000L);

    PeerSnapshot last = client.lastGood("py-node");
    assertThat(last.diagnostics()).isEqualTo(bundle);
    assertThat(last.fetchedAt()).isEqualTo(clock.instant());
    assertThat(last.url()).isEqualTo(python);
    PeerClockOffset offset = client.clockOffset("py-node");
    assertThat(offset.offset()).isEqualTo(Duration.ofSeconds(-1));
    assertThat(offset.uncertainty()).isEqualTo(Duration.ZERO);
  }

  @Test
  void theLastGoodBundleSurvivesALaterFailure() throws Exception {
    FakeSkulkPeer flaky = closing(FakeSkulkPeer.builder().nodeJson(PYTHON_BUNDLE).start());
    ClusterDiagnosticsClient client = client(Map.of("py-node", flaky.url()), Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertThat(client.collect().nodes().get(1).ok()).isTrue();
    flaky.behave(Behavior.status(500, "{\"detail\":\"down\"}"));
    assertThat(client.collect().nodes().get(1).ok()).isFalse();
    assertThat(client.lastGood("py-node")).isNotNull();
    assertThat(client.lastGood("py-node").diagnostics().runtime().nodeId()).isEqualTo("py-node");
  }

  @Test
  void aFailingOrHangingLocalSupplierIsAnOkFalseLocalEntry() throws Exception {
    ClusterDiagnosticsClient throwing =
        closing(ClusterDiagnosticsClient.builder()
            .localNodeId("local")
            .localNode(() -> {
              throw new IllegalStateException("collectors not ready");
            })
            .build());
    ClusterNodeDiagnostics local = throwing.collect().nodes().get(0);
    assertThat(local.ok()).isFalse();
    assertThat(local.url()).isNull();
    assertThat(local.error()).isEqualTo("IllegalStateException: collectors not ready");

    CountDownLatch release = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean localReturned = new java.util.concurrent.atomic.AtomicBoolean();
    try {
      ClusterDiagnosticsClient hanging =
          closing(ClusterDiagnosticsClient.builder()
              .localNodeId("local")
              .localNode(() -> {
                try {
                  release.await(20, TimeUnit.SECONDS);
                  localReturned.set(true); // not when cancelled (interrupted) at the deadline
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return TestBundles.node("local");
              })
              .build());
      ClusterNodeDiagnostics late = hanging.collect(Duration.ofMillis(300)).nodes().get(0);
      // The local bundle never came (the latch is released only below): collect() returned at its
      // deadline instead of waiting up to 20 s for the supplier. Checked by a flag, not a clock.
      assertThat(localReturned.get()).as("collect() waited for the hanging local bundle").isFalse();
      assertThat(late.ok()).isFalse();
      assertThat(late.error()).startsWith("ReadTimeout: ");
    } finally {
      release.countDown();
    }
  }

  @Test
  void aBrokenDirectoryLeavesTheLocalNodeOnly() {
    ClusterDiagnosticsClient client =
        closing(ClusterDiagnosticsClient.builder()
            .localNodeId("local")
            .localNode(() -> TestBundles.node("local"))
            .peerDirectory(() -> {
              throw new IllegalStateException("state unavailable");
            })
            .build());
    assertThat(client.collect().nodes()).extracting(ClusterNodeDiagnostics::nodeId).containsExactly("local");
  }

  private static List<String> concat(String first, Iterable<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    rest.forEach(all::add);
    return all;
  }

  static String resource(String name) {
    try (java.io.InputStream in = ClusterDiagnosticsClientIT.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
