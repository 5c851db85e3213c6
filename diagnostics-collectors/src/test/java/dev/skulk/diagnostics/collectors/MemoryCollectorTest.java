package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import org.junit.jupiter.api.Test;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.testkit.CollectorCompatibilityKit;

/** On this machine, through OSHI. */
class MemoryCollectorTest extends CollectorCompatibilityKit {

  @Override
  protected Collector<?> createCollector() {
    return new MemoryCollector();
  }

  @Test
  void readsThisMachinesRamAndSwap() {
    MemoryCollector collector = new MemoryCollector();
    assertThat(collector.isAvailable()).isTrue();

    MemoryUsage memory = collector.collect(TestCollectContext.create());

    long total = memory.ramTotal().inBytes();
    assertThat(total).isGreaterThan(64L * 1024 * 1024);
    assertThat(memory.ramAvailable().inBytes()).isPositive().isLessThanOrEqualTo(total);
    assertThat(memory.swapTotal().inBytes()).isNotNegative();
    assertThat(memory.swapAvailable().inBytes()).isBetween(0L, memory.swapTotal().inBytes());
    assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(total + memory.swapTotal().inBytes());
  }

  @Test
  void unavailableOnUnsupportedSystems() {
    assertThat(new MemoryCollector(OsFamily.OTHER).isAvailable()).isFalse();
    assertThat(new MemoryCollector().slot().name()).isEqualTo("currentMemory");
  }
}
