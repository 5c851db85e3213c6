package dev.skulk.diagnostics.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import dev.skulk.diagnostics.runner.RunnerFlightRecorder;
import dev.skulk.diagnostics.testkit.SampleBundles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The JMH benchmarks' single-threaded operations (and the node assembly) timed in CPU time rather
 * than wall time: on a machine whose cores are shared with other busy processes, wall time per
 * operation grows with the load (a thread that gets a seventh of a core looks seven times slower)
 * while the CPU time an operation consumes does not. Not a JMH benchmark: no dead-code or
 * constant-folding protection beyond keeping every result reachable, so it is a check of the JMH
 * figures' order of magnitude, not a replacement for them.
 *
 * <p>Single-threaded operations use the calling thread's CPU time; the node assembly, which runs its
 * collectors on a pool, uses the whole process's CPU time (all threads, JIT and GC included, so an
 * upper bound; the process clock ticks in 10 ms steps, hence the long rounds). Each figure is the
 * median of 7 rounds after 3 warm-up rounds. Run: {@code java -cp
 * diagnostics-benchmarks/target/benchmarks.jar dev.skulk.diagnostics.benchmarks.CpuTimeCheck}.
 */
public final class CpuTimeCheck {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final List<Object> SINK = new ArrayList<>();

  private CpuTimeCheck() {}

  /** Runs every check and prints one line each. */
  public static void main(String[] args) throws Exception {
    DiagnosticsJson json = DiagnosticsJson.strict();
    RunnerFlightRecorder<Object> recorder = new RunnerFlightRecorder<>();
    Object entry = new Object();
    for (int i = 0; i < 128; i++) {
      recorder.record(entry);
    }
    report("flight recorder record (1 writer)", 1_000_000, THREADS::getCurrentThreadCpuTime,
        () -> recorder.record(entry), 0);
    report("flight recorder snapshot, full ring", 20_000, THREADS::getCurrentThreadCpuTime,
        () -> keep(recorder.snapshot()), 0);

    NodeDiagnostics node = SampleBundles.nodeWithTwoRunnersMidDecode();
    byte[] nodeBytes = json.writeBytes(node);
    ClusterDiagnostics cluster = CodecBenchmark.sixteenNodesFourRunnersEach();
    byte[] clusterBytes = json.writeBytes(cluster);
    report("codec write node", 500, THREADS::getCurrentThreadCpuTime, () -> keep(json.writeBytes(node)),
        nodeBytes.length);
    report("codec read node strict", 500, THREADS::getCurrentThreadCpuTime,
        () -> keep(json.read(nodeBytes, NodeDiagnostics.class)), nodeBytes.length);
    report("codec write 16-node cluster", 10, THREADS::getCurrentThreadCpuTime,
        () -> keep(json.writeBytes(cluster)), clusterBytes.length);
    report("codec read 16-node cluster strict", 10, THREADS::getCurrentThreadCpuTime,
        () -> keep(json.read(clusterBytes, ClusterDiagnostics.class)), clusterBytes.length);

    RunnerUpdatePathBenchmark updates = new RunnerUpdatePathBenchmark();
    updates.setUp();
    report("runner update line parse", 20_000, THREADS::getCurrentThreadCpuTime,
        () -> keep(updates.parseLine()), 0);
    report("runner tracker applyUpdate", 100_000, THREADS::getCurrentThreadCpuTime, updates::applyUpdate, 0);

    for (boolean withProcesses : new boolean[] {true, false}) {
      try (DiagnosticsAssembler assembler = NodeAssemblyBenchmark.defaultAssembler(withProcesses)) {
        report("node assembly + write, " + (withProcesses ? "all collectors" : "no processes")
            + " (process CPU, all threads)", withProcesses ? 100 : 1000, OS::getProcessCpuTime,
            () -> keep(json.write(assembler.assembleNode())), 0);
      }
    }
    System.out.println("(kept " + SINK.size() + " results)");
  }

  private static void keep(Object result) {
    if (SINK.size() < 16) {
      SINK.add(result);
    }
  }

  private static void report(String what, int perRound, LongSupplier cpuNanos, ThrowingRunnable op, int bytes)
      throws Exception {
    List<Double> rounds = new ArrayList<>();
    for (int round = 0; round < 10; round++) {
      long start = cpuNanos.getAsLong();
      for (int i = 0; i < perRound; i++) {
        op.run();
      }
      double perOp = (double) (cpuNanos.getAsLong() - start) / perRound;
      if (round >= 3) {
        rounds.add(perOp);
      }
    }
    rounds.sort(null);
    double median = rounds.get(rounds.size() / 2);
    String rate = bytes > 0 ? String.format(", %.0f MB/s", bytes / median * 1e9 / 1e6) : "";
    System.out.printf("%-70s %14.1f ns CPU/op%s%n", what, median, rate);
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
