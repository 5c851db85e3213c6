package dev.skulk.diagnostics.benchmarks;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.testkit.SampleBundles;
import java.nio.charset.StandardCharsets;
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
 * dashboard poll and a fan-out does per peer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {

  private final DiagnosticsJson json = DiagnosticsJson.strict();
  private NodeDiagnostics node;
  private ClusterDiagnostics cluster;
  private byte[] nodeBytes;

  @Setup
  public void setUp() {
    node = SampleBundles.nodeWithTwoRunnersMidDecode();
    cluster = SampleBundles.twoNodeClusterWithFailedPeer();
    nodeBytes = json.write(node).getBytes(StandardCharsets.UTF_8);
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
}
