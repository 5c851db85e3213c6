package dev.skulk.diagnostics.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.concurrent.atomic.AtomicReference;
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

  static final String PYTHON_BUNDLE = FakePeer.resource("python-node-bundle.json");
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

  private Scenario scenario(String name, String kind, Supplier<FakePeer> peer) {
    return new Scenario(name, kind, () -> closing(peer.get()).url());
  }

  List<Scenario> failures() {
    return List.of(
        scenario("headers then nothing", "ReadTimeout: ", () -> FakePeer.raw(socket -> {
          FakePeer.readRequestHead(socket);
          write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{");
          socket.getInputStream().read(); // until the client hangs up
        })),
        scenario("trickles a byte a second", "ReadTimeout: ", () -> FakePeer.raw(socket -> {
          FakePeer.readRequestHead(socket);
          write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
          while (true) {
            write(socket, " ");
            Thread.sleep(1000); // the peer's own pace, on its own thread
          }
        })),
        scenario("accepts and never answers", "ReadTimeout: ", () -> FakePeer.raw(socket -> {
          FakePeer.readRequestHead(socket);
          socket.getInputStream().read();
        })),
        new Scenario("refuses", "ConnectError: ", FakePeer::closedPort),
        scenario("500 with the Skulk envelope", "HTTPStatusError: Server error '500 Internal Server Error' for url '",
            () -> FakePeer.json(500,
                "{\"error\":{\"message\":\"boom: assembler crashed\",\"type\":\"Internal Server Error\",\"param\":null,\"code\":500}}")),
        scenario("malformed JSON", "ValidationError: ", () -> FakePeer.json(200, "{\"generatedAt\": ")),
        scenario("unknown field", "ValidationError: ",
            () -> FakePeer.json(200, PYTHON_BUNDLE.replaceFirst("\\{", "{\"surprise\":1,"))),
        scenario("integer written as a float", "ValidationError: ",
            () -> FakePeer.json(200, PYTHON_BUNDLE.replace("\"deviceRank\":1,", "\"deviceRank\":1.0,"))),
        scenario("declares 100 MiB", "ResponseTooLarge: ", () -> FakePeer.raw(socket -> {
          FakePeer.readRequestHead(socket);
          write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + HUNDRED_MIB + "\r\n\r\n");
          stream(socket.getOutputStream(), HUNDRED_MIB);
        })),
        scenario("streams 100 MiB chunked", "ResponseTooLarge: ", () -> FakePeer.http(exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            stream(out, HUNDRED_MIB);
          }
        })),
        scenario("redirects", "HTTPStatusError: Redirect response '302 Found' for url '", () -> FakePeer.http(exchange -> {
          exchange.getResponseHeaders().set("Location", "http://example.invalid/elsewhere");
          FakePeer.respond(exchange, 302, "");
        })));
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
    assertThat(seconds).isLessThan(2.5);
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
    URI envelope = closing(FakePeer.json(500,
        "{\"error\":{\"message\":\"boom\",\"type\":\"Internal Server Error\",\"param\":null,\"code\":500}}")).url();
    URI detail = closing(FakePeer.json(503, "{\"detail\":\"state not ready\"}")).url();
    URI redirect = closing(FakePeer.http(exchange -> {
      exchange.getResponseHeaders().set("Location", "/v2/diagnostics/node");
      FakePeer.respond(exchange, 302, "");
    })).url();
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
    URI unknown = closing(FakePeer.json(200, PYTHON_BUNDLE.replaceFirst("\\{", "{\"surprise\":1,"))).url();
    URI floaty = closing(FakePeer.json(200, PYTHON_BUNDLE.replace("\"deviceRank\":1,", "\"deviceRank\":1.0,"))).url();
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
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.5);
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
    URI good = closing(FakePeer.json(200, PYTHON_BUNDLE)).url();
    peers.put("py-node", good);
    ClusterDiagnosticsClient client = client(peers, Duration.ofSeconds(2), Duration.ofSeconds(3));
    long start = System.nanoTime();
    ClusterDiagnostics cluster = client.collect();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(seconds).isLessThan(3.5);
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
    for (int i = 0; i < 4; i++) {
      peers.put("silent-" + i, closing(FakePeer.raw(socket -> {
        FakePeer.readRequestHead(socket);
        socket.getInputStream().read();
      })).url());
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
    long start = System.nanoTime();
    ClusterDiagnostics cluster = client.collect();
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.0);
    assertThat(cluster.nodes()).hasSize(5);
    assertThat(cluster.nodes().subList(1, 5)).allSatisfy(node -> {
      assertThat(node.ok()).isFalse();
      assertThat(node.error()).startsWith("ReadTimeout: ");
    });
  }

  @Test
  void aBundleAsPythonSkulkWritesItIsReadStrictAndRemembered() {
    AtomicReference<String> deadlineHeader = new AtomicReference<>();
    URI python = closing(FakePeer.http(exchange -> {
      deadlineHeader.set(exchange.getRequestHeaders().getFirst("X-Skulk-Diag-Deadline"));
      FakePeer.respond(exchange, 200, PYTHON_BUNDLE);
    })).url();
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
    assertThat(Long.parseLong(deadlineHeader.get())).isBetween(1L, 2000L);

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
    CountDownLatch broken = new CountDownLatch(1);
    URI flaky = closing(FakePeer.http(exchange -> {
      if (broken.getCount() == 0) {
        FakePeer.respond(exchange, 500, "{\"detail\":\"down\"}");
      } else {
        FakePeer.respond(exchange, 200, PYTHON_BUNDLE);
      }
    })).url();
    ClusterDiagnosticsClient client = client(Map.of("py-node", flaky), Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertThat(client.collect().nodes().get(1).ok()).isTrue();
    broken.countDown();
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
    try {
      ClusterDiagnosticsClient hanging =
          closing(ClusterDiagnosticsClient.builder()
              .localNodeId("local")
              .localNode(() -> {
                try {
                  release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return TestBundles.node("local");
              })
              .build());
      long start = System.nanoTime();
      ClusterNodeDiagnostics late = hanging.collect(Duration.ofMillis(300)).nodes().get(0);
      assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
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

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Writes {@code total} bytes of spaces in 64 KiB pieces, never holding more than one piece. */
  static void stream(OutputStream out, long total) throws IOException {
    byte[] piece = new byte[64 * 1024];
    java.util.Arrays.fill(piece, (byte) ' ');
    for (long sent = 0; sent < total; sent += piece.length) {
      out.write(piece, 0, (int) Math.min(piece.length, total - sent));
    }
    out.flush();
  }
}
