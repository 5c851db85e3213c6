package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import java.util.ArrayDeque;
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
  void firstCallTakesABaselineThenEachCallMeasuresSinceThePrevious() throws Exception {
    Deque<long[]> readings =
        new ArrayDeque<>(
            List.of(
                ticks(0, 0, 0, 0),
                ticks(30, 10, 60, 0), // baseline of the first call: 40 % busy
                ticks(130, 10, 60, 0), // second call: 100 % busy since the first
                ticks(130, 10, 60, 0), // third call: no tick passed, the last figure stands
                ticks(130, 10, 160, 0))); // fourth: idle
    CpuProfileCollector collector =
        new CpuProfileCollector(OsFamily.LINUX, readings::removeFirst, () -> "  Test CPU @ 3.0GHz ");

    List<Double> figures =
        List.of(
            collector.collect(TestCollectContext.create()).pcpuUsage(),
            collector.collect(TestCollectContext.create()).pcpuUsage(),
            collector.collect(TestCollectContext.create()).pcpuUsage(),
            collector.collect(TestCollectContext.create()).pcpuUsage());

    assertThat(figures).containsExactly(40.0, 100.0, 100.0, 0.0);
    assertThat(readings).isEmpty();
  }

  @Test
  void profileShape() throws Exception {
    CpuProfileCollector collector =
        new CpuProfileCollector(
            OsFamily.LINUX,
            new ArrayDeque<>(List.of(ticks(0, 0, 0, 0), ticks(25, 0, 75, 0)))::removeFirst,
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
