package dev.skulk.diagnostics.benchmarks;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.testkit.SampleBundles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Writing and reading a realistic node bundle (two runners mid-decode with full 128-entry flight
 * recorders, about 140 KB of JSON) and a three-node cluster bundle: the work a node does per
 * dashboard poll and a fan-out does per peer; and a 16-node cluster bundle whose every node has four
 * runners with full 128-entry flight recorders (about 4.6 MB of JSON), to show the throughput holds
 * at cluster size. Throughput in MB/s is the bundle's size ({@link #main} prints it) over the time
 * per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {

  private final DiagnosticsJson json = DiagnosticsJson.strict();
  private NodeDiagnostics node;
  private ClusterDiagnostics cluster;
  private byte[] nodeBytes;
  private ClusterDiagnostics bigCluster;
  private byte[] bigClusterBytes;

  @Setup
  public void setUp() {
    node = SampleBundles.nodeWithTwoRunnersMidDecode();
    cluster = SampleBundles.twoNodeClusterWithFailedPeer();
    nodeBytes = json.write(node).getBytes(StandardCharsets.UTF_8);
    bigCluster = sixteenNodesFourRunnersEach();
    bigClusterBytes = json.writeBytes(bigCluster);
  }

  /**
   * 16 nodes, each the sample node with its two runners twice over (4 runners x 128 flight-recorder
   * entries); node ids and URLs differ per node.
   */
  static ClusterDiagnostics sixteenNodesFourRunnersEach() {
    NodeDiagnostics sample = SampleBundles.nodeWithTwoRunnersMidDecode();
    List<RunnerSupervisorDiagnostics> runners = new ArrayList<>(sample.supervisorRunners());
    runners.addAll(sample.supervisorRunners());
    for (RunnerSupervisorDiagnostics runner : runners) {
      if (runner.flightRecorder().size() != 128) {
        throw new IllegalStateException("expected full 128-entry recorders, got " + runner.flightRecorder().size());
      }
    }
    NodeDiagnostics fourRunners = new NodeDiagnostics(sample.generatedAt(), sample.runtime(), sample.identity(),
        sample.resources(), sample.processes(), runners, sample.placements(), sample.warnings());
    List<ClusterNodeDiagnostics> nodes = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String nodeId = String.format("12D3KooWNode%02dAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", i);
      nodes.add(new ClusterNodeDiagnostics(nodeId, i == 0 ? null : "http://10.0.0." + (10 + i) + ":52415",
          true, fourRunners, null));
    }
    return new ClusterDiagnostics(sample.generatedAt(), nodes.get(0).nodeId(), nodes.get(0).nodeId(), nodes);
  }

  /** Prints the sizes of the benchmarked documents, to turn times into MB/s. */
  public static void main(String[] args) {
    CodecBenchmark benchmark = new CodecBenchmark();
    benchmark.setUp();
    System.out.println("node bundle bytes: " + benchmark.nodeBytes.length);
    System.out.println("16-node cluster bundle bytes: " + benchmark.bigClusterBytes.length);
  }

  @Benchmark
  public byte[] writeNode() {
    return json.writeBytes(node);
  }

  @Benchmark
  public NodeDiagnostics readNodeStrict() {
    return json.read(nodeBytes, NodeDiagnostics.class);
  }

  @Benchmark
  public byte[] writeCluster() {
    return json.writeBytes(cluster);
  }

  @Benchmark
  public byte[] writeCluster16x4x128() {
    return json.writeBytes(bigCluster);
  }

  @Benchmark
  public ClusterDiagnostics readCluster16x4x128Strict() {
    return json.read(bigClusterBytes, ClusterDiagnostics.class);
  }
}
