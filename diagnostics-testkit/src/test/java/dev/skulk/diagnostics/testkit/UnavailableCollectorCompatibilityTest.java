package dev.skulk.diagnostics.testkit;

import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;

/** The compatibility kit against a collector unavailable here: the budget check is skipped, the rest pass. */
class UnavailableCollectorCompatibilityTest extends CollectorCompatibilityKit {

  @Override
  protected Collector<?> createCollector() {
    return FakeCollector.unavailable(Slot.MLX_MEMORY).named("no-mlx-here");
  }
}
