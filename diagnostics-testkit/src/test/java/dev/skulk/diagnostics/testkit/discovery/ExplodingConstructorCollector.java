package dev.skulk.diagnostics.testkit.discovery;

import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;

/** Listed in the test ServiceLoader file; its constructor throws. */
public final class ExplodingConstructorCollector implements Collector<MemoryUsage> {

  public ExplodingConstructorCollector() {
    throw new IllegalStateException("constructor exploded");
  }

  @Override
  public Slot<MemoryUsage> slot() {
    return Slot.CURRENT_MEMORY;
  }

  @Override
  public String name() {
    return "exploding";
  }

  @Override
  public MemoryUsage collect(CollectContext context) {
    throw new AssertionError("never constructed");
  }
}
