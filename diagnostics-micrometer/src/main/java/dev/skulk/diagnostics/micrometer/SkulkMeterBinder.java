package dev.skulk.diagnostics.micrometer;

import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.assembly.CollectorOutcome;
import dev.skulk.diagnostics.micrometer.internal.MeterFamily;
import dev.skulk.diagnostics.micrometer.internal.MeterFamily.Kind;
import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.runner.RunnerSupervisorRegistry;
import dev.skulk.diagnostics.runner.RunnerSupervisorTracker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Micrometer {@link MeterBinder} for what only this SDK knows: per runner, its phase and how long
 * it has been in it, liveness, tasks and flight-recorder drops; the last bundle's warnings by rule;
 * collector outcomes and durations; accelerator utilization, memory, power and temperature; and
 * leaked wired memory. Host memory, disk and CPU are not exported here: Micrometer's own binders
 * ({@code JvmMemoryMetrics}, {@code ProcessorMetrics}, {@code DiskSpaceMetrics}...) already do it.
 *
 * <pre>{@code
 * SkulkMeterBinder binder = SkulkMeterBinder.builder().runners(supervisors).reports(lastReport::get).build();
 * binder.bindTo(meterRegistry);
 * scheduler.scheduleAtFixedRate(binder::refresh, 0, 15, TimeUnit.SECONDS);
 * }</pre>
 *
 * <h2>Where readings come from, and when</h2>
 *
 * A scrape never reads a source: every meter reads a value stored by the last {@link #refresh()}.
 * {@code refresh()} takes, once: one {@link RunnerSupervisorTracker#snapshot()} per tracker of the
 * {@linkplain Builder#runners runner registry} (or, with none, the last report's {@code
 * supervisorRunners}); and one {@link AssemblyReport} from the {@linkplain Builder#reports reports
 * supplier}. The binder never assembles by itself: hand it the report the host already assembles
 * (an {@code AtomicReference} it keeps), or {@code assembler::assembleNodeReport} to assemble once
 * per refresh. A supplier answering null leaves the node-level meters as they were. Collector
 * outcomes and durations are counted once per distinct report (by identity), however often the
 * same report is seen.
 *
 * <h2>Meters</h2>
 *
 * Names follow Micrometer's conventions (dot-separated, lower case, base unit declared); a
 * Prometheus registry writes them with underscores, the unit suffix and {@code _total} for
 * counters: {@code skulk_runner_phase_seconds}, {@code skulk_runner_phase}, {@code
 * skulk_runner_alive}, {@code skulk_runner_tasks_in_progress}, {@code skulk_runner_tasks_pending},
 * {@code skulk_runner_flight_recorder_dropped_total}, {@code skulk_warnings}, {@code
 * skulk_collector_outcomes_total}, {@code skulk_collector_duration_seconds_count/_sum/_max}, {@code
 * skulk_accelerator_utilization_ratio}, {@code skulk_accelerator_memory_used_bytes}, {@code
 * skulk_accelerator_memory_total_bytes}, {@code skulk_accelerator_power_watts}, {@code
 * skulk_accelerator_temperature_celsius}, {@code skulk_memory_wired_leaked_bytes}. Tags are bounded: runner,
 * instance and rank take one value per supervised runner; {@code phase} only the {@link RunnerPhase}
 * wire values; {@code source} only rule names and {@code assembler}; collector, slot and status only
 * registered collectors and the fixed outcome statuses; never a task id or a free text.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type, unit</th><th>tags</th><th>value</th></tr>
 *   <tr><td>{@value #RUNNER_PHASE_SECONDS}</td><td>gauge, seconds</td><td>runner, instance, rank</td>
 *       <td>seconds in the current phase, as of the last refresh</td></tr>
 *   <tr><td>{@value #RUNNER_PHASE}</td><td>gauge</td><td>runner, instance, rank, phase</td><td>1
 *       for the current phase, 0 for every other phase of the enum</td></tr>
 *   <tr><td>{@value #RUNNER_ALIVE}</td><td>gauge</td><td>runner, instance, rank</td><td>1 while the
 *       runner's process is alive, else 0</td></tr>
 *   <tr><td>{@value #RUNNER_TASKS_IN_PROGRESS}</td><td>gauge</td><td>runner, instance,
 *       rank</td><td>tasks acknowledged and not yet completed</td></tr>
 *   <tr><td>{@value #RUNNER_TASKS_PENDING}</td><td>gauge</td><td>runner, instance, rank</td>
 *       <td>tasks sent and not yet acknowledged</td></tr>
 *   <tr><td>{@value #RUNNER_FLIGHT_RECORDER_DROPPED}</td><td>function counter</td>
 *       <td>runner, instance, rank</td><td>flight-recorder entries evicted so far (with a runner
 *       registry only)</td></tr>
 *   <tr><td>{@value #WARNINGS}</td><td>gauge, warnings</td><td>source</td><td>warnings of the last
 *       report from that rule ({@code assembler} for the assembler's own); 0 once a source seen
 *       before gives none</td></tr>
 *   <tr><td>{@value #COLLECTOR_OUTCOMES}</td><td>function counter, outcomes</td><td>collector,
 *       slot, status</td><td>collector outcomes counted over the reports seen</td></tr>
 *   <tr><td>{@value #COLLECTOR_DURATION}</td><td>timer</td><td>collector, slot</td><td>time spent on
 *       each collector that was called ({@code OK}, {@code FAILED}, {@code TIMED_OUT})</td></tr>
 *   <tr><td>{@value #ACCELERATOR_UTILIZATION}</td><td>gauge, ratio (0..1)</td><td>vendor,
 *       accelerator</td><td>each present only when the last report read it</td></tr>
 *   <tr><td>{@value #ACCELERATOR_MEMORY_USED}, {@value #ACCELERATOR_MEMORY_TOTAL}</td><td>gauge,
 *       bytes</td><td>vendor, accelerator</td><td>dedicated (VRAM) memory</td></tr>
 *   <tr><td>{@value #ACCELERATOR_POWER}</td><td>gauge, watts</td><td>vendor, accelerator</td><td>power
 *       draw</td></tr>
 *   <tr><td>{@value #ACCELERATOR_TEMPERATURE}</td><td>gauge, celsius</td><td>vendor,
 *       accelerator</td><td>temperature</td></tr>
 *   <tr><td>{@value #WIRED_LEAKED}</td><td>gauge, bytes</td><td>none</td><td>wired memory while no
 *       supervised runner is alive (0 while one is); present only where wired memory is read
 *       (macOS). Above 5 GiB it is also the {@code skulk.leaked-wired-memory} warning</td></tr>
 * </table>
 *
 * <p><b>Thread-safety.</b> Thread-safe: {@link #bindTo} and {@link #refresh()} (its source reads
 * included) are serialised by one lock; registries read the stored values from any thread, without
 * it. One binder may be bound to several
 * registries.
 *
 * <p><b>Cost.</b> A scrape reads stored doubles. A refresh costs one snapshot per tracker (a copy of
 * its flight recorder), plus whatever the reports supplier costs, plus a map update per meter.
 */
public final class SkulkMeterBinder implements MeterBinder {

  /** Seconds in the current phase, per runner. */
  public static final String RUNNER_PHASE_SECONDS = "skulk.runner.phase.seconds";
  /** The current phase as a 0/1 gauge per phase of the enum, per runner. */
  public static final String RUNNER_PHASE = "skulk.runner.phase";
  /** 1 while the runner's process is alive. */
  public static final String RUNNER_ALIVE = "skulk.runner.alive";
  /** Tasks in progress, per runner. */
  public static final String RUNNER_TASKS_IN_PROGRESS = "skulk.runner.tasks.in.progress";
  /** Tasks pending, per runner. */
  public static final String RUNNER_TASKS_PENDING = "skulk.runner.tasks.pending";
  /** Flight-recorder entries evicted, per runner. */
  public static final String RUNNER_FLIGHT_RECORDER_DROPPED = "skulk.runner.flight.recorder.dropped";
  /** Warnings of the last report, by source. */
  public static final String WARNINGS = "skulk.warnings";
  /** Collector outcomes, by collector, slot and status. */
  public static final String COLLECTOR_OUTCOMES = "skulk.collector.outcomes";
  /** Time spent on collectors, by collector and slot. */
  public static final String COLLECTOR_DURATION = "skulk.collector.duration";
  /** Accelerator utilization, 0..1. */
  public static final String ACCELERATOR_UTILIZATION = "skulk.accelerator.utilization";
  /** Accelerator dedicated memory used, bytes. */
  public static final String ACCELERATOR_MEMORY_USED = "skulk.accelerator.memory.used";
  /** Accelerator dedicated memory in total, bytes. */
  public static final String ACCELERATOR_MEMORY_TOTAL = "skulk.accelerator.memory.total";
  /** Accelerator power draw, watts. */
  public static final String ACCELERATOR_POWER = "skulk.accelerator.power";
  /** Accelerator temperature, degrees Celsius. */
  public static final String ACCELERATOR_TEMPERATURE = "skulk.accelerator.temperature";
  /** Wired memory while no supervised runner is alive, bytes. */
  public static final String WIRED_LEAKED = "skulk.memory.wired.leaked";

  private static final Logger LOG = LoggerFactory.getLogger(SkulkMeterBinder.class);
  private static final Set<CollectorOutcome.Status> CALLED = Set.of(
      CollectorOutcome.Status.OK, CollectorOutcome.Status.FAILED, CollectorOutcome.Status.TIMED_OUT);

  private final @Nullable RunnerSupervisorRegistry runners;
  private final @Nullable Supplier<? extends @Nullable AssemblyReport> reports;
  private final Tags commonTags;

  private final Object lock = new Object();
  // Everything below is guarded by lock.
  private final List<Bound> bound = new ArrayList<>();
  private Map<String, Map<Tags, Double>> values = new HashMap<>();
  private final Set<String> sourcesSeen = new LinkedHashSet<>();
  private final Map<Tags, Double> outcomeCounts = new LinkedHashMap<>();
  private @Nullable AssemblyReport lastReport;
  private @Nullable NodeDiagnostics lastBundle;
  private final List<CollectorOutcome> newDurations = new ArrayList<>();

  private SkulkMeterBinder(Builder builder) {
    this.runners = builder.runners;
    this.reports = builder.reports;
    this.commonTags = builder.tags;
  }

  /** A builder; give it a runner registry, a reports supplier, or both. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers this binder's meters in {@code registry}, with the values of the last {@link
   * #refresh()} (none before the first). Reads no source.
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    synchronized (lock) {
      Bound b = new Bound(registry, commonTags);
      bound.add(b);
      b.apply(values);
    }
  }

  /**
   * Reads the sources once and stores what every meter reads until the next refresh. Never throws:
   * a source that fails is logged at WARN and its meters keep their values.
   */
  public void refresh() {
    // Held throughout, sources included: two refreshes never interleave, so a report is counted once
    // and the values stored are always those of the later read.
    synchronized (lock) {
      List<RunnerReading> runnerReadings = null;
      AssemblyReport report = null;
      try {
        report = reports == null ? null : reports.get();
      } catch (RuntimeException e) {
        LOG.warn("Skulk meters: the reports supplier failed; node-level meters keep their values", e);
      }
      try {
        runnerReadings = readRunners(report);
      } catch (RuntimeException e) {
        LOG.warn("Skulk meters: reading the runner supervisors failed; runner meters keep their values", e);
      }
      Map<String, Map<Tags, Double>> next = new HashMap<>(values);
      if (runnerReadings != null) {
        putRunners(next, runnerReadings);
      }
      if (report != null && report != lastReport) {
        lastReport = report;
        lastBundle = report.bundle();
        putReport(next, report);
      } else {
        newDurations.clear();
      }
      values = next;
      for (Bound b : bound) {
        b.apply(values);
        b.record(newDurations);
      }
      newDurations.clear();
    }
  }

  // Called under lock.
  private @Nullable List<RunnerReading> readRunners(@Nullable AssemblyReport report) {
    List<RunnerReading> readings = new ArrayList<>();
    if (runners != null) {
      for (RunnerSupervisorTracker tracker : runners.trackers()) {
        readings.add(new RunnerReading(tracker.snapshot(), tracker.flightRecorderOverwrittenCount()));
      }
      return readings;
    }
    NodeDiagnostics bundle = report != null ? report.bundle() : lastBundle;
    if (bundle == null) {
      return null;
    }
    for (RunnerSupervisorDiagnostics runner : bundle.supervisorRunners()) {
      readings.add(new RunnerReading(runner, null));
    }
    return readings;
  }

  private static void putRunners(Map<String, Map<Tags, Double>> next, List<RunnerReading> readings) {
    Map<Tags, Double> phaseSeconds = new HashMap<>();
    Map<Tags, Double> phase = new HashMap<>();
    Map<Tags, Double> alive = new HashMap<>();
    Map<Tags, Double> inProgress = new HashMap<>();
    Map<Tags, Double> pending = new HashMap<>();
    Map<Tags, Double> dropped = new HashMap<>();
    for (RunnerReading reading : readings) {
      RunnerSupervisorDiagnostics runner = reading.snapshot;
      Tags tags = Tags.of("runner", runner.runnerId(), "instance", runner.instanceId(),
          "rank", Integer.toString(runner.deviceRank()));
      phaseSeconds.put(tags, runner.secondsInPhase());
      for (RunnerPhase each : RunnerPhase.values()) {
        phase.put(tags.and("phase", each.wireValue()), each == runner.phase() ? 1.0 : 0.0);
      }
      alive.put(tags, runner.processAlive() ? 1.0 : 0.0);
      inProgress.put(tags, (double) runner.inProgressTasks().size());
      pending.put(tags, (double) runner.pendingTaskIds().size());
      if (reading.dropped != null) {
        dropped.put(tags, (double) reading.dropped);
      }
    }
    next.put(RUNNER_PHASE_SECONDS, phaseSeconds);
    next.put(RUNNER_PHASE, phase);
    next.put(RUNNER_ALIVE, alive);
    next.put(RUNNER_TASKS_IN_PROGRESS, inProgress);
    next.put(RUNNER_TASKS_PENDING, pending);
    next.put(RUNNER_FLIGHT_RECORDER_DROPPED, dropped);
  }

  // Called under lock.
  private void putReport(Map<String, Map<Tags, Double>> next, AssemblyReport report) {
    sourcesSeen.addAll(report.warningsBySource().keySet());
    Map<Tags, Double> warnings = new HashMap<>();
    for (String source : sourcesSeen) {
      warnings.put(Tags.of("source", source), (double) report.warningsBySource().getOrDefault(source, 0));
    }
    next.put(WARNINGS, warnings);

    newDurations.clear();
    for (CollectorOutcome outcome : report.outcomes()) {
      Tags tags = Tags.of("collector", outcome.collectorName(), "slot", outcome.slot().name(),
          "status", outcome.status().name());
      outcomeCounts.merge(tags, 1.0, Double::sum);
      if (CALLED.contains(outcome.status())) {
        newDurations.add(outcome);
      }
    }
    next.put(COLLECTOR_OUTCOMES, new HashMap<>(outcomeCounts));

    NodeDiagnostics bundle = report.bundle();
    SystemPerformanceProfile system = bundle.resources().system();
    AcceleratorMetrics accelerator = system == null ? null : system.accelerator();
    Map<Tags, Double> utilization = new HashMap<>();
    Map<Tags, Double> used = new HashMap<>();
    Map<Tags, Double> total = new HashMap<>();
    Map<Tags, Double> power = new HashMap<>();
    Map<Tags, Double> temperature = new HashMap<>();
    if (accelerator != null) {
      Tags tags = Tags.of("vendor", accelerator.vendor().wireValue(), "accelerator", accelerator.name());
      putIfRead(utilization, tags, accelerator.utilizationRatio());
      putIfRead(used, tags, accelerator.vramUsedBytes());
      putIfRead(total, tags, accelerator.vramTotalBytes());
      putIfRead(power, tags, accelerator.powerWatts());
      putIfRead(temperature, tags, accelerator.temperatureCelsius());
    }
    next.put(ACCELERATOR_UTILIZATION, utilization);
    next.put(ACCELERATOR_MEMORY_USED, used);
    next.put(ACCELERATOR_MEMORY_TOTAL, total);
    next.put(ACCELERATOR_POWER, power);
    next.put(ACCELERATOR_TEMPERATURE, temperature);

    Map<Tags, Double> leaked = new HashMap<>();
    Memory wired = bundle.resources().currentWired();
    if (wired != null) {
      boolean anyAlive = bundle.supervisorRunners().stream().anyMatch(RunnerSupervisorDiagnostics::processAlive);
      leaked.put(Tags.empty(), anyAlive ? 0.0 : (double) wired.inBytes());
    }
    next.put(WIRED_LEAKED, leaked);
  }

  private static void putIfRead(Map<Tags, Double> map, Tags tags, @Nullable Number value) {
    if (value != null) {
      map.put(tags, value.doubleValue());
    }
  }

  private static final class RunnerReading {
    final RunnerSupervisorDiagnostics snapshot;
    final @Nullable Long dropped;

    RunnerReading(RunnerSupervisorDiagnostics snapshot, @Nullable Long dropped) {
      this.snapshot = snapshot;
      this.dropped = dropped;
    }
  }

  /** The meters of one registry. Guarded by the binder's lock. */
  private static final class Bound {
    private final MeterRegistry registry;
    private final Tags common;
    private final Map<String, MeterFamily> families = new LinkedHashMap<>();

    Bound(MeterRegistry registry, Tags common) {
      this.registry = registry;
      this.common = common;
      gauge(RUNNER_PHASE_SECONDS, "Seconds the runner has been in its current phase", "seconds");
      gauge(RUNNER_PHASE, "1 for the runner's current phase, 0 for the others", "");
      gauge(RUNNER_ALIVE, "1 while the runner's process is alive", "");
      gauge(RUNNER_TASKS_IN_PROGRESS, "Tasks the runner acknowledged and has not completed", "");
      gauge(RUNNER_TASKS_PENDING, "Tasks sent to the runner and not yet acknowledged", "");
      families.put(RUNNER_FLIGHT_RECORDER_DROPPED, new MeterFamily(registry, RUNNER_FLIGHT_RECORDER_DROPPED,
          "Flight-recorder entries evicted to make room", "", Kind.COUNTER, common));
      gauge(WARNINGS, "Warnings of the last diagnostics bundle, by the rule that raised them", "warnings");
      families.put(COLLECTOR_OUTCOMES, new MeterFamily(registry, COLLECTOR_OUTCOMES,
          "What collectors did, counted over the assemblies seen", "outcomes", Kind.COUNTER, common));
      gauge(ACCELERATOR_UTILIZATION, "Accelerator utilization", "ratio");
      gauge(ACCELERATOR_MEMORY_USED, "Accelerator dedicated memory in use", "bytes");
      gauge(ACCELERATOR_MEMORY_TOTAL, "Accelerator dedicated memory in total", "bytes");
      gauge(ACCELERATOR_POWER, "Accelerator power draw", "watts");
      gauge(ACCELERATOR_TEMPERATURE, "Accelerator temperature", "celsius");
      gauge(WIRED_LEAKED, "Wired memory while no supervised runner is alive", "bytes");
    }

    private void gauge(String name, String description, String unit) {
      families.put(name, new MeterFamily(registry, name, description, unit, Kind.GAUGE, common));
    }

    void apply(Map<String, Map<Tags, Double>> values) {
      for (Map.Entry<String, MeterFamily> family : families.entrySet()) {
        family.getValue().update(values.getOrDefault(family.getKey(), Map.of()));
      }
    }

    void record(List<CollectorOutcome> durations) {
      for (CollectorOutcome outcome : durations) {
        Timer.builder(COLLECTOR_DURATION)
            .description("Time the assembler spent on a collector that was called")
            .tags(common)
            .tags("collector", outcome.collectorName(), "slot", outcome.slot().name())
            .register(registry)
            .record(outcome.duration());
      }
    }
  }

  /** Builds a {@link SkulkMeterBinder}. Not thread-safe. */
  public static final class Builder {
    private @Nullable RunnerSupervisorRegistry runners;
    private @Nullable Supplier<? extends @Nullable AssemblyReport> reports;
    private Tags tags = Tags.empty();

    private Builder() {}

    /** The live runner supervisors: the source of the runner meters and flight-recorder drops. */
    public Builder runners(RunnerSupervisorRegistry runners) {
      this.runners = Objects.requireNonNull(runners, "runners");
      return this;
    }

    /**
     * Where the last assembly report comes from, read once per {@link #refresh()}: the source of
     * the warning, collector, accelerator and wired-memory meters (and of the runner meters when no
     * registry is given). It may answer null when there is no new report.
     */
    public Builder reports(Supplier<? extends @Nullable AssemblyReport> reports) {
      this.reports = Objects.requireNonNull(reports, "reports");
      return this;
    }

    /** Tags added to every meter (a node id, say); default none. */
    public Builder tags(Iterable<Tag> tags) {
      this.tags = Tags.of(tags);
      return this;
    }

    /** A new binder; meters have no values until its first {@link SkulkMeterBinder#refresh()}. */
    public SkulkMeterBinder build() {
      return new SkulkMeterBinder(this);
    }
  }
}
