package dev.skulk.diagnostics.benchmarks;

import dev.skulk.diagnostics.jfr.SkulkEvents;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticContextBuilder;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdateBuilder;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.runner.RunnerFlightRecorder;
import dev.skulk.diagnostics.runner.RunnerSupervisorTracker;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the JFR hooks cost on the per-token path when no recording is on.
 *
 * <ul>
 *   <li>{@code recordAlone} against {@code recordWithJfrHook}: one flight-recorder {@code record()},
 *       without and with, after it, a hook of exactly the shape of the SDK's ({@code new Event()},
 *       {@code shouldCommit()}, fields, {@code commit()}), on a probe event of the same field
 *       count: the with/without comparison the SDK's own code cannot give (its hook is always
 *       there). JFR is never started in these forks.
 *   <li>{@code sideBySide}: the same two, one thread each, in one fork at once, so both see the
 *       same load.
 *   <li>{@code applyUpdate} with {@code recording} = {@code none} (the SDK's real hook, no recording),
 *       {@code default} (a recording on with JFR's defaults, where {@value SkulkEvents#RUNNER_UPDATE}
 *       is off) and {@code updates} (the per-update event enabled: what profiling a runner costs).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JfrHookBenchmark {

  /** A probe with the hook's shape; never recorded, since JFR is not started in its forks. */
  @Name("dev.skulk.benchmarks.HookProbe")
  @StackTrace(false)
  static final class HookProbe extends Event {
    String runnerId;
    String instanceId;
    int rank;
    String phase;
    String event;
    String detail;
    String taskId;
  }

  /** The recorder path, with and without the hook. */
  @State(Scope.Thread)
  public static class RecorderState {
    final RunnerFlightRecorder<Object> recorder = new RunnerFlightRecorder<>();
    final Object entry = new Object();
    String runnerId = "runner-1";
    String instanceId = "instance-1";
    int rank = 1;
  }

  @Benchmark
  public void recordAlone(RecorderState state) {
    state.recorder.record(state.entry);
  }

  @Benchmark
  public void recordWithJfrHook(RecorderState state) {
    state.recorder.record(state.entry);
    HookProbe probe = new HookProbe();
    if (probe.shouldCommit()) {
      probe.runnerId = state.runnerId;
      probe.instanceId = state.instanceId;
      probe.rank = state.rank;
      probe.phase = "decode_stream";
      probe.event = "token";
      probe.detail = null;
      probe.taskId = null;
      probe.commit();
    }
  }

  /*
   * The same two paths side by side: one thread each, in the same fork at the same time, so both
   * see the same machine load (the way to compare them on a shared, noisy machine).
   */

  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  public void withoutHook(RecorderState state) {
    recordAlone(state);
  }

  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  public void withHook(RecorderState state) {
    recordWithJfrHook(state);
  }

  /** A tracker applying one decode-token update per call, under a recording or not. */
  @State(Scope.Thread)
  public static class TrackerState {
    @Param({"none", "default", "updates"})
    public String recording;

    RunnerSupervisorTracker tracker;
    RunnerDiagnosticUpdate update;
    Recording jfr;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      RunnerDiagnosticContext context = new RunnerDiagnosticContextBuilder()
          .nodeId("node-a").runnerId("runner-1").pid(4242L).instanceId("instance-1").modelId("model")
          .rank(1).worldSize(2).startLayer(0).endLayer(8).nLayers(16).build();
      tracker = RunnerSupervisorTracker.builder().identity(context).build();
      update = new RunnerDiagnosticUpdateBuilder()
          .at("2026-12-01T00:00:00.000000Z").phase(RunnerPhase.DECODE_STREAM).event("token")
          .context(context).build();
      if (!recording.equals("none")) {
        jfr = new Recording(jdk.jfr.Configuration.getConfiguration("default"));
        if (recording.equals("updates")) {
          jfr.enable(SkulkEvents.RUNNER_UPDATE);
        }
        jfr.setToDisk(true);
        jfr.start();
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      if (jfr != null) {
        jfr.close();
      }
    }
  }

  @Benchmark
  public void applyUpdate(TrackerState state) {
    state.tracker.applyUpdate(state.update);
  }
}
