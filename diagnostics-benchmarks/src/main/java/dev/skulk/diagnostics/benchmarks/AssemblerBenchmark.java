package dev.skulk.diagnostics.benchmarks;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.testkit.FakeCollector;
import dev.skulk.diagnostics.testkit.SampleBundles;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The assembler's own overhead per {@code assembleNode()}: every slot filled by a collector that
 * returns at once, two live runners with full flight recorders, the default rules. What remains is
 * the fan-out to the pool, the merge, process roles, placements and rules, i.e. the cost a polling
 * dashboard adds beyond the collectors' own work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AssemblerBenchmark {

  private DiagnosticsAssembler assembler;

  @Setup
  public void setUp() {
    NodeDiagnostics sample = SampleBundles.nodeWithTwoRunnersMidDecode();
    assembler = DiagnosticsAssembler.builder()
        .nodeId(SampleBundles.STUDIO)
        .addCollector(FakeCollector.returning(Slot.RUNTIME, sample.runtime()))
        .addCollector(FakeCollector.returning(Slot.IDENTITY, sample.identity()))
        .addCollector(FakeCollector.returning(Slot.CURRENT_MEMORY, sample.resources().currentMemory()))
        .addCollector(FakeCollector.returning(Slot.CURRENT_WIRED, sample.resources().currentWired()))
        .addCollector(FakeCollector.returning(Slot.DISK, sample.resources().disk()))
        .addCollector(FakeCollector.returning(Slot.SYSTEM_PROFILE, sample.resources().system()))
        .addCollector(FakeCollector.returning(Slot.NETWORK, sample.resources().network()))
        .addCollector(FakeCollector.returning(Slot.PROCESSES, sample.processes()))
        .runnerSupervisors(sample::supervisorRunners)
        .build();
  }

  @TearDown
  public void tearDown() {
    assembler.close();
  }

  @Benchmark
  public NodeDiagnostics assembleNode() {
    return assembler.assembleNode();
  }
}
