package dev.skulk.diagnostics.benchmarks;

import dev.skulk.diagnostics.collectors.ProcessCollector;
import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The workload of the psutil baseline {@code ../shared/bench/py_process_collect.py --children 8}:
 * this process with 8 {@code sleep} children, on this real machine, collected by the default
 * processes collector as a polling host keeps it (command lines cached per process incarnation).
 * {@code firstCollection} is a new collector each call: every command line on the machine read once
 * for the {@code vector} check, as each psutil call does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProcessCollectionBenchmark {

  private final List<Process> children = new ArrayList<>();
  private ProcessCollector collector;
  private CollectContext context;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    for (int i = 0; i < 8; i++) {
      children.add(new ProcessBuilder("sleep", "600").start());
    }
    context = TestCollectContext.builder().selfPid(ProcessHandle.current().pid()).build();
    collector = new ProcessCollector();
    List<DiagnosticsProcess> first = collector.collect(context);
    if (first.size() < 9) {
      throw new IllegalStateException("expected this process and its 8 children, got " + first.size());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    for (Process child : children) {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Benchmark
  public List<DiagnosticsProcess> pollingCollector() throws Exception {
    return collector.collect(context);
  }

  @Benchmark
  public List<DiagnosticsProcess> firstCollection() throws Exception {
    return new ProcessCollector().collect(context);
  }
}
