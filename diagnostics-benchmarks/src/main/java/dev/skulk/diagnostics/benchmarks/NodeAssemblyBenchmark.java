package dev.skulk.diagnostics.benchmarks;

import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.assembly.CollectorOutcome;
import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The main job on this real machine: one node bundle from the default collector set (found through
 * {@code ServiceLoader}, as {@code skulk-diag node} finds them), assembled and serialized strictly,
 * by a long-lived (warm) assembler, as a host that serves {@code /v1/diagnostics/node} does per
 * poll. Compare with the Python node-diagnostics baseline in {@code ../shared/bench}.
 *
 * <p>{@code collectors=all} is the full default set; {@code collectors=noProcesses} the same set
 * with {@code oshi-processes} disabled, to show what the other collectors, the assembly and the
 * serialization cost together apart from the process table (measured on its own by {@code
 * ProcessCollectorBenchmark}).
 *
 * <p>{@link #main} prints the per-collector breakdown from the assembly report (median over many
 * warm assemblies), which a JMH figure alone cannot show.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NodeAssemblyBenchmark {

  @Param({"all", "noProcesses"})
  public String collectors;

  private DiagnosticsAssembler assembler;
  private final DiagnosticsJson json = DiagnosticsJson.strict();

  static DiagnosticsAssembler defaultAssembler(boolean withProcesses) {
    DiagnosticsAssembler.Builder builder = DiagnosticsAssembler.builder()
        .nodeId("12D3KooWBenchmarkNode")
        .discoverCollectors(NodeAssemblyBenchmark.class.getClassLoader());
    if (!withProcesses) {
      builder.disable("oshi-processes");
    }
    return builder.build();
  }

  @Setup
  public void setUp() {
    assembler = defaultAssembler(!"noProcesses".equals(collectors));
    assembler.assembleNode();
  }

  @TearDown
  public void tearDown() {
    assembler.close();
  }

  /** One poll: assemble this node's bundle and write it as a Python peer would serve it. */
  @Benchmark
  public String assembleAndSerialize() {
    return json.write(assembler.assembleNode());
  }

  /**
   * Prints the median duration of each collector over {@code args[0]} (default 500) warm
   * assemblies, after as many untimed ones, and the median of the whole assembly and of writing it;
   * {@code args[1]} {@code noProcesses} leaves the process collector out.
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    boolean withProcesses = !(args.length > 1 && args[1].equals("noProcesses"));
    DiagnosticsJson json = DiagnosticsJson.strict();
    try (DiagnosticsAssembler assembler = defaultAssembler(withProcesses)) {
      for (int i = 0; i < n; i++) {
        json.write(assembler.assembleNode());
      }
      Map<String, List<Long>> byCollector = new LinkedHashMap<>();
      Map<String, String> status = new LinkedHashMap<>();
      List<Long> whole = new ArrayList<>();
      List<Long> writes = new ArrayList<>();
      int bytes = 0;
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        AssemblyReport report = assembler.assembleNodeReport();
        long t1 = System.nanoTime();
        bytes = json.write(report.bundle()).length();
        long t2 = System.nanoTime();
        whole.add(t1 - t0);
        writes.add(t2 - t1);
        for (CollectorOutcome outcome : report.outcomes()) {
          byCollector.computeIfAbsent(outcome.collectorName(), k -> new ArrayList<>())
              .add(outcome.duration().toNanos());
          status.put(outcome.collectorName(), outcome.status().name());
        }
      }
      System.out.printf("%-16s %-12s %12s %12s%n", "collector", "status", "median us", "p90 us");
      byCollector.forEach((name, xs) -> System.out.printf("%-16s %-12s %12.1f %12.1f%n", name, status.get(name),
          quantile(xs, 0.5) / 1e3, quantile(xs, 0.9) / 1e3));
      System.out.printf("%-29s %12.1f %12.1f%n", "assembleNodeReport (whole)", quantile(whole, 0.5) / 1e3,
          quantile(whole, 0.9) / 1e3);
      System.out.printf("%-29s %12.1f %12.1f%n", "write (strict JSON, " + bytes + " chars)",
          quantile(writes, 0.5) / 1e3, quantile(writes, 0.9) / 1e3);
    }
  }

  private static double quantile(List<Long> xs, double q) {
    List<Long> sorted = new ArrayList<>(xs);
    sorted.sort(null);
    return sorted.get((int) Math.round(q * (sorted.size() - 1)));
  }
}
