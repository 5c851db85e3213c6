package dev.skulk.diagnostics.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Proves the compatibility kit can fail: its checks are run directly against deliberately broken
 * collectors and must throw an {@link AssertionError}, while a well-behaved fake passes them all.
 * The kits here are private nested classes, so the engine does not run them as tests of their own.
 */
class CollectorCompatibilityKitSelfTest {

  /** A kit over whatever {@code factory} builds, with a short budget so a hang is noticed quickly. */
  private static final class KitFor extends CollectorCompatibilityKit {
    private final Supplier<Collector<?>> factory;

    KitFor(Supplier<Collector<?>> factory) {
      this.factory = factory;
    }

    @Override
    protected Collector<?> createCollector() {
      return factory.get();
    }

    @Override
    protected Duration collectorTimeout() {
      // Short budget; the kit still waits slack() (2 s) more of real time before calling it a hang.
      return Duration.ofMillis(200);
    }
  }

  @Test
  void aWellBehavedCollectorPassesEveryCheck() {
    KitFor kit = new KitFor(() -> FakeCollector.returning(Slot.CURRENT_MEMORY, Samples.memory()).named("good"));

    assertThatCode(() -> {
      kit.nameIsNotBlankAndStableAcrossInstances();
      kit.slotIsOneOfTheKnownSlotsAndStable();
      kit.isAvailableDoesNotThrow();
      kit.neverThrowsOutOfAnAssembler();
      kit.itsBundleRoundTripsThroughTheStrictCodec();
      kit.collectReturnsWithinItsBudgetWhenAvailable();
      kit.collectDeliversAReadingWhenAvailable();
    }).doesNotThrowAnyException();
  }

  @Test
  void aCollectorThatAlwaysThrowsIsRejected() {
    KitFor kit = new KitFor(() -> FakeCollector.throwing(Slot.CURRENT_MEMORY, new IOException("boom")).named("thrower"));

    assertThatThrownBy(kit::collectDeliversAReadingWhenAvailable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("thrower")
        .hasMessageContaining("threw")
        .hasRootCauseInstanceOf(IOException.class);
  }

  @Test
  void aCollectorThatIsAvailableButReturnsNothingIsRejected() {
    KitFor kit = new KitFor(() -> FakeCollector.<MemoryUsage>returning(Slot.CURRENT_MEMORY, null).named("empty"));

    assertThatThrownBy(kit::collectDeliversAReadingWhenAvailable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("empty")
        .hasMessageContaining("no reading");
  }

  @Test
  void aCollectorWhoseReadingDoesNotFitItsSlotIsRejected() {
    KitFor kit = new KitFor(() -> FakeCollector.returningGarbage(Slot.CURRENT_MEMORY, "not memory").named("garbage"));

    assertThatThrownBy(kit::collectDeliversAReadingWhenAvailable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("garbage");
  }

  @Test
  void aCollectorThatIgnoresItsDeadlineIsRejected() {
    // Blocks on a latch nobody releases, deaf to interrupts: no sleep, the kit's own bounded wait
    // (budget + 2 s slack) is what ends the test.
    FakeCollector<MemoryUsage> hanging = FakeCollector.hanging(Slot.CURRENT_MEMORY).named("deaf");
    KitFor kit = new KitFor(() -> hanging);
    try {
      assertThatThrownBy(kit::collectReturnsWithinItsBudgetWhenAvailable)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("deaf")
          .hasMessageContaining("did not return within");
      assertThatThrownBy(kit::collectDeliversAReadingWhenAvailable)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("did not return within");
    } finally {
      hanging.release();
    }
  }

  @Test
  void anUnavailableCollectorIsNotAskedForAReading() {
    KitFor kit = new KitFor(() -> FakeCollector.unavailable(Slot.MLX_MEMORY).named("absent"));

    // Skipped (an assumption), not failed: null from a collector that says it is unavailable is fine.
    assertThatThrownBy(kit::collectDeliversAReadingWhenAvailable)
        .isInstanceOf(org.opentest4j.TestAbortedException.class);
  }
}
