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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The flight recorder on a runner's hot path: one record per token, against a bare volatile write
 * as the floor; and a snapshot while a writer keeps recording (what a diagnostics request does to
 * a decoding runner); four writers sharing one recorder (a runner whose several threads record);
 * and a snapshot of a full ring with no writer.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RunnerFlightRecorderBenchmark {

  private final RunnerFlightRecorder<Object> recorder = new RunnerFlightRecorder<>();
  private final Object entry = new Object();
  private volatile Object last;

  /** Every group starts with a full ring, so that snapshots copy all 128 entries. */
  @Setup
  public void fill() {
    for (int i = 0; i < 128; i++) {
      recorder.record(entry);
    }
  }

  @Benchmark
  @Group("recordAlone")
  public void record() {
    recorder.record(entry);
  }

  /** Four threads recording into the one recorder of their group at once. */
  @Benchmark
  @Group("recordFourWriters")
  @GroupThreads(4)
  public void recordContended() {
    recorder.record(entry);
  }

  @Benchmark
  @Group("snapshotFullRing")
  public List<Object> snapshotAlone() {
    return recorder.snapshot();
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
