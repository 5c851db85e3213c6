package dev.skulk.diagnostics.micrometer;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.model.AcceleratorMetricsBuilder;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticContextBuilder;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdateBuilder;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.rules.LeakedWiredMemoryRule;
import dev.skulk.diagnostics.runner.RunnerSupervisorTracker;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.testkit.FakeCollector;
import dev.skulk.diagnostics.testkit.TestTicker;
import java.time.Duration;
import java.util.List;

/** Shared inputs: a tracker in a known state and an assembler with known collectors. */
final class Fixtures {

  static final long WIRED_BYTES = 6L * 1024 * 1024 * 1024;

  private Fixtures() {}

  static RunnerDiagnosticContext context(String runnerId) {
    return new RunnerDiagnosticContextBuilder()
        .nodeId("node-a").runnerId(runnerId).pid(4242L).instanceId("instance-1").modelId("model-m")
        .rank(1).worldSize(2).startLayer(0).endLayer(8).nLayers(16).build();
  }

  /**
   * A tracker with a flight recorder of 2 entries: 5 updates (so 3 dropped), the last two in
   * decode_stream, entered 12.5 s of ticker time ago; process alive; tasks t1 in progress, t2 pending.
   */
  static RunnerSupervisorTracker decodingTracker(String runnerId, TestTicker ticker) {
    RunnerSupervisorTracker tracker = RunnerSupervisorTracker.builder().identity(context(runnerId))
        .ticker(ticker).flightRecorderCapacity(2).build();
    tracker.processStarted(4242);
    tracker.applyUpdate(update(runnerId, RunnerPhase.LOAD_MODEL, "enter"));
    tracker.applyUpdate(update(runnerId, RunnerPhase.LOAD_MODEL, "exit"));
    tracker.applyUpdate(update(runnerId, RunnerPhase.PREFILL_STREAM, "enter"));
    ticker.advance(Duration.ofSeconds(3));
    tracker.applyUpdate(update(runnerId, RunnerPhase.DECODE_STREAM, "enter"));
    ticker.advance(Duration.ofMillis(12_500));
    tracker.applyUpdate(update(runnerId, RunnerPhase.DECODE_STREAM, "token"));
    tracker.taskSent(task("t1", runnerId));
    tracker.taskSent(task("t2", runnerId));
    tracker.taskAcknowledged("t1");
    // as upstream's supervisor: both sent tasks are in progress, t2 is also still pending
    return tracker;
  }

  private static dev.skulk.diagnostics.model.RunnerDiagnosticUpdate update(String runnerId, RunnerPhase phase,
      String event) {
    return new RunnerDiagnosticUpdateBuilder().at("2026-12-01T00:00:00.000000Z").phase(phase).event(event)
        .context(context(runnerId)).build();
  }

  private static RunnerTaskDiagnostics task(String taskId, String runnerId) {
    return new RunnerTaskDiagnostics(taskId, "TextGeneration", "Pending", "instance-1", null, runnerId, null);
  }

  /**
   * An assembler whose accelerator reads 0.75, 40 GiB of 80 GiB, 310.5 W, 64 C; whose wired memory
   * reads 6 GiB (over the 5 GiB leak threshold, with no live runner); whose disk collector fails;
   * with the leaked-wired-memory rule only.
   */
  static DiagnosticsAssembler assembler() {
    return DiagnosticsAssembler.builder()
        .nodeId("node-a")
        .addCollector(FakeCollector.returning(Slot.ACCELERATOR, new AcceleratorMetricsBuilder()
            .vendor(AcceleratorVendor.NVIDIA).name("NVIDIA H200").utilizationRatio(0.75)
            .vramTotalBytes(80L << 30).vramUsedBytes(40L << 30).powerWatts(310.5).temperatureCelsius(64.0)
            .build()).named("test-accelerator"))
        .addCollector(FakeCollector.returning(Slot.CURRENT_WIRED, Memory.ofBytes(WIRED_BYTES)).named("test-wired"))
        .addCollector(FakeCollector.<DiskUsage>throwing(Slot.DISK, new IllegalStateException("disk gone"))
            .named("test-disk"))
        .rules(List.of(new LeakedWiredMemoryRule()))
        .build();
  }
}
