package dev.skulk.diagnostics.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.assembly.CollectorOutcome;
import dev.skulk.diagnostics.assembly.CollectorOutcome.Status;
import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The checks every {@link Collector} must pass (Micrometer's compatibility-kit idea): extend this
 * class in the collector's test, implement {@link #createCollector()}, and inherit the tests.
 *
 * <pre>{@code
 * class WiredMemoryCollectorTest extends CollectorCompatibilityKit {
 *   @Override
 *   protected Collector<?> createCollector() {
 *     return new WiredMemoryCollector();
 *   }
 * }
 * }</pre>
 *
 * <p>The checks: a stable, non-blank name and a known slot; {@code isAvailable()} never throws;
 * nothing the collector does escapes an assembler; the bundle it helps build survives a STRICT
 * JSON round trip (what a Python peer would accept); {@code collect()} returns within its budget;
 * and a collector that says it is available actually delivers: {@code collect()} neither throws
 * nor returns null, and its reading fits its slot. (A collector is not excused by the assembler's
 * isolation: "available" that always fails or yields nothing is a bug, not a degraded host.)
 *
 * <p>Each test creates its own collectors and assembler; override {@link #collectorTimeout()} for a
 * collector that legitimately needs longer.
 */
public abstract class CollectorCompatibilityKit {

  /** A new instance of the collector under test. */
  protected abstract Collector<?> createCollector();

  /** The budget the collector must respect; default {@link DiagnosticsAssembler#DEFAULT_COLLECTOR_TIMEOUT}. */
  protected Duration collectorTimeout() {
    return DiagnosticsAssembler.DEFAULT_COLLECTOR_TIMEOUT;
  }

  /**
   * Slack allowed on top of budgets for scheduling, in the tests that measure time. Generous on
   * purpose (the suite runs on busy CI cores); a collector that ignores its deadline blocks far
   * longer than this.
   */
  protected Duration slack() {
    return Duration.ofSeconds(2);
  }

  @Test
  void nameIsNotBlankAndStableAcrossInstances() {
    Collector<?> first = createCollector();
    Collector<?> second = createCollector();

    assertThat(first.name()).as("name()").isNotBlank();
    assertThat(first.name()).as("name() of a second instance").isEqualTo(second.name());
    assertThat(first.name()).as("name() called twice").isEqualTo(first.name());
  }

  @Test
  void slotIsOneOfTheKnownSlotsAndStable() {
    Collector<?> collector = createCollector();

    assertThat(Slot.all()).as("slot()").contains(collector.slot());
    assertThat(createCollector().slot()).as("slot() of a second instance").isSameAs(collector.slot());
    assertThat(collector.priority()).as("priority() called twice").isEqualTo(collector.priority());
  }

  @Test
  void isAvailableDoesNotThrow() {
    Collector<?> collector = createCollector();

    assertThatCode(collector::isAvailable).as("isAvailable()").doesNotThrowAnyException();
    assertThatCode(() -> collector.isAvailable(TestCollectContext.create()))
        .as("isAvailable(context)").doesNotThrowAnyException();
  }

  @Test
  void neverThrowsOutOfAnAssembler() {
    Collector<?> collector = createCollector();
    Duration deadline = collectorTimeout().plus(collectorTimeout().dividedBy(2));
    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder()
        .nodeId("compatibility-kit-node")
        .addCollector(collector)
        .collectorTimeout(collectorTimeout())
        .deadline(deadline)
        .build()) {
      long start = System.nanoTime();
      AssemblyReport report = assembler.assembleNodeReport();
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(report.bundle()).isNotNull();
      assertThat(took).as("time to assemble").isLessThan(deadline.plus(slack()));
      CollectorOutcome outcome = report.outcome(collector.name());
      if (outcome == null) {
        throw new AssertionError("the report has no outcome of " + collector.name());
      }
      assertThat(outcome.status()).isIn(Status.OK, Status.UNAVAILABLE, Status.FAILED, Status.TIMED_OUT);
    }
  }

  @Test
  void itsBundleRoundTripsThroughTheStrictCodec() {
    Collector<?> collector = createCollector();
    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder()
        .nodeId("compatibility-kit-node")
        .addCollector(collector)
        .collectorTimeout(collectorTimeout())
        .build()) {
      NodeDiagnostics bundle = assembler.assembleNode();

      String json = DiagnosticsJson.strict().write(bundle);
      NodeDiagnostics back = DiagnosticsJson.strict().read(json, NodeDiagnostics.class);

      assertThat(back).as("the bundle read back from%n%s", json).isEqualTo(bundle);
      assertThat(DiagnosticsJson.strict().write(back)).as("written again").isEqualTo(json);
    }
  }

  @Test
  void collectReturnsWithinItsBudgetWhenAvailable() throws Exception {
    Collector<?> collector = createCollector();
    Assumptions.assumeTrue(collector.isAvailable(), () -> collector.name() + " is not available here");
    TestCollectContext context = TestCollectContext.builder().budget(collectorTimeout()).build();

    callWithinBudget(collector, context);
  }

  @Test
  void collectDeliversAReadingWhenAvailable() throws Exception {
    Collector<?> collector = createCollector();
    TestCollectContext context = TestCollectContext.builder().budget(collectorTimeout()).build();
    Assumptions.assumeTrue(collector.isAvailable(context), () -> collector.name() + " is not available here");

    CompletableFuture<Object> call = callWithinBudget(collector, context);
    Object reading;
    try {
      reading = call.getNow(null);
    } catch (CompletionException e) {
      throw new AssertionError(collector.name() + " says it is available, but collect() threw "
          + e.getCause(), e.getCause());
    }
    assertThat(reading)
        .as("%s says it is available, but collect() returned no reading", collector.name())
        .isNotNull();
    assertThat(reading)
        .as("%s's reading, for slot %s", collector.name(), collector.slot())
        .isInstanceOf(collector.slot().type());
  }

  /**
   * Calls {@code collect} on its own thread and waits (bounded by budget plus slack) for it to
   * end; fails when it has not. Returns the completed call, normally or exceptionally.
   */
  private CompletableFuture<Object> callWithinBudget(Collector<?> collector, TestCollectContext context)
      throws InterruptedException {
    CompletableFuture<Object> call = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        call.complete(collector.collect(context));
      } catch (Throwable e) {
        call.completeExceptionally(e);
      }
    }, "compatibility-kit-collect");
    thread.setDaemon(true);
    thread.start();
    try {
      call.get(collectorTimeout().plus(slack()).toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      // Failing is allowed: the budget is about returning, not succeeding.
    } catch (TimeoutException e) {
      thread.interrupt();
      fail(collector.name() + ".collect() did not return within its " + collectorTimeout().toMillis()
          + " ms budget (waited " + slack().toMillis() + " ms more)");
    }
    return call;
  }
}
