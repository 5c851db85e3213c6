package dev.skulk.diagnostics.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.assembly.CollectorOutcome.Status;
import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.DiskUsageBuilder;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The assembler in its own module, with collectors written inline (the testkit, which depends on
 * core, has the fuller suite): slot priority and fallback, each outcome and its exact warning, the
 * deadline, and the builder's refusals.
 */
class DiagnosticsAssemblerTest {

  private static DiskUsage disk(long gib) {
    return new DiskUsageBuilder().total(Memory.ofGiB(gib)).available(Memory.ofGiB(1)).build();
  }

  /** A disk collector: returns {@code value}, or throws {@code failure}, or blocks on {@code gate}. */
  private static Collector<DiskUsage> diskCollector(String name, int priority, @Nullable DiskUsage value,
      @Nullable RuntimeException failure, @Nullable CountDownLatch gate, AtomicInteger calls) {
    return new Collector<>() {
      @Override
      public Slot<DiskUsage> slot() {
        return Slot.DISK;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public int priority() {
        return priority;
      }

      @Override
      public @Nullable DiskUsage collect(CollectContext context) throws InterruptedException {
        calls.incrementAndGet();
        if (gate != null) {
          gate.await();
        }
        if (failure != null) {
          throw failure;
        }
        return value;
      }
    };
  }

  private static DiagnosticsAssembler.Builder builder() {
    return DiagnosticsAssembler.builder().nodeId("node-core-test");
  }

  @Test
  void theHighestPriorityCollectorWinsAndTheOthersAreSkipped() {
    AtomicInteger highCalls = new AtomicInteger();
    AtomicInteger lowCalls = new AtomicInteger();
    try (DiagnosticsAssembler assembler = builder()
        .addCollector(diskCollector("low", 1, disk(100), null, null, lowCalls))
        .addCollector(diskCollector("high", 5, disk(500), null, null, highCalls))
        .build()) {
      AssemblyReport report = assembler.assembleNodeReport();

      assertThat(report.bundle().resources().disk()).isEqualTo(disk(500));
      assertThat(report.outcome("high").status()).isEqualTo(Status.OK);
      assertThat(report.outcome("low").status()).isEqualTo(Status.SKIPPED);
      assertThat(lowCalls).hasValue(0);
      assertThat(report.bundle().warnings()).isEmpty();
    }
  }

  @Test
  void aFailingCollectorWarnsOnceByNameAndLeavesTheSlotToTheNext() {
    AtomicInteger calls = new AtomicInteger();
    try (DiagnosticsAssembler assembler = builder()
        .addCollector(diskCollector("broken-disk", 5, null, new IllegalStateException("no\n  mount table"), null, calls))
        .addCollector(diskCollector("fallback-disk", 1, disk(100), null, null, calls))
        .build()) {
      AssemblyReport report = assembler.assembleNodeReport();

      assertThat(report.bundle().resources().disk()).isEqualTo(disk(100));
      assertThat(report.outcome("broken-disk").status()).isEqualTo(Status.FAILED);
      assertThat(report.outcome("broken-disk").cause()).isInstanceOf(IllegalStateException.class);
      assertThat(report.bundle().warnings())
          .containsExactly("Collector broken-disk failed: IllegalStateException: no mount table");
    }
  }

  @Test
  void aHungCollectorTimesOutWithItsBudgetInTheWarningAndIsSkippedWhileStillRunning() {
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    try (DiagnosticsAssembler assembler = builder()
        .collectorTimeout(Duration.ofMillis(300))
        .deadline(Duration.ofSeconds(30))
        .addCollector(diskCollector("hung-disk", 5, disk(1), null, never, calls))
        .build()) {
      AssemblyReport first = assembler.assembleNodeReport();
      assertThat(first.outcome("hung-disk").status()).isEqualTo(Status.TIMED_OUT);
      assertThat(first.bundle().warnings()).containsExactly("Collector hung-disk timed out after 300 ms");
      assertThat(first.bundle().resources().disk()).isNull();

      // interrupted on timeout: a collector that honours interrupts is free again for the next poll
      AssemblyReport second = assembler.assembleNodeReport();
      assertThat(second.outcome("hung-disk").status()).isIn(Status.TIMED_OUT, Status.SKIPPED);
    } finally {
      never.countDown();
    }
  }

  @Test
  void anUnavailableCollectorIsNotCalledAndCostsNoWarning() {
    AtomicInteger calls = new AtomicInteger();
    Collector<DiskUsage> present = diskCollector("present", 0, disk(7), null, null, calls);
    Collector<DiskUsage> absent = new Collector<>() {
      @Override
      public Slot<DiskUsage> slot() {
        return Slot.DISK;
      }

      @Override
      public String name() {
        return "absent";
      }

      @Override
      public int priority() {
        return 10;
      }

      @Override
      public boolean isAvailable() {
        return false;
      }

      @Override
      public DiskUsage collect(CollectContext context) {
        throw new AssertionError("an unavailable collector must not be called");
      }
    };
    try (DiagnosticsAssembler assembler = builder().addCollector(absent).addCollector(present).build()) {
      AssemblyReport report = assembler.assembleNodeReport();

      assertThat(report.outcome("absent").status()).isEqualTo(Status.UNAVAILABLE);
      assertThat(report.bundle().resources().disk()).isEqualTo(disk(7));
      assertThat(report.bundle().warnings()).isEmpty();
    }
  }

  @Test
  void theBundleNamesTheConfiguredNodeAndAStandaloneNodeIsItsOwnMaster() {
    try (DiagnosticsAssembler assembler = builder().build()) {
      NodeDiagnostics bundle = assembler.assembleNode();

      assertThat(bundle.runtime().nodeId()).isEqualTo("node-core-test");
      assertThat(bundle.runtime().masterNodeId()).isEqualTo("node-core-test");
      assertThat(bundle.runtime().isMaster()).isTrue();
    }
  }

  @Test
  void aClosedAssemblerStillAnswersAndSaysWhy() throws Exception {
    DiagnosticsAssembler assembler = builder().build();
    assembler.close();

    NodeDiagnostics bundle = assembler.assembleNode();

    assertThat(bundle.warnings()).contains("Diagnostics assembler is closed; live readings were not collected");
  }

  @Test
  void theBuilderRefusesAMissingNodeIdAndNonPositiveTimes() {
    assertThatThrownBy(() -> DiagnosticsAssembler.builder().build()).isInstanceOf(RuntimeException.class)
        .hasMessageContaining("nodeId");
    assertThatThrownBy(() -> builder().collectorTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().deadline(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(List.of(Status.values())).contains(Status.DISABLED);
  }

  @Test
  void waitsForNothingPastItsDeadline() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    try (DiagnosticsAssembler assembler = builder()
        .collectorTimeout(Duration.ofSeconds(60))
        .deadline(Duration.ofMillis(400))
        .addCollector(diskCollector("slow-disk", 5, disk(1), null, never, calls))
        .build()) {
      AssemblyReport report = assembler.assembleNodeReport();

      assertThat(report.outcome("slow-disk").status()).isEqualTo(Status.TIMED_OUT);
      // a collector's budget is capped at four fifths of the deadline (the rest is for rules and
      // the bundle): 320 ms of 400
      assertThat(report.bundle().warnings()).containsExactly("Collector slow-disk timed out after 320 ms");
      assertThat(never.await(0, TimeUnit.MILLISECONDS)).isFalse();
    } finally {
      never.countDown();
    }
  }
}
