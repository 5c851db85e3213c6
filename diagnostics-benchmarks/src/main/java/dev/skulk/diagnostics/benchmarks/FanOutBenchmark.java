package dev.skulk.diagnostics.benchmarks;

import dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient;
import dev.skulk.diagnostics.cluster.StaticPeerDirectory;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.testkit.FakeSkulkPeer;
import dev.skulk.diagnostics.testkit.SampleBundles;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One cluster view over 16 loopback peers that each answer in 5 ms with a realistic 143 KB node
 * bundle ({@code healthy = 16}), and the same with the first 8 of them hung ({@code healthy = 8}):
 * the view then takes its deadline (1 s here) and must still hold the healthy 8, ok (the benchmark
 * throws otherwise). Peers are {@link FakeSkulkPeer}s in this JVM, so their serving (one thread
 * per connection, a new connection per request) is part of the figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FanOutBenchmark {

  /** The deadline of the view with hung peers. */
  static final Duration DEADLINE_WITH_HUNG_PEERS = Duration.ofSeconds(1);

  @Param({"16", "8"})
  public int healthy;

  private final List<FakeSkulkPeer> peers = new ArrayList<>();
  private ClusterDiagnosticsClient client;
  private Duration deadline;

  @Setup(Level.Trial)
  public void setUp() {
    NodeDiagnostics bundle = SampleBundles.nodeWithTwoRunnersMidDecode();
    Map<String, URI> directory = new LinkedHashMap<>();
    for (int i = 0; i < 16 - healthy; i++) {
      FakeSkulkPeer peer = FakeSkulkPeer.builder().nodeId("hung-" + i).node(bundle)
          .behavior(FakeSkulkPeer.Behavior.hang()).start();
      peers.add(peer);
      directory.put("hung-" + i, peer.url());
    }
    for (int i = 0; i < healthy; i++) {
      FakeSkulkPeer peer = FakeSkulkPeer.builder().nodeId("peer-" + i).node(bundle)
          .behavior(FakeSkulkPeer.Behavior.delay(Duration.ofMillis(5))).start();
      peers.add(peer);
      directory.put("peer-" + i, peer.url());
    }
    deadline = healthy == 16 ? Duration.ofSeconds(12) : DEADLINE_WITH_HUNG_PEERS;
    // The first view of a fresh JVM builds the codec's readers and the HTTP client's machinery,
    // which on two slow cores can take longer than the 1 s deadline: do that once, off the clock,
    // against the healthy peers only, so that the check below is about the fan-out.
    Map<String, URI> healthyOnly = new LinkedHashMap<>(directory);
    healthyOnly.keySet().removeIf(id -> id.startsWith("hung-"));
    try (ClusterDiagnosticsClient warmUp = ClusterDiagnosticsClient.builder()
        .localNodeId("local")
        .localNode(() -> bundle)
        .peerDirectory(StaticPeerDirectory.of(healthyOnly))
        .build()) {
      for (int i = 0; i < 5; i++) {
        warmUp.collect(Duration.ofSeconds(12));
      }
    }
    client = ClusterDiagnosticsClient.builder()
        .localNodeId("local")
        .localNode(() -> bundle)
        .peerDirectory(StaticPeerDirectory.of(directory))
        .build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
    peers.forEach(FakeSkulkPeer::close);
  }

  @Benchmark
  public ClusterDiagnostics clusterView() {
    ClusterDiagnostics view = client.collect(deadline);
    long ok = view.nodes().stream().skip(1).filter(ClusterNodeDiagnostics::ok).count();
    if (ok != healthy) {
      throw new IllegalStateException(ok + " peers ok, expected " + healthy + ": " + view.nodes());
    }
    return view;
  }
}
