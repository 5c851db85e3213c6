package dev.skulk.diagnostics.testkit;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeIdentityBuilder;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnostics;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnosticsBuilder;
import dev.skulk.diagnostics.model.ProcessRole;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnosticsBuilder;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Readings and helpers shared by the testkit's tests. */
final class Samples {

  static final long GIB = 1L << 30;

  private Samples() {}

  static MemoryUsage memory() {
    return new MemoryUsage(Memory.ofGiB(64), Memory.ofGiB(32), Memory.ofGiB(4), Memory.ofGiB(4));
  }

  static DiskUsage disk(long totalGiB) {
    return new DiskUsage(Memory.ofGiB(totalGiB), Memory.ofGiB(totalGiB / 2));
  }

  static NodeIdentity identity(String friendlyName) {
    return new NodeIdentityBuilder().modelId("Mac16,1").chipId("Apple M4").friendlyName(friendlyName).build();
  }

  static NodeRuntimeDiagnostics runtime(String nodeId) {
    return new NodeRuntimeDiagnosticsBuilder()
        .nodeId(nodeId)
        .hostname("live-host")
        .friendlyName("live-friendly")
        .isMaster(false)
        .cwd("/srv/skulk")
        .configPath("skulk.yaml")
        .configFileExists(true)
        .skulkVersion("1.4.3")
        .skulkCommit("abc123")
        .pythonUnbuffered(false)
        .tracingEnabled(false)
        .structuredLoggingConfigured(false)
        .build();
  }

  static AcceleratorMetrics accelerator() {
    return new AcceleratorMetrics(AcceleratorVendor.NVIDIA, "NVIDIA H100", 0.5, 80 * GIB, 10 * GIB, null, 300.0, 55.0, 1980);
  }

  static SystemPerformanceProfile profile(AcceleratorMetrics accelerator) {
    return new SystemPerformanceProfile(40.0, 55.0, 300.0, 12.5, 0.0, accelerator);
  }

  static NodeNetworkInfo network() {
    return new NodeNetworkInfo(List.of());
  }

  static MlxMemorySnapshot mlx() {
    return new MlxMemorySnapshot("2026-01-01T00:00:00+00:00", Memory.ofMiB(512), null, null, null, "mlx-c");
  }

  static DiagnosticsProcess process(long pid, Long parent, String command) {
    return new DiagnosticsProcess(pid, parent, ProcessRole.OTHER, command, null, null, null, null, null, false);
  }

  static RunnerSupervisorDiagnosticsBuilder supervisor(String runnerId, String instanceId) {
    return new RunnerSupervisorDiagnosticsBuilder()
        .runnerId(runnerId)
        .instanceId(instanceId)
        .nodeId("node-a")
        .modelId("mlx-community/model")
        .deviceRank(0)
        .worldSize(1)
        .startLayer(0)
        .endLayer(30)
        .nLayers(30)
        .processAlive(true)
        .statusKind("RunnerRunning")
        .statusSince("2026-01-01T00:00:00+00:00")
        .secondsInStatus(1.0)
        .phase(RunnerPhase.DECODE_STREAM)
        .phaseStartedAt("2026-01-01T00:00:00+00:00")
        .secondsInPhase(1.0)
        .completedTaskCount(0);
  }

  /** Polls {@code condition} every few milliseconds until it holds or {@code timeout} passes. */
  static boolean eventually(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    return true;
  }

  /** Threads that would outlive a test: non-daemon ones (other than main) and the assembler's pool. */
  static long lingeringThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> t.getName().startsWith("skulk-diag-") || (!t.isDaemon() && !t.getName().equals("main")))
        .count();
  }
}
