package dev.skulk.diagnostics.testkit;

import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;

/** The compatibility kit run against a well-behaved fake: every inherited check passes. */
class FakeCollectorCompatibilityTest extends CollectorCompatibilityKit {

  @Override
  protected Collector<?> createCollector() {
    return FakeCollector.returning(Slot.CURRENT_MEMORY, Samples.memory()).named("fake-memory");
  }
}
