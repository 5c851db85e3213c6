package dev.skulk.diagnostics.testkit.discovery;

import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;

/** Listed in the test ServiceLoader file; constructs, but its name() throws. */
public final class NamelessCollector implements Collector<Memory> {

  @Override
  public Slot<Memory> slot() {
    return Slot.CURRENT_WIRED;
  }

  @Override
  public String name() {
    throw new UnsupportedOperationException("no name");
  }

  @Override
  public Memory collect(CollectContext context) {
    return Memory.ZERO;
  }
}
