package dev.skulk.diagnostics.testkit.discovery;

import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;

/** Listed in the test ServiceLoader file; loads and works. */
public final class GoodCollector implements Collector<DiskUsage> {

  @Override
  public Slot<DiskUsage> slot() {
    return Slot.DISK;
  }

  @Override
  public String name() {
    return "discovered-disk";
  }

  @Override
  public DiskUsage collect(CollectContext context) {
    return new DiskUsage(Memory.ofGiB(100), Memory.ofGiB(40));
  }
}
