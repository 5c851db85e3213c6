package dev.skulk.diagnostics.testkit;

import static dev.skulk.diagnostics.testkit.DiagnosticsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.assembly.CollectorOutcome;
import dev.skulk.diagnostics.assembly.CollectorOutcome.Status;
import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.spi.Slot;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a collector can misbehave, alone and all at once: the bundle still comes back, in time. */
class AssemblerFaultInjectionTest {

  private static final Duration DEADLINE = Duration.ofSeconds(1);
  private static final Duration BUDGET = Duration.ofMillis(800); // four fifths of the deadline
  // A real-time smoke check: generous, so that it holds with both cores busy.
  private static final Duration SLACK = Duration.ofSeconds(2);

  private final List<FakeCollector<?>> fakes = new ArrayList<>();
  private final List<DiagnosticsAssembler> assemblers = new ArrayList<>();

  @AfterEach
  void releaseEverything() {
    fakes.forEach(FakeCollector::release);
    assemblers.forEach(DiagnosticsAssembler::close);
    Thread.interrupted();
  }

  private <C extends FakeCollector<?>> C track(C fake) {
    fakes.add(fake);
    return fake;
  }

  private DiagnosticsAssembler assembler(FakeCollector<?>... collectors) {
    DiagnosticsAssembler.Builder builder = DiagnosticsAssembler.builder()
        .nodeId("node-a")
        .collectorTimeout(Duration.ofSeconds(2))
        .deadline(DEADLINE);
    for (FakeCollector<?> collector : collectors) {
      builder.addCollector(track(collector));
    }
    DiagnosticsAssembler assembler = builder.build();
    assemblers.add(assembler);
    return assembler;
  }

  private static AssemblyReport timed(DiagnosticsAssembler assembler) {
    long start = System.nanoTime();
    AssemblyReport report = assembler.assembleNodeReport();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as("assembly time").isLessThan(DEADLINE.plus(SLACK));
    return report;
  }

  /** A misbehaving memory collector, the status it must get and the warning it must raise (null: none). */
  record Case(Function<Slot<MemoryUsage>, FakeCollector<?>> make, Status status, String warningAfterName) {}

  static Stream<Arguments> misbehaviours() {
    return Stream.of(
        Arguments.of(Named.of("throws an unchecked exception", new Case(
            s -> FakeCollector.throwing(s, new IllegalStateException("boom")), Status.FAILED,
            " failed: IllegalStateException: boom"))),
        Arguments.of(Named.of("throws a checked exception", new Case(
            s -> FakeCollector.throwing(s, new IOException("disk\ngone")), Status.FAILED,
            " failed: IOException: disk gone"))),
        Arguments.of(Named.of("throws without a message", new Case(
            s -> FakeCollector.throwing(s, new NullPointerException()), Status.FAILED,
            " failed: NullPointerException"))),
        Arguments.of(Named.of("throws a StackOverflowError", new Case(
            s -> FakeCollector.throwing(s, new StackOverflowError("deep")), Status.FAILED,
            " failed: StackOverflowError: deep"))),
        Arguments.of(Named.of("fails to link", new Case(
            FakeCollector::linkageError, Status.FAILED, " failed: NoClassDefFoundError: com/sun/jna/Native"))),
        Arguments.of(Named.of("returns garbage", new Case(
            s -> FakeCollector.returningGarbage(s, "not a memory reading"), Status.FAILED,
            " failed: ClassCastException: Cannot cast java.lang.String to dev.skulk.diagnostics.model.MemoryUsage"))),
        Arguments.of(Named.of("throws from isAvailable", new Case(
            s -> FakeCollector.availabilityThrowing(s, new IllegalStateException("no platform")), Status.FAILED,
            " failed: IllegalStateException: no platform"))),
        Arguments.of(Named.of("hangs ignoring interrupts", new Case(
            FakeCollector::hanging, Status.TIMED_OUT, " timed out after 800 ms"))),
        Arguments.of(Named.of("is slow", new Case(
            s -> FakeCollector.slow(s, Duration.ofSeconds(30), Samples.memory()), Status.TIMED_OUT,
            " timed out after 800 ms"))),
        Arguments.of(Named.of("returns after its deadline", new Case(
            s -> FakeCollector.returningAfterDeadline(s, Samples.memory()), Status.TIMED_OUT,
            " timed out after 800 ms"))),
        Arguments.of(Named.of("is unavailable", new Case(FakeCollector::unavailable, Status.UNAVAILABLE, null))));
  }

  @ParameterizedTest(name = "a collector that {0}")
  @MethodSource("misbehaviours")
  void oneMisbehavingCollectorCostsOnlyItsSlot(Case misbehaviour) {
    FakeCollector<?> bad = misbehaviour.make().apply(Slot.CURRENT_MEMORY).named("bad-memory");
    FakeCollector<?> good = FakeCollector.returning(Slot.DISK, Samples.disk(1000)).named("good-disk");

    AssemblyReport report = timed(assembler(bad, good));

    assertThat(report).hasOutcome("bad-memory", misbehaviour.status()).hasOutcome("good-disk", Status.OK);
    assertThat(report.bundle()).hasSlotEmpty(Slot.CURRENT_MEMORY).hasSlotFilled(Slot.DISK);
    if (misbehaviour.warningAfterName() == null) {
      assertThat(report.bundle()).hasNoWarnings();
    } else {
      assertThat(report.bundle()).hasWarningsExactly("Collector bad-memory" + misbehaviour.warningAfterName());
    }
  }

  @Test
  void aTimedOutCollectorsCauseShowsWhereItsThreadWas() throws Exception {
    FakeCollector<MemoryUsage> hanging = FakeCollector.hanging(Slot.CURRENT_MEMORY).named("stuck");

    CollectorOutcome outcome = timed(assembler(hanging)).outcome("stuck");

    assertThat(outcome.cause()).isInstanceOf(TimeoutException.class);
    assertThat(outcome.cause().getStackTrace())
        .anySatisfy(frame -> assertThat(frame.getClassName()).isEqualTo(FakeCollector.class.getName()));
    // The outcome's duration is read on the real ticker around a real timed wait; on a loaded machine
    // the start tick can land well after the wait began, so only a generous floor is meaningful.
    assertThat(outcome.duration()).isGreaterThanOrEqualTo(BUDGET.dividedBy(2));
  }

  @Test
  void aCollectorThatInterruptsTheCallerLeavesTheInterruptWithTheCaller() {
    FakeCollector<MemoryUsage> interrupting =
        FakeCollector.interrupting(Slot.CURRENT_MEMORY, Thread.currentThread(), Samples.memory()).named("rude");
    FakeCollector<?> good = FakeCollector.returning(Slot.DISK, Samples.disk(1000)).named("good-disk");

    AssemblyReport report = timed(assembler(interrupting, good));

    assertThat(Thread.interrupted()).as("the caller's interrupt status").isTrue();
    assertThat(report).hasOutcome("rude", Status.OK).hasOutcome("good-disk", Status.OK);
    assertThat(report.bundle()).hasSlotFilled(Slot.CURRENT_MEMORY).hasSlotFilled(Slot.DISK).hasNoWarnings();
  }

  @Test
  void anInterruptedCallerStillGetsAFullBundleAndKeepsItsInterrupt() {
    FakeCollector<?> slowButInTime =
        FakeCollector.slow(Slot.CURRENT_MEMORY, Duration.ofMillis(50), Samples.memory()).named("slow-memory");
    DiagnosticsAssembler assembler = assembler(slowButInTime);

    Thread.currentThread().interrupt();
    AssemblyReport report = timed(assembler);

    assertThat(Thread.interrupted()).isTrue();
    assertThat(report).hasOutcome("slow-memory", Status.OK);
    assertThat(report.bundle()).hasSlotFilled(Slot.CURRENT_MEMORY);
  }

  @Test
  void everyMisbehaviourAtOnce() {
    FakeCollector<?>[] collectors = {
        FakeCollector.throwing(Slot.RUNTIME, new IllegalStateException("boom")).named("c-throwing"),
        FakeCollector.hanging(Slot.IDENTITY).named("c-hanging"),
        FakeCollector.slow(Slot.CURRENT_MEMORY, Duration.ofSeconds(30), Samples.memory()).named("c-slow"),
        FakeCollector.returningAfterDeadline(Slot.CURRENT_WIRED, null).named("c-late"),
        FakeCollector.returningGarbage(Slot.DISK, 42).named("c-garbage"),
        FakeCollector.linkageError(Slot.SYSTEM_PROFILE).named("c-linkage"),
        FakeCollector.availabilityThrowing(Slot.ACCELERATOR, new IllegalStateException("no gpu"))
            .named("c-availability").withPriority(100),
        FakeCollector.returning(Slot.ACCELERATOR, Samples.accelerator()).named("c-fallback-accelerator"),
        FakeCollector.unavailable(Slot.NETWORK).named("c-unavailable"),
        FakeCollector.interrupting(Slot.PROCESSES, Thread.currentThread(),
            List.of(Samples.process(ProcessHandle.current().pid(), null, "java"))).named("c-interrupting"),
        FakeCollector.returning(Slot.MLX_MEMORY, Samples.mlx()).named("c-good"),
    };

    AssemblyReport report = timed(assembler(collectors));
    Thread.interrupted();

    assertThat(report)
        .hasOutcome("c-throwing", Status.FAILED)
        .hasOutcome("c-hanging", Status.TIMED_OUT)
        .hasOutcome("c-slow", Status.TIMED_OUT)
        .hasOutcome("c-late", Status.TIMED_OUT)
        .hasOutcome("c-garbage", Status.FAILED)
        .hasOutcome("c-linkage", Status.FAILED)
        .hasOutcome("c-availability", Status.FAILED)
        .hasOutcome("c-fallback-accelerator", Status.OK)
        .hasOutcome("c-unavailable", Status.UNAVAILABLE)
        .hasOutcome("c-interrupting", Status.OK)
        .hasOutcome("c-good", Status.OK)
        .hasMlxMemory();
    NodeDiagnostics bundle = report.bundle();
    assertThat(bundle).hasWarningsExactly(
        "Collector c-availability failed: IllegalStateException: no gpu",
        "Collector c-garbage failed: ClassCastException: Cannot cast java.lang.Integer to dev.skulk.diagnostics.model.DiskUsage",
        "Collector c-hanging timed out after 800 ms",
        "Collector c-late timed out after 800 ms",
        "Collector c-linkage failed: NoClassDefFoundError: com/sun/jna/Native",
        "Collector c-slow timed out after 800 ms",
        "Collector c-throwing failed: IllegalStateException: boom");
    assertThat(bundle)
        .hasSlotEmpty(Slot.IDENTITY)
        .hasSlotEmpty(Slot.CURRENT_MEMORY)
        .hasSlotEmpty(Slot.CURRENT_WIRED)
        .hasSlotEmpty(Slot.DISK)
        .hasSlotEmpty(Slot.NETWORK)
        .hasSlotFilled(Slot.ACCELERATOR)
        .hasSlotFilled(Slot.PROCESSES);
    assertThat(bundle.runtime().nodeId()).isEqualTo("node-a");
    assertThat(bundle.resources().system().gpuUsage()).as("zero profile around a lone accelerator").isZero();
  }

  @Test
  void aSlowCollectorOnTheTestTickerTimesOutDeterministically() {
    TestTicker ticker = new TestTicker();
    FakeCollector<?> slow = track(FakeCollector.slow(Slot.DISK, Duration.ofSeconds(3), Samples.disk(10), ticker))
        .named("ticker-slow");
    FakeCollector<?> quick = track(FakeCollector.slow(Slot.DISK, Duration.ofMillis(1500), Samples.disk(10), ticker))
        .named("ticker-quick");

    try (DiagnosticsAssembler slowOne = DiagnosticsAssembler.builder().nodeId("n").ticker(ticker)
            .addCollector(slow).build();
        DiagnosticsAssembler quickOne = DiagnosticsAssembler.builder().nodeId("n").ticker(ticker)
            .addCollector(quick).build()) {
      AssemblyReport late = slowOne.assembleNodeReport();
      AssemblyReport inTime = quickOne.assembleNodeReport();

      assertThat(late).hasOutcome("ticker-slow", Status.TIMED_OUT).bundle()
          .hasWarningsExactly("Collector ticker-slow timed out after 2000 ms").hasSlotEmpty(Slot.DISK);
      assertThat(late.outcome("ticker-slow").duration()).isEqualTo(Duration.ofSeconds(3));
      assertThat(inTime).hasOutcome("ticker-quick", Status.OK).bundle().hasNoWarnings().hasSlotFilled(Slot.DISK);
      assertThat(inTime.outcome("ticker-quick").duration()).isEqualTo(Duration.ofMillis(1500));
      assertThat(inTime.elapsed()).isEqualTo(Duration.ofMillis(1500));
    }
  }

  @Test
  void aCollectorStillRunningFromAnEarlierAssemblyIsSkippedNotPiledUp() {
    FakeCollector<?> hanging = FakeCollector.hanging(Slot.IDENTITY).named("stuck-identity");
    DiagnosticsAssembler assembler = assembler(hanging);

    assertThat(timed(assembler)).hasOutcome("stuck-identity", Status.TIMED_OUT);
    AssemblyReport second = timed(assembler);

    assertThat(second).hasOutcome("stuck-identity", Status.SKIPPED).bundle()
        .hasWarningsExactly("Collector stuck-identity skipped: its previous call has not returned");
    assertThat(hanging.calls()).isEqualTo(1);

    hanging.release();
    assertThat(Samples.eventually(Duration.ofSeconds(5), () -> hanging.returned() == 1)).isTrue();
    assertThat(Samples.eventually(Duration.ofSeconds(5),
        () -> assembler.assembleNodeReport().outcome("stuck-identity").status() == Status.OK)).isTrue();
  }

  @Test
  void aLateValueNeverReachesALaterBundle() {
    FakeCollector<MemoryUsage> late = FakeCollector.returningAfterDeadline(Slot.CURRENT_MEMORY, Samples.memory())
        .named("late-memory");
    DiagnosticsAssembler assembler = assembler(late);

    AssemblyReport first = timed(assembler);
    late.release();
    assertThat(Samples.eventually(Duration.ofSeconds(5), () -> late.returned() == 1)).isTrue();

    assertThat(first).hasOutcome("late-memory", Status.TIMED_OUT).bundle().hasSlotEmpty(Slot.CURRENT_MEMORY);
    AssemblyReport second = timed(assembler);
    assertThat(second).hasOutcome("late-memory", Status.OK).bundle().hasSlotFilled(Slot.CURRENT_MEMORY);
  }

  @Test
  void closingLeavesNoThreadBehind() {
    long before = Samples.lingeringThreads();
    FakeCollector<?> hanging = FakeCollector.hanging(Slot.IDENTITY).named("stuck");
    FakeCollector<?> slow = FakeCollector.slow(Slot.CURRENT_MEMORY, Duration.ofSeconds(30), Samples.memory());
    FakeCollector<?> good = FakeCollector.returning(Slot.DISK, Samples.disk(10));
    DiagnosticsAssembler assembler = assembler(hanging, slow, good);

    timed(assembler);
    timed(assembler);
    hanging.release();
    assembler.close();

    assertThat(Samples.eventually(Duration.ofSeconds(5), () -> Samples.lingeringThreads() <= before))
        .as("threads left after close(): %s", Thread.getAllStackTraces().keySet())
        .isTrue();
  }

  @Test
  void aClosedAssemblerStillAnswersWithoutLiveReadings() {
    FakeCollector<?> good = FakeCollector.returning(Slot.DISK, Samples.disk(10)).named("disk");
    DiagnosticsAssembler assembler = assembler(good);
    assembler.close();

    AssemblyReport report = timed(assembler);

    assertThat(assembler.isClosed()).isTrue();
    assertThat(report).hasOutcome("disk", Status.SKIPPED).bundle()
        .hasWarningsExactly("Diagnostics assembler is closed; live readings were not collected")
        .hasSlotEmpty(Slot.DISK);
    assertThat(good.calls()).isZero();
  }
}
