package dev.skulk.diagnostics.testkit;

import static dev.skulk.diagnostics.testkit.DiagnosticsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.assembly.CollectorOutcome.Status;
import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnostics;
import dev.skulk.diagnostics.model.ProcessRole;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.model.Timestamps;
import dev.skulk.diagnostics.rules.RuleSets;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.DiagnosticRule;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.spi.HostFactsBuilder;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.state.ClusterStateView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How readings, state and supervisors become the bundle. */
class AssemblerBundleTest {

  private final List<DiagnosticsAssembler> assemblers = new ArrayList<>();

  @AfterEach
  void close() {
    assemblers.forEach(DiagnosticsAssembler::close);
  }

  private DiagnosticsAssembler build(DiagnosticsAssembler.Builder builder) {
    DiagnosticsAssembler assembler = builder.build();
    assemblers.add(assembler);
    return assembler;
  }

  private static DiagnosticsAssembler.Builder builder() {
    return DiagnosticsAssembler.builder().nodeId("node-a");
  }

  @Test
  void withoutARuntimeCollectorTheRuntimeIsBuiltFromWhatTheAssemblerKnows() {
    HostFacts facts = new HostFactsBuilder()
        .configPath("does-not-exist.yaml")
        .skulkVersion("2.0.0")
        .skulkCommit("feedbee")
        .structuredLoggingConfigured(true)
        .loggingIngestUrl("https://ingest:s3cret@logs.example.com/v1/ingest?token=abc&team=infra")
        .build();

    NodeDiagnostics bundle = build(builder().hostFacts(facts)).assembleNode();

    NodeRuntimeDiagnostics runtime = bundle.runtime();
    assertThat(runtime.nodeId()).isEqualTo("node-a");
    assertThat(runtime.hostname()).isNotBlank();
    assertThat(runtime.cwd()).isEqualTo(System.getProperty("user.dir"));
    assertThat(runtime.configPath()).isEqualTo("does-not-exist.yaml");
    assertThat(runtime.configFileExists()).isFalse();
    assertThat(runtime.skulkVersion()).isEqualTo("2.0.0");
    assertThat(runtime.skulkCommit()).isEqualTo("feedbee");
    assertThat(runtime.structuredLoggingConfigured()).isTrue();
    // the same text the runtime collector reports for this URL: one redactor for both
    assertThat(runtime.loggingIngestUrl()).isEqualTo("https://***@logs.example.com/v1/ingest?token=***&team=infra");
    // A standalone node is its own master, as upstream's _runtime_diagnostics reports one.
    assertThat(runtime.isMaster()).isTrue();
    assertThat(runtime.masterNodeId()).isEqualTo("node-a");
    assertThat(bundle.identity()).isNull();
    assertThat(bundle).hasNoWarnings();
  }

  @Test
  void theStateViewOverlaysTheLiveRuntime() {
    InMemoryClusterState state = InMemoryClusterState.builder("node-a")
        .master("node-a")
        .tracing(true)
        .identity("node-a", Samples.identity("Studio A"))
        .build();
    FakeCollector<NodeRuntimeDiagnostics> runtime = FakeCollector.returning(Slot.RUNTIME, Samples.runtime("stale-id"));

    NodeDiagnostics bundle = build(builder().state(state).addCollector(runtime)).assembleNode();

    assertThat(bundle).isMaster(true);
    assertThat(bundle.runtime().nodeId()).isEqualTo("node-a");
    assertThat(bundle.runtime().masterNodeId()).isEqualTo("node-a");
    assertThat(bundle.runtime().tracingEnabled()).isTrue();
    assertThat(bundle.runtime().friendlyName()).isEqualTo("Studio A");
    assertThat(bundle.runtime().hostname()).isEqualTo("live-host");
    assertThat(bundle.identity()).isEqualTo(Samples.identity("Studio A"));
  }

  @Test
  void anUnknownFriendlyNameIsNotReported() {
    InMemoryClusterState state = InMemoryClusterState.builder("node-a").master("node-b")
        .identity("node-a", NodeIdentity.unknown()).build();
    FakeCollector<NodeRuntimeDiagnostics> runtime = FakeCollector.returning(Slot.RUNTIME, Samples.runtime("node-a"));

    NodeDiagnostics bundle = build(builder().state(state).addCollector(runtime)).assembleNode();

    assertThat(bundle).isMaster(false);
    assertThat(bundle.runtime().masterNodeId()).isEqualTo("node-b");
    assertThat(bundle.runtime().friendlyName()).as("the live value stays").isEqualTo("live-friendly");
    assertThat(bundle.identity()).isEqualTo(NodeIdentity.unknown());
  }

  @Test
  void withoutGatheredIdentityTheLiveOneIsUsed() {
    FakeCollector<NodeIdentity> identity = FakeCollector.returning(Slot.IDENTITY, Samples.identity("Laptop"));

    NodeDiagnostics bundle = build(builder().addCollector(identity)).assembleNode();

    assertThat(bundle.identity()).isEqualTo(Samples.identity("Laptop"));
    assertThat(bundle.runtime().friendlyName()).isEqualTo("Laptop");
  }

  @Test
  void gatheredReadingsWinOverLiveOnesAndLiveOnesFillTheGaps() {
    InMemoryClusterState state = InMemoryClusterState.builder("node-a")
        .memory("node-a", Samples.memory())
        .disk("node-a", Samples.disk(2000))
        .build();
    NodeDiagnostics bundle = build(builder().state(state)
        .addCollector(FakeCollector.returning(Slot.DISK, Samples.disk(10)))
        .addCollector(FakeCollector.returning(Slot.CURRENT_MEMORY, Samples.memory()))
        .addCollector(FakeCollector.returning(Slot.CURRENT_WIRED, Memory.ofGiB(3)))
        .addCollector(FakeCollector.returning(Slot.NETWORK, Samples.network())))
        .assembleNode();

    assertThat(bundle.resources().gatheredMemory()).isEqualTo(Samples.memory());
    assertThat(bundle.resources().currentMemory()).isEqualTo(Samples.memory());
    assertThat(bundle.resources().currentWired()).isEqualTo(Memory.ofGiB(3));
    assertThat(bundle.resources().disk()).isEqualTo(Samples.disk(2000));
    assertThat(bundle.resources().network()).isEqualTo(Samples.network());
    assertThat(bundle.resources().system()).isNull();
  }

  @Test
  void theAcceleratorReadingCompletesAProfileWithoutOne() {
    SystemPerformanceProfile bare = new SystemPerformanceProfile(10.0, 40.0, 20.0, 5.0, 1.0, null);

    NodeDiagnostics bundle = build(builder()
        .addCollector(FakeCollector.returning(Slot.SYSTEM_PROFILE, bare))
        .addCollector(FakeCollector.returning(Slot.ACCELERATOR, Samples.accelerator())))
        .assembleNode();

    assertThat(bundle.resources().system())
        .isEqualTo(new SystemPerformanceProfile(10.0, 40.0, 20.0, 5.0, 1.0, Samples.accelerator()));
  }

  @Test
  void aProfileWithItsOwnAcceleratorKeepsIt() {
    SystemPerformanceProfile full = Samples.profile(Samples.accelerator());

    NodeDiagnostics bundle = build(builder()
        .addCollector(FakeCollector.returning(Slot.SYSTEM_PROFILE, full))
        .addCollector(FakeCollector.returning(Slot.ACCELERATOR, new AcceleratorMetrics(AcceleratorVendor.AMD, "other", null, null, null, null, null, null, null))))
        .assembleNode();

    assertThat(bundle.resources().system()).isEqualTo(full);
  }

  @Test
  void processesKeepTheCollectorsRolesAndLineageAndAreSortedByPid() {
    // The collector derived roles and lineage from the raw argv, which never reaches the assembler;
    // the assembler must not re-derive them from the (redacted) command it sees.
    List<DiagnosticsProcess> live = List.of(
        new DiagnosticsProcess(300, 100L, ProcessRole.RUNNER, "python -c spawn_main", null, null, null, null, null, true),
        new DiagnosticsProcess(200, 100L, ProcessRole.SKULK, "/usr/bin/python3 -m worker --api-key ***", null, null,
            null, null, null, true),
        new DiagnosticsProcess(100, 1L, ProcessRole.SKULK, "java -jar node.jar", null, null, null, null, null, true),
        new DiagnosticsProcess(400, 1L, ProcessRole.VECTOR, "/opt/vector/bin/vector --config /etc/vector.toml", null,
            null, null, null, null, false));
    RunnerSupervisorDiagnostics runner = Samples.supervisor("runner-1", "instance-1").pid(300L).build();

    NodeDiagnostics bundle = build(builder()
        .selfPid(100)
        .runnerSupervisors(() -> List.of(runner))
        .addCollector(FakeCollector.returning(Slot.PROCESSES, live)))
        .assembleNode();

    assertThat(bundle.processes()).extracting(DiagnosticsProcess::pid).containsExactly(100L, 200L, 300L, 400L);
    assertThat(bundle)
        .hasProcessWithRole(100, ProcessRole.SKULK)
        .hasProcessWithRole(200, ProcessRole.SKULK)
        .hasProcessWithRole(300, ProcessRole.RUNNER)
        .hasProcessWithRole(400, ProcessRole.VECTOR);
    assertThat(bundle.processes()).extracting(DiagnosticsProcess::isChildOfSkulk).containsExactly(true, true, true, false);
  }

  @Test
  void supervisorsKeepTheSuppliedOrderAndTheSupplierIsIsolated() {
    // Upstream's _collect_runner_supervisor_diagnostics returns list(provider()): no re-sort.
    RunnerSupervisorDiagnostics b = Samples.supervisor("runner-b", "i").build();
    RunnerSupervisorDiagnostics c = Samples.supervisor("runner-c", "i").build();
    RunnerSupervisorDiagnostics a = Samples.supervisor("runner-a", "i").build();

    NodeDiagnostics sorted = build(builder().runnerSupervisors(() -> List.of(b, c, a))).assembleNode();
    NodeDiagnostics broken = build(builder().runnerSupervisors(() -> {
      throw new IllegalStateException("registry gone");
    })).assembleNode();

    assertThat(sorted.supervisorRunners()).extracting(RunnerSupervisorDiagnostics::runnerId)
        .containsExactly("runner-b", "runner-c", "runner-a");
    assertThat(broken.supervisorRunners()).isEmpty();
    assertThat(broken).hasWarningsExactly("Runner supervisor diagnostics failed: IllegalStateException: registry gone");
  }

  @Test
  void aThrowingStateViewDegradesToAnEmptyState() {
    ClusterStateView failing = new ThrowingState();

    NodeDiagnostics bundle = build(builder().state(failing)
        .addCollector(FakeCollector.returning(Slot.DISK, Samples.disk(10))))
        .assembleNode();

    assertThat(bundle).hasWarningsExactly("Cluster state view failed: IllegalStateException: state unavailable");
    assertThat(bundle.resources().disk()).isEqualTo(Samples.disk(10));
    assertThat(bundle.placements()).isEmpty();
    assertThat(bundle.runtime().masterNodeId()).as("no election known: this node").isEqualTo("node-a");
  }

  @Test
  void generatedAtIsTheClockWhenTheBundleIsDone() {
    TestClock clock = TestClock.at(Instant.parse("2026-11-27T03:13:13.123456789Z"));
    Collector<Memory> advancing = new Collector<>() {
      @Override
      public Slot<Memory> slot() {
        return Slot.CURRENT_WIRED;
      }

      @Override
      public String name() {
        return "advancing";
      }

      @Override
      public Memory collect(CollectContext context) {
        assertThat(context.clock()).isSameAs(clock);
        clock.advance(Duration.ofSeconds(2));
        return Memory.ZERO;
      }
    };

    NodeDiagnostics bundle = build(builder().clock(clock).addCollector(advancing)).assembleNode();

    assertThat(bundle.generatedAt()).isEqualTo("2026-11-27T03:13:15.123456+00:00");
    assertThat(Timestamps.parse(bundle.generatedAt())).isEqualTo(Instant.parse("2026-11-27T03:13:15.123456Z"));
  }

  @Test
  void theHighestPriorityAvailableCollectorWinsItsSlot() {
    FakeCollector<?> unavailableBest = FakeCollector.unavailable(Slot.DISK).named("best").withPriority(100);
    FakeCollector<?> firstOfTie = FakeCollector.returning(Slot.DISK, Samples.disk(1)).named("tie-1").withPriority(5);
    FakeCollector<?> secondOfTie = FakeCollector.returning(Slot.DISK, Samples.disk(2)).named("tie-2").withPriority(5);
    FakeCollector<?> fallback = FakeCollector.returning(Slot.DISK, Samples.disk(3)).named("fallback");

    AssemblyReport report = build(builder()
        .addCollector(fallback).addCollector(firstOfTie).addCollector(secondOfTie).addCollector(unavailableBest))
        .assembleNodeReport();

    assertThat(report)
        .hasOutcome("best", Status.UNAVAILABLE)
        .hasOutcome("tie-1", Status.OK)
        .hasOutcome("tie-2", Status.SKIPPED)
        .hasOutcome("fallback", Status.SKIPPED);
    assertThat(report.outcomes()).extracting(o -> o.collectorName())
        .as("outcomes in registration order").containsExactly("fallback", "tie-1", "tie-2", "best");
    assertThat(report.bundle().resources().disk()).isEqualTo(Samples.disk(1));
    assertThat(secondOfTie.calls() + fallback.calls()).isZero();
  }

  @Test
  void aFailingOrEmptyCollectorLeavesItsSlotToTheNextByPriority() {
    FakeCollector<?> broken = FakeCollector.throwing(Slot.DISK, new IllegalStateException("nvmlInit failed"))
        .named("broken").withPriority(100);
    FakeCollector<?> empty = FakeCollector.returning(Slot.DISK, null).named("empty").withPriority(50);
    FakeCollector<?> garbage = FakeCollector.returningGarbage(Slot.DISK, "not a disk").named("garbage").withPriority(20);
    FakeCollector<?> generic = FakeCollector.returning(Slot.DISK, Samples.disk(7)).named("generic");

    AssemblyReport report = build(builder()
        .addCollector(generic).addCollector(garbage).addCollector(empty).addCollector(broken))
        .assembleNodeReport();

    assertThat(report)
        .hasOutcome("broken", Status.FAILED)
        .hasOutcome("empty", Status.OK)
        .hasOutcome("garbage", Status.FAILED)
        .hasOutcome("generic", Status.OK);
    assertThat(report.bundle().resources().disk()).isEqualTo(Samples.disk(7));
    assertThat(report.bundle().warnings()).contains("Collector broken failed: IllegalStateException: nvmlInit failed");
    assertThat(report.bundle().warnings()).anyMatch(w -> w.startsWith("Collector garbage failed: ClassCastException"));
  }

  @Test
  void disabledCollectorsAreNotCalledAndEnableWinsWhenLast() {
    FakeCollector<?> disk = FakeCollector.returning(Slot.DISK, Samples.disk(1)).named("disk");
    FakeCollector<?> memory = FakeCollector.returning(Slot.CURRENT_MEMORY, Samples.memory()).named("memory");

    AssemblyReport report = build(builder().addCollector(disk).addCollector(memory)
        .disable("disk").disable("memory").enable("memory"))
        .assembleNodeReport();

    assertThat(report).hasOutcome("disk", Status.DISABLED).hasOutcome("memory", Status.OK);
    assertThat(disk.calls()).isZero();
    assertThat(disk.availabilityChecks()).isZero();
  }

  @Test
  void warningsAreTheSortedDistinctUnionOfRulesAndCollectors() {
    DiagnosticRule duplicate = rule("dup", List.of("b warning", "a warning", "b warning"));
    DiagnosticRule again = rule("again", List.of("a warning"));

    NodeDiagnostics bundle = build(builder()
        .addRule(duplicate).addRule(again)
        .addCollector(FakeCollector.throwing(Slot.DISK, new IllegalStateException("x")).named("z-disk")))
        .assembleNode();

    assertThat(bundle).hasWarningsExactly("Collector z-disk failed: IllegalStateException: x", "a warning", "b warning");
  }

  @Test
  void rulesSeeTheDraftWithoutWarningsAndTheState() {
    AtomicReference<NodeDiagnostics> seen = new AtomicReference<>();
    AtomicReference<ClusterStateView> seenState = new AtomicReference<>();
    DiagnosticRule spy = new DiagnosticRule() {
      @Override
      public String name() {
        return "spy";
      }

      @Override
      public List<String> evaluate(NodeDiagnostics draft, ClusterStateView state) {
        seen.set(draft);
        seenState.set(state);
        return List.of();
      }
    };
    InMemoryClusterState state = InMemoryClusterState.builder("node-a").master("node-m").build();

    build(builder().state(state).rules(List.of(spy))
        .addCollector(FakeCollector.throwing(Slot.DISK, new IllegalStateException("x")))).assembleNode();

    assertThat(seen.get().warnings()).isEmpty();
    assertThat(seenState.get().masterNodeId()).isEqualTo("node-m");
  }

  @Test
  void aThrowingOrHangingRuleCostsOnlyItsWarnings() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    DiagnosticRule throwing = rule("explodes", null);
    DiagnosticRule hanging = new DiagnosticRule() {
      @Override
      public String name() {
        return "hangs";
      }

      @Override
      public List<String> evaluate(NodeDiagnostics draft, ClusterStateView state) {
        boolean interrupted = false;
        while (never.getCount() > 0) {
          try {
            never.await();
          } catch (InterruptedException e) {
            interrupted = true; // ignore it, as a badly written rule would
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        return List.of("too late");
      }
    };
    DiagnosticsAssembler assembler = build(builder()
        .deadline(Duration.ofMillis(600))
        .rules(List.of(throwing, hanging, rule("fine", List.of("fine warning")))));
    try {
      long start = System.nanoTime();
      NodeDiagnostics first = assembler.assembleNode();
      NodeDiagnostics second = assembler.assembleNode();
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      // two assemblies of 600 ms each; a real-time smoke check with 2 s of slack for busy cores
      assertThat(took).isLessThan(Duration.ofMillis(1200 + 2000));
      assertThat(first).hasWarningsExactly(
          "Rule explodes failed: NullPointerException: rule explodes returned null",
          "Rule hangs timed out: the assembly deadline of 600 ms passed",
          "fine warning");
      assertThat(second).hasWarning("Rule hangs skipped: its previous call has not returned");
    } finally {
      never.countDown();
    }
  }

  @Test
  void extendedRulesAreOptIn() {
    RunnerSupervisorDiagnostics dead = Samples.supervisor("runner-1", "i").pid(42L).processAlive(false).build();

    NodeDiagnostics skulk = build(builder().runnerSupervisors(() -> List.of(dead))).assembleNode();
    NodeDiagnostics extended = build(builder().rules(RuleSets.extended())
        .runnerSupervisors(() -> List.of(dead))).assembleNode();

    assertThat(skulk).hasNoWarnings();
    assertThat(extended).hasWarningContaining("Runner runner-1 process 42 is not alive");
  }

  @Test
  void leakedWiredMemoryComesFromTheLiveWiredReading() {
    NodeDiagnostics bundle = build(builder()
        .addCollector(FakeCollector.returning(Slot.CURRENT_WIRED, Memory.ofBytes(5 * Samples.GIB + Samples.GIB / 4))))
        .assembleNode();

    assertThat(bundle).hasWarningContaining("Likely leaked wired memory: 5.2 GB wired with no live runners.");
  }

  @Test
  void aFullBundleRoundTripsThroughTheStrictCodec() {
    InMemoryClusterState state = InMemoryClusterState.builder("node-a")
        .master("node-m")
        .addInstance("3f1c2a9e-0b7d-4c55-9a61-2e8f0d4b7c11", "mlx-community/model",
            InMemoryClusterState.assignment("runner-a", "node-a", 0, 1, 0, 30, 30))
        .runnerStatus("runner-a", "RunnerWarmingUp")
        .addTask("task-1", "TextGeneration", "Running", "3f1c2a9e-0b7d-4c55-9a61-2e8f0d4b7c11")
        .identity("node-a", Samples.identity("Studio \u00c5"))
        .memory("node-a", Samples.memory())
        .build();
    RunnerSupervisorDiagnostics runner = Samples.supervisor("runner-a", "3f1c2a9e-0b7d-4c55-9a61-2e8f0d4b7c11")
        .pid(4242L)
        .addInProgressTasks(new dev.skulk.diagnostics.model.RunnerTaskDiagnostics(
            "c0ffee00-1234-4abc-9def-0123456789ab", "TextGeneration", "Running",
            "3f1c2a9e-0b7d-4c55-9a61-2e8f0d4b7c11", null, "runner-a", null))
        .build();
    NodeDiagnostics bundle = build(builder().state(state).rules(RuleSets.extended())
        .runnerSupervisors(() -> List.of(runner))
        .addCollector(FakeCollector.returning(Slot.PROCESSES, List.of(Samples.process(4242, 1L, "python -m runner"))))
        .addCollector(FakeCollector.returning(Slot.ACCELERATOR, Samples.accelerator()))
        .addCollector(FakeCollector.returning(Slot.CURRENT_WIRED, Memory.ofGiB(9)))
        .addCollector(FakeCollector.throwing(Slot.DISK, new IllegalStateException("nope")).named("disk")))
        .assembleNode();

    String json = dev.skulk.diagnostics.json.DiagnosticsJson.strict().write(bundle);

    assertThat(json).contains("c0ffee00\u202689ab").contains("\"warnings\":[");
    assertThat(dev.skulk.diagnostics.json.DiagnosticsJson.strict().read(json, NodeDiagnostics.class)).isEqualTo(bundle);
    assertThat(bundle.warnings()).isNotEmpty();
    assertThat(bundle.placements().get(0).warnings()).isNotEmpty();
  }

  @Test
  void theBuilderRejectsWhatCannotWork() {
    assertThatThrownBy(() -> DiagnosticsAssembler.builder().build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> DiagnosticsAssembler.builder().nodeId(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DiagnosticsAssembler.builder().deadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DiagnosticsAssembler.builder().collectorTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCollectorWithoutAUsableNameIsReportedNotRegistered() {
    FakeCollector<?> blank = FakeCollector.returning(Slot.DISK, Samples.disk(1)).named(" ");

    DiagnosticsAssembler assembler = build(builder().addCollector(blank));
    AssemblyReport report = assembler.assembleNodeReport();

    assertThat(report.outcomes()).isEmpty();
    assertThat(assembler.loadFailures()).hasSize(1);
    assertThat(report.bundle()).hasWarning("Collector provider " + FakeCollector.class.getName()
        + " could not be loaded: IllegalArgumentException: collector name is blank");
  }

  private static DiagnosticRule rule(String name, List<String> warnings) {
    return new DiagnosticRule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<String> evaluate(NodeDiagnostics draft, ClusterStateView state) {
        return warnings;
      }
    };
  }

  /** A host state view that fails on every call. */
  private static final class ThrowingState implements ClusterStateView {
    private static IllegalStateException failure() {
      return new IllegalStateException("state unavailable");
    }

    @Override
    public String nodeId() {
      throw failure();
    }

    @Override
    public String masterNodeId() {
      throw failure();
    }

    @Override
    public boolean tracingEnabled() {
      throw failure();
    }

    @Override
    public List<dev.skulk.diagnostics.state.InstanceView> instances() {
      throw failure();
    }

    @Override
    public Map<String, String> runnerStatuses() {
      throw failure();
    }

    @Override
    public List<dev.skulk.diagnostics.state.TaskView> tasks() {
      throw failure();
    }

    @Override
    public List<String> nodeIds() {
      throw failure();
    }

    @Override
    public NodeIdentity identity(String nodeId) {
      throw failure();
    }

    @Override
    public dev.skulk.diagnostics.model.MemoryUsage memory(String nodeId) {
      throw failure();
    }

    @Override
    public dev.skulk.diagnostics.model.DiskUsage disk(String nodeId) {
      throw failure();
    }

    @Override
    public SystemPerformanceProfile system(String nodeId) {
      throw failure();
    }

    @Override
    public dev.skulk.diagnostics.model.NodeNetworkInfo network(String nodeId) {
      throw failure();
    }
  }
}
