package dev.skulk.diagnostics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.rules.LeakedWiredMemoryRule;
import dev.skulk.diagnostics.runner.RunnerSupervisorRegistry;
import dev.skulk.diagnostics.testkit.TestTicker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The binder's meters in a {@link SimpleMeterRegistry}, by name, tags and value. Expected values
 * are the inputs the fixtures drove (see {@link Fixtures}), derived by hand.
 */
class SkulkMeterBinderTest {

  private static final Tags R1 = Tags.of("runner", "r1", "instance", "instance-1", "rank", "1");

  @Test
  void runnerMetersFollowTheRegistry() {
    TestTicker ticker = new TestTicker();
    RunnerSupervisorRegistry runners = new RunnerSupervisorRegistry();
    runners.register(Fixtures.decodingTracker("r1", ticker));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SkulkMeterBinder binder = SkulkMeterBinder.builder().runners(runners).build();
    binder.bindTo(registry);
    assertThat(registry.find(SkulkMeterBinder.RUNNER_ALIVE).meters()).as("nothing before a refresh").isEmpty();

    binder.refresh();

    assertThat(registry.get(SkulkMeterBinder.RUNNER_PHASE_SECONDS).tags(R1).gauge().value()).isEqualTo(12.5);
    assertThat(registry.get(SkulkMeterBinder.RUNNER_PHASE_SECONDS).gauge().getId().getBaseUnit())
        .isEqualTo("seconds");
    // One row per phase of the enum, and no other phase value: the tag is bounded by the enum.
    List<Gauge> phases = List.copyOf(registry.find(SkulkMeterBinder.RUNNER_PHASE).tags(R1).gauges());
    assertThat(phases).hasSize(RunnerPhase.values().length);
    assertThat(phases.stream().filter(g -> g.value() == 1.0).map(g -> g.getId().getTag("phase")))
        .containsExactly("decode_stream");
    assertThat(phases.stream().filter(g -> g.value() == 0.0)).hasSize(RunnerPhase.values().length - 1);
    assertThat(registry.get(SkulkMeterBinder.RUNNER_ALIVE).tags(R1).gauge().value()).isEqualTo(1.0);
    assertThat(registry.get(SkulkMeterBinder.RUNNER_TASKS_IN_PROGRESS).tags(R1).gauge().value()).isEqualTo(2.0);
    assertThat(registry.get(SkulkMeterBinder.RUNNER_TASKS_PENDING).tags(R1).gauge().value()).isEqualTo(1.0);
    assertThat(registry.get(SkulkMeterBinder.RUNNER_FLIGHT_RECORDER_DROPPED).tags(R1).functionCounter().count())
        .isEqualTo(3.0);
    // No task id or free text among the tag keys of any meter.
    assertThat(registry.getMeters().stream().flatMap(m -> m.getId().getTags().stream()).map(Tag::getKey)
        .collect(Collectors.toSet())).isSubsetOf("runner", "instance", "rank", "phase");

    // Values are as of the refresh: the ticker moving does not change them until the next one.
    ticker.advance(java.time.Duration.ofSeconds(2));
    assertThat(registry.get(SkulkMeterBinder.RUNNER_PHASE_SECONDS).tags(R1).gauge().value()).isEqualTo(12.5);
    binder.refresh();
    assertThat(registry.get(SkulkMeterBinder.RUNNER_PHASE_SECONDS).tags(R1).gauge().value()).isEqualTo(14.5);

    runners.tracker("r1").orElseThrow().processExited(-9);
    runners.register(Fixtures.decodingTracker("r2", ticker));
    binder.refresh();
    assertThat(registry.get(SkulkMeterBinder.RUNNER_ALIVE).tags(R1).gauge().value()).isEqualTo(0.0);
    assertThat(registry.get(SkulkMeterBinder.RUNNER_ALIVE).tag("runner", "r2").gauge().value()).isEqualTo(1.0);

    runners.unregister("r1");
    binder.refresh();
    assertThat(registry.getMeters().stream().map(Meter::getId).filter(id -> "r1".equals(id.getTag("runner"))))
        .as("a runner gone from the registry leaves no meters").isEmpty();
    assertThat(registry.find(SkulkMeterBinder.RUNNER_PHASE).tag("runner", "r2").gauges())
        .hasSize(RunnerPhase.values().length);
  }

  @Test
  void reportMetersFollowTheLastReport() {
    AtomicReference<AssemblyReport> last = new AtomicReference<>();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SkulkMeterBinder binder = SkulkMeterBinder.builder().reports(last::get)
        .tags(Tags.of("node", "node-a")).build();
    binder.bindTo(registry);
    binder.refresh(); // no report yet: nothing, and no failure
    assertThat(registry.getMeters()).isEmpty();

    AssemblyReport report;
    try (DiagnosticsAssembler assembler = Fixtures.assembler()) {
      report = assembler.assembleNodeReport();
    }
    last.set(report);
    binder.refresh();

    assertThat(registry.get(SkulkMeterBinder.WARNINGS).tags("node", "node-a", "source", LeakedWiredMemoryRule.NAME)
        .gauge().value()).isEqualTo(1.0);
    assertThat(registry.get(SkulkMeterBinder.WARNINGS).tags("source", "assembler").gauge().value()).isEqualTo(1.0);
    assertThat(registry.get(SkulkMeterBinder.COLLECTOR_OUTCOMES)
        .tags("collector", "test-disk", "slot", "disk", "status", "FAILED").functionCounter().count()).isEqualTo(1.0);
    assertThat(registry.get(SkulkMeterBinder.COLLECTOR_OUTCOMES)
        .tags("collector", "test-wired", "slot", "currentWired", "status", "OK").functionCounter().count())
        .isEqualTo(1.0);
    assertThat(registry.get(SkulkMeterBinder.COLLECTOR_DURATION).tags("collector", "test-disk").timer().count())
        .isEqualTo(1);
    assertThat(registry.get(SkulkMeterBinder.COLLECTOR_DURATION).tags("collector", "test-disk").timer()
        .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
        .isCloseTo(report.outcome("test-disk").duration().toNanos(), within(1.0));

    Tags h200 = Tags.of("vendor", "nvidia", "accelerator", "NVIDIA H200");
    assertThat(registry.get(SkulkMeterBinder.ACCELERATOR_UTILIZATION).tags(h200).gauge().value()).isEqualTo(0.75);
    assertThat(registry.get(SkulkMeterBinder.ACCELERATOR_MEMORY_USED).tags(h200).gauge().value())
        .isEqualTo(40.0 * (1L << 30));
    assertThat(registry.get(SkulkMeterBinder.ACCELERATOR_MEMORY_TOTAL).tags(h200).gauge().value())
        .isEqualTo(80.0 * (1L << 30));
    assertThat(registry.get(SkulkMeterBinder.ACCELERATOR_POWER).tags(h200).gauge().value()).isEqualTo(310.5);
    assertThat(registry.get(SkulkMeterBinder.ACCELERATOR_TEMPERATURE).tags(h200).gauge().value()).isEqualTo(64.0);
    assertThat(registry.get(SkulkMeterBinder.WIRED_LEAKED).gauge().value()).isEqualTo((double) Fixtures.WIRED_BYTES);

    // The same report seen again is not counted again.
    binder.refresh();
    assertThat(registry.get(SkulkMeterBinder.COLLECTOR_OUTCOMES)
        .tags("collector", "test-disk", "status", "FAILED").functionCounter().count()).isEqualTo(1.0);
    assertThat(registry.get(SkulkMeterBinder.COLLECTOR_DURATION).tags("collector", "test-disk").timer().count())
        .isEqualTo(1);

    // A new report with no warnings: the sources seen before read 0, the counters go on.
    AssemblyReport quiet = new AssemblyReport(report.bundle(), report.outcomes(), null, report.elapsed(),
        java.util.Map.of());
    last.set(quiet);
    binder.refresh();
    assertThat(registry.get(SkulkMeterBinder.WARNINGS).tags("source", LeakedWiredMemoryRule.NAME).gauge().value())
        .isEqualTo(0.0);
    assertThat(registry.get(SkulkMeterBinder.COLLECTOR_OUTCOMES)
        .tags("collector", "test-disk", "status", "FAILED").functionCounter().count()).isEqualTo(2.0);

    // Without a runner registry, the runner meters come from the report's supervisors (none here).
    assertThat(registry.find(SkulkMeterBinder.RUNNER_ALIVE).meters()).isEmpty();
    // Every meter carries the binder's common tag.
    assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTag("node")).isEqualTo("node-a"));
  }

  @Test
  void aFailingSupplierKeepsTheLastValues() {
    AtomicReference<AssemblyReport> last = new AtomicReference<>();
    boolean[] fail = {false};
    SkulkMeterBinder binder = SkulkMeterBinder.builder().reports(() -> {
      if (fail[0]) {
        throw new IllegalStateException("assembly unavailable");
      }
      return last.get();
    }).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    binder.bindTo(registry);
    try (DiagnosticsAssembler assembler = Fixtures.assembler()) {
      last.set(assembler.assembleNodeReport());
    }
    binder.refresh();
    fail[0] = true;
    binder.refresh();
    assertThat(registry.get(SkulkMeterBinder.WIRED_LEAKED).gauge().value()).isEqualTo((double) Fixtures.WIRED_BYTES);

    // A registry bound later gets the stored values at once.
    SimpleMeterRegistry late = new SimpleMeterRegistry();
    binder.bindTo(late);
    assertThat(late.get(SkulkMeterBinder.WIRED_LEAKED).gauge().value()).isEqualTo((double) Fixtures.WIRED_BYTES);
  }
}
