package dev.skulk.diagnostics.testkit.guide;

import static dev.skulk.diagnostics.testkit.DiagnosticsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.assembly.CollectorOutcome.Status;
import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.testkit.DiagnosticsGenerators;
import dev.skulk.diagnostics.testkit.FakeCollector;
import dev.skulk.diagnostics.testkit.InMemoryClusterState;
import dev.skulk.diagnostics.testkit.TestClock;
import dev.skulk.diagnostics.testkit.TestTicker;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The README's "Using the testkit in your integration tests", snippet for snippet (the fake peer's
 * example is {@link FakeSkulkPeerGuideIT}, the compatibility kit's {@link
 * ModelsVolumeCollectorCompatibilityTest}). Expected values are derived by hand from the assembler's
 * documented rules, not read back from it.
 */
class TestkitGuideTest {

  @Test
  void fakeCollector() {
    SystemPerformanceProfile cpuOnly = new SystemPerformanceProfile(0.0, 0.0, 0.0, 0.25, 0.0, null);
    FakeCollector<SystemPerformanceProfile> brokenGpu =
        FakeCollector.throwing(Slot.SYSTEM_PROFILE, new IllegalStateException("NVML_ERROR_GPU_IS_LOST"))
            .named("my-gpu").withPriority(100);
    FakeCollector<SystemPerformanceProfile> cpu =
        FakeCollector.returning(Slot.SYSTEM_PROFILE, cpuOnly).named("my-cpu");

    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder().nodeId("node-a")
        .addCollector(brokenGpu).addCollector(cpu).build()) {
      AssemblyReport report = assembler.assembleNodeReport();

      assertThat(report).hasOutcome("my-gpu", Status.FAILED).hasOutcome("my-cpu", Status.OK)
          .bundle().hasWarningsExactly("Collector my-gpu failed: IllegalStateException: NVML_ERROR_GPU_IS_LOST");
      assertThat(report.bundle().resources().system()).isEqualTo(cpuOnly);
      assertThat(brokenGpu.calls()).isEqualTo(1);
    }
  }

  @Test
  void inMemoryClusterState() {
    MemoryUsage gossiped = new MemoryUsage(Memory.ofGiB(128), Memory.ofGiB(100), Memory.ZERO, Memory.ZERO);
    InMemoryClusterState state = InMemoryClusterState.builder("node-a")
        .master("node-m")
        .addInstance("instance-1", "mlx-community/Llama-3.3-70B-Instruct-4bit",
            InMemoryClusterState.assignment("runner-0", "node-a", 0, 2, 0, 40, 80),
            InMemoryClusterState.assignment("runner-1", "node-b", 1, 2, 40, 80, 80))
        .runnerStatus("runner-0", "RunnerRunning")
        .memory("node-a", gossiped)
        .build();

    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder().nodeId("node-a").state(state).build()) {
      NodeDiagnostics bundle = assembler.assembleNode();

      assertThat(bundle).isMaster(false).hasPlacement("instance-1");
      assertThat(bundle.runtime().masterNodeId()).isEqualTo("node-m");
      assertThat(bundle.resources().gatheredMemory()).isEqualTo(gossiped);
      assertThat(bundle.placements().get(0).placementNodeIds()).containsExactly("node-a", "node-b");
    }
  }

  @Test
  void diagnosticsGenerators() {
    long seed = 20261127L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      NodeDiagnostics bundle = DiagnosticsGenerators.nodeDiagnostics(random);
      String json = DiagnosticsJson.strict().write(bundle);
      assertThat(DiagnosticsJson.strict().read(json, NodeDiagnostics.class))
          .as("seed %d, case %d: %s", seed, i, json).isEqualTo(bundle);
    }
  }

  @Test
  void testTickerAndTestClock() {
    TestTicker ticker = new TestTicker();
    TestClock clock = TestClock.at(Instant.parse("2026-11-27T03:13:13.5Z"));
    DiskUsage disk = new DiskUsage(Memory.ofGiB(2048), Memory.ofGiB(512));
    FakeCollector<DiskUsage> slowDisk = FakeCollector.slow(Slot.DISK, Duration.ofSeconds(3), disk, ticker)
        .named("slow-disk");

    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder().nodeId("node-a")
        .clock(clock).ticker(ticker).addCollector(slowDisk).build()) {
      AssemblyReport report = assembler.assembleNodeReport();

      assertThat(report).hasOutcome("slow-disk", Status.TIMED_OUT)
          .bundle().hasSlotEmpty(Slot.DISK).hasWarningsExactly("Collector slow-disk timed out after 2000 ms");
      assertThat(report.bundle().generatedAt()).isEqualTo("2026-11-27T03:13:13.500000+00:00");
    }
  }
}
