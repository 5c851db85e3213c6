package dev.skulk.diagnostics.benchmarks;

import dev.skulk.diagnostics.runner.RunnerFlightRecorder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The flight recorder on a runner's hot path: one record per token, against a bare volatile write
 * as the floor; and a snapshot while a writer keeps recording (what a diagnostics request does to
 * a decoding runner).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RunnerFlightRecorderBenchmark {

  private final RunnerFlightRecorder<Object> recorder = new RunnerFlightRecorder<>();
  private final Object entry = new Object();
  private volatile Object last;

  @Benchmark
  @Group("recordAlone")
  public void record() {
    recorder.record(entry);
  }

  @Benchmark
  @Group("volatileFloor")
  public void volatileWrite() {
    last = entry;
  }

  @Benchmark
  @Group("recordWhileSnapshotting")
  @GroupThreads(1)
  public void recordUnderSnapshots() {
    recorder.record(entry);
  }

  @Benchmark
  @Group("recordWhileSnapshotting")
  @GroupThreads(1)
  public List<Object> snapshot() {
    return recorder.snapshot();
  }
}
