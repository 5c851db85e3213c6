package dev.skulk.diagnostics.benchmarks;

import dev.skulk.diagnostics.collectors.ProcessCollector;
import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.testkit.TestCollectContext;
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
 * The process collector on this real machine (on Linux {@code /proc} read directly, elsewhere
 * OSHI): a long-lived collector, whose command lines are cached per process incarnation, against a fresh collector per call, which
 * must read every reported process's command line again. The ratio is what the cache saves a host
 * that polls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProcessCollectorBenchmark {

  private final ProcessCollector warm = new ProcessCollector();
  private CollectContext context;

  @Setup
  public void setUp() throws Exception {
    context = TestCollectContext.builder().selfPid(ProcessHandle.current().pid()).build();
    warm.collect(context);
  }

  @Benchmark
  public List<DiagnosticsProcess> cachedCollector() throws Exception {
    return warm.collect(context);
  }

  @Benchmark
  public List<DiagnosticsProcess> freshCollectorEachCall() throws Exception {
    return new ProcessCollector().collect(context);
  }
}
