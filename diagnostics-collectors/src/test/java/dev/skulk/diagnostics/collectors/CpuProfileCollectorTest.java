package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.testkit.CollectorCompatibilityKit;

class CpuProfileCollectorTest extends CollectorCompatibilityKit {

  @Override
  protected Collector<?> createCollector() {
    return new CpuProfileCollector();
  }

  // OSHI tick order: USER, NICE, SYSTEM, IDLE, IOWAIT, IRQ, SOFTIRQ, STEAL
  private static long[] ticks(long user, long system, long idle, long iowait) {
    return new long[] {user, 0, system, idle, iowait, 0, 0, 0};
  }

  @Test
  void busyPercentCountsIowaitAsIdle() {
    assertThat(CpuProfileCollector.busyPercent(ticks(100, 50, 800, 50), ticks(160, 70, 900, 70)))
        .isCloseTo(100.0 * 80 / 200, within(1e-9));
    assertThat(CpuProfileCollector.busyPercent(ticks(1, 1, 1, 1), ticks(1, 1, 1, 1))).isNull();
  }

  @Test
  void firstCallReportsTheAverageSinceBootThenEachCallMeasuresSinceThePrevious() {
    Deque<long[]> readings =
        new ArrayDeque<>(
            List.of(
                ticks(30, 10, 60, 0), // first call: 40 of 100 ticks since boot busy
                ticks(130, 10, 60, 0), // second call: 100 % busy since the first
                ticks(130, 10, 60, 0), // third call: no tick passed, the last figure stands
                ticks(130, 10, 150, 50), // fourth: idle (iowait counts as idle)
                ticks(150, 20, 170, 50))); // fifth: 30 of 50 ticks busy
    CpuProfileCollector collector =
        new CpuProfileCollector(OsFamily.LINUX, readings::removeFirst, () -> "  Test CPU @ 3.0GHz ");

    List<Double> figures = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      figures.add(collector.collect(TestCollectContext.create()).pcpuUsage());
    }

    // one tick reading per call: no extra baseline reading, so no wait between two readings
    assertThat(readings).isEmpty();
    assertThat(figures).containsExactly(40.0, 100.0, 100.0, 0.0, 60.0);
  }

  @Test
  void firstCallOnCountersThatReadZeroReportsZero() {
    CpuProfileCollector collector =
        new CpuProfileCollector(
            OsFamily.LINUX,
            new ArrayDeque<>(List.of(ticks(0, 0, 0, 0), ticks(0, 0, 0, 0), ticks(5, 0, 15, 0)))
                ::removeFirst,
            () -> "CPU");

    assertThat(collector.collect(TestCollectContext.create()).pcpuUsage()).isZero();
    assertThat(collector.collect(TestCollectContext.create()).pcpuUsage()).isZero();
    assertThat(collector.collect(TestCollectContext.create()).pcpuUsage()).isEqualTo(25.0);
  }

  @Test
  void firstCallDoesNotWaitEvenWithAGenerousBudget() {
    // The old collector slept up to 200 ms here; a recorded single reading proves no second one is
    // taken, and the generous real-time guard only catches a blocking regression.
    CpuProfileCollector collector =
        new CpuProfileCollector(
            OsFamily.LINUX, new ArrayDeque<>(List.of(ticks(1, 1, 2, 0)))::removeFirst, () -> "CPU");
    long start = System.nanoTime();
    assertThat(collector.collect(TestCollectContext.create()).pcpuUsage()).isEqualTo(50.0);
    assertThat(System.nanoTime() - start).isLessThan(java.time.Duration.ofSeconds(5).toNanos());
  }

  @Test
  void profileShape() throws Exception {
    CpuProfileCollector collector =
        new CpuProfileCollector(
            OsFamily.LINUX,
            new ArrayDeque<>(List.of(ticks(25, 0, 75, 0)))::removeFirst,
            () -> "AMD EPYC 9654 96-Core Processor");

    SystemPerformanceProfile profile = collector.collect(TestCollectContext.create());
    AcceleratorMetrics accelerator = profile.accelerator();

    assertThat(profile.pcpuUsage()).isEqualTo(25.0);
    assertThat(profile.ecpuUsage()).isZero();
    assertThat(profile.gpuUsage()).isZero();
    assertThat(profile.temp()).isZero();
    assertThat(profile.sysPower()).isZero();
    assertThat(accelerator.vendor()).isEqualTo(AcceleratorVendor.CPU);
    assertThat(accelerator.name()).isEqualTo("AMD EPYC 9654 96-Core Processor");
    assertThat(accelerator.utilizationRatio()).isEqualTo(0.25);
    assertThat(accelerator.temperatureCelsius()).isNull();
    assertThat(accelerator.powerWatts()).isNull();
    assertThat(accelerator.vramTotalBytes()).isNull();
    assertThat(accelerator.clockMhz()).isNull();
  }

  @Test
  void thisMachinesCpuAfterABusyLoop() throws Exception {
    CpuProfileCollector collector = new CpuProfileCollector();
    assertThat(collector.isAvailable()).isTrue();
    assertThat(collector.priority()).isZero();

    SystemPerformanceProfile first = collector.collect(TestCollectContext.create());
    CpuBurner.burn(400);
    SystemPerformanceProfile second = collector.collect(TestCollectContext.create());

    assertThat(first.pcpuUsage()).isBetween(0.0, 100.0);
    assertThat(second.pcpuUsage()).isGreaterThan(0.0).isLessThanOrEqualTo(100.0);
    assertThat(second.accelerator().vendor()).isEqualTo(AcceleratorVendor.CPU);
    assertThat(second.accelerator().name()).isNotBlank().isNotEqualTo("Unknown");
    assertThat(second.accelerator().utilizationRatio()).isEqualTo(second.pcpuUsage() / 100.0);
  }
}
