package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.MemoryUsageBuilder;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;

/**
 * Live RAM and swap ({@code resources.currentMemory}) from OSHI's {@code GlobalMemory}: total and
 * available RAM, total swap, and free swap (total - used) as {@code swapAvailable}.
 *
 * <p>Platforms: Linux, macOS, Windows; unavailable elsewhere. Thread-safe. Cost: a read of {@code
 * /proc/meminfo} (Linux) or one {@code host_statistics64} and {@code sysctl} call (macOS); OSHI
 * caches the figures for a few hundred milliseconds.
 */
public final class MemoryCollector implements Collector<MemoryUsage> {

  /** This collector's name. */
  public static final String NAME = "oshi-memory";

  private final OsFamily os;
  private final OshiSystem oshi = new OshiSystem();

  /** A collector for this machine. */
  public MemoryCollector() {
    this(OsFamily.current());
  }

  MemoryCollector(OsFamily os) {
    this.os = os;
  }

  @Override
  public Slot<MemoryUsage> slot() {
    return Slot.CURRENT_MEMORY;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isAvailable() {
    return os.oshiSupported();
  }

  @Override
  public MemoryUsage collect(CollectContext context) {
    GlobalMemory memory = oshi.hardware().getMemory();
    VirtualMemory virtual = memory.getVirtualMemory();
    long swapTotal = virtual.getSwapTotal();
    return new MemoryUsageBuilder()
        .ramTotal(Memory.ofBytes(memory.getTotal()))
        .ramAvailable(Memory.ofBytes(memory.getAvailable()))
        .swapTotal(Memory.ofBytes(swapTotal))
        .swapAvailable(Memory.ofBytes(swapTotal - virtual.getSwapUsed()))
        .build();
  }
}
