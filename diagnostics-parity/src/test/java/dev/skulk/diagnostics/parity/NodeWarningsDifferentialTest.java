package dev.skulk.diagnostics.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnosticsBuilder;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.state.InstanceView;
import dev.skulk.diagnostics.state.ShardAssignment;
import dev.skulk.diagnostics.state.TaskView;
import dev.skulk.diagnostics.testkit.DiagnosticsGenerators;
import dev.skulk.diagnostics.testkit.FakeCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Area 1 of the parity issue: a node's {@code placements}, {@code supervisorRunners} and merged
 * {@code warnings} from this SDK's assembler with the default rules ({@code RuleSets.skulk()})
 * against upstream's {@code API.get_node_diagnostics} ({@code _placement_diagnostics}, {@code
 * _augment_runner_divergence_warnings}, {@code _leaked_wired_warning} and its warning merge) on the
 * same generated scenarios, byte for byte, plus hand-picked edges (every task status with a live
 * and a dead runner, tasks of an instance without placement, master inside / outside / absent,
 * the wired threshold to the byte).
 */
class NodeWarningsDifferentialTest {

  private static final long SEED = 0x5EED_0001L;
  private static final int GENERATED = 400;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> WARNING_KINDS = List.of(
      "Current master is not a placement node for this instance.",
      "is warming up while master is outside the placement.",
      "is still alive with",
      "but cluster state no longer tracks that task.",
      "in progress while cluster state says",
      "but placement diagnostics show no active task on this runner.",
      "Likely leaked wired memory");
  private static final DiagnosticsJson WIRE = DiagnosticsJson.strict();

  @Test
  void placementsSupervisorsAndWarningsMatchUpstream() throws Exception {
    List<NodeScenario> scenarios = new ArrayList<>(edges());
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < GENERATED; i++) {
      scenarios.add(NodeScenario.generate(random));
    }
    List<String> mismatches = new ArrayList<>();
    java.util.Map<String, Integer> reached = new java.util.LinkedHashMap<>();
    for (String kind : WARNING_KINDS) {
      reached.put(kind, 0);
    }
    try (UpstreamOracle upstream = UpstreamOracle.start("node")) {
      for (int i = 0; i < scenarios.size(); i++) {
        NodeScenario scenario = scenarios.get(i);
        JsonNode expected = JSON.readTree(upstream.call(scenario.caseJson()));
        NodeDiagnostics ours = assemble(scenario);
        compare(mismatches, i, scenario, "placements", expected, WIRE.write(ours.placements()));
        compare(mismatches, i, scenario, "supervisorRunners", expected, WIRE.write(ours.supervisorRunners()));
        compare(mismatches, i, scenario, "warnings", expected, WIRE.write(ours.warnings()));
        String upstreamWarnings = expected.get("warnings").asString();
        reached.replaceAll((kind, n) -> upstreamWarnings.contains(kind) ? n + 1 : n);
      }
    }
    System.out.println("NodeWarningsDifferentialTest: cases where upstream raised each warning kind: " + reached);
    assertThat(reached).as("every warning branch is reached by some case").allSatisfy((kind, n) -> assertThat(n).isPositive());
    System.out.printf("NodeWarningsDifferentialTest: seed %d, %d cases (%d hand-picked), %d mismatching sections%n",
        SEED, scenarios.size(), edges().size(), mismatches.size());
    assertThat(mismatches.size()).as("seed %d: sections whose JSON differs from upstream's (first ones printed)", SEED)
        .isZero();
  }

  static void compare(List<String> mismatches, int index, Object scenario, String field, JsonNode expected,
      String actual) {
    compare(mismatches, index, scenario, field, expected, field, actual);
  }

  static void compare(List<String> mismatches, int index, Object scenario, String label, JsonNode expected,
      String field, String actual) {
    String upstreamText = expected.get(field).asString(); // the section as pydantic wrote it
    if (!upstreamText.equals(actual)) {
      String report = "case " + index + " " + label + "\n  upstream: " + upstreamText + "\n  ours:     " + actual;
      mismatches.add(report);
      if (mismatches.size() <= 3) {
        System.out.println(report + "\n  case:     " + scenario);
      }
    }
  }

  /** Mismatch counts per section label (the report's first line after the case number). */
  static java.util.Map<String, Long> byLabel(List<String> mismatches) {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    for (String m : mismatches) {
      String first = m.substring(0, m.indexOf('\n'));
      counts.merge(first.substring(first.indexOf(' ', 5) + 1), 1L, Long::sum);
    }
    return counts;
  }

  static NodeDiagnostics assemble(NodeScenario scenario, Collector<?>... extra) {
    DiagnosticsAssembler.Builder builder = DiagnosticsAssembler.builder()
        .nodeId(scenario.nodeId)
        .hostFacts(scenario.hostFacts())
        .addCollectors(List.of(extra))
        .state(scenario.state())
        .runnerSupervisors(() -> List.copyOf(scenario.supervisors));
    if (scenario.currentWired == NodeScenario.FAIL) {
      builder.addCollector(FakeCollector.throwing(Slot.CURRENT_WIRED, new IllegalStateException("reading failed")));
    } else if (scenario.currentWired != null) {
      builder.addCollector(FakeCollector.returning(Slot.CURRENT_WIRED, (Memory) scenario.currentWired));
    }
    if (scenario.currentMemory == NodeScenario.FAIL) {
      builder.addCollector(FakeCollector.throwing(Slot.CURRENT_MEMORY, new IllegalStateException("reading failed")));
    } else if (scenario.currentMemory != null) {
      builder.addCollector(FakeCollector.returning(Slot.CURRENT_MEMORY,
          (dev.skulk.diagnostics.model.MemoryUsage) scenario.currentMemory));
    }
    try (DiagnosticsAssembler assembler = builder.build()) {
      return assembler.assembleNode();
    }
  }

  /** Hand-picked edges. */
  static List<NodeScenario> edges() {
    List<NodeScenario> edges = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(7);
    String longInstance = "instance-0123456789abcdef";
    for (String status : NodeScenario.TASK_STATUSES) {
      for (boolean alive : new boolean[] {true, false}) {
        for (String master : new String[] {null, "local-node", "peer-node", "elsewhere"}) {
          NodeScenario s = new NodeScenario();
          s.master = master;
          s.instances.add(new InstanceView(longInstance, "mlx-community/gemma", List.of(
              new ShardAssignment("runner-local-0001", "local-node", 0, 2, 0, 15, 30),
              new ShardAssignment("runner-peer-0002", "peer-node", 1, 2, 15, 30, 30))));
          s.runnerStatuses.put("runner-local-0001", "RunnerWarmingUp");
          s.runnerStatuses.put("runner-peer-0002", "RunnerWarmingUp");
          s.tasks.add(new TaskView("task-" + status + "-0123456789", "StartWarmup", status, longInstance, null, null));
          s.tasks.add(new TaskView("task-other-instance", "LoadModel", status, "instance-without-placement", null, null));
          s.supervisors.add(supervisor(random, "runner-local-0001", longInstance, alive,
              task("task-" + status + "-0123456789", "StartWarmup"), task("task-gone-🚀🚀🚀🚀🚀🚀🚀🚀🚀", "TextGeneration")));
          s.supervisors.add(supervisor(random, "runner-unplaced", "instance-without-placement", alive,
              task("task-other-instance", "LoadModel")));
          edges.add(s);
        }
      }
    }
    for (long wired : new long[] {5 * NodeScenario.GIB - 1, 5 * NodeScenario.GIB, 5 * NodeScenario.GIB + 1,
        (long) (5.25 * NodeScenario.GIB), (long) (5.35 * NodeScenario.GIB), 128 * NodeScenario.GIB}) {
      for (boolean alive : new boolean[] {true, false}) {
        NodeScenario s = new NodeScenario();
        s.currentWired = new Memory(wired);
        s.supervisors.add(supervisor(random, "r", "i", alive));
        edges.add(s);
      }
      NodeScenario none = new NodeScenario();
      none.currentWired = new Memory(wired);
      edges.add(none);
    }
    // A live runner whose instance's placement lists no task at all, and one with an empty placement.
    NodeScenario empty = new NodeScenario();
    empty.instances.add(new InstanceView("instance-empty", "m", List.of()));
    empty.instances.add(new InstanceView("instance-idle", "m",
        List.of(new ShardAssignment("runner-idle", "local-node", 0, 1, 0, 1, 1))));
    empty.supervisors.add(supervisor(random, "runner-idle", "instance-idle", true, task("t1", "TextGeneration")));
    empty.supervisors.add(supervisor(random, "runner-x", "instance-empty", true, task("t2", "TextGeneration")));
    edges.add(empty);
    return edges;
  }

  static RunnerTaskDiagnostics task(String taskId, String kind) {
    return new RunnerTaskDiagnostics(taskId, kind, "Running", "whatever", null, null, null);
  }

  static RunnerSupervisorDiagnostics supervisor(SplittableRandom random, String runnerId, String instanceId,
      boolean alive, RunnerTaskDiagnostics... inProgress) {
    return new RunnerSupervisorDiagnosticsBuilder().from(DiagnosticsGenerators.runnerSupervisorDiagnostics(random))
        .runnerId(runnerId)
        .instanceId(instanceId)
        .processAlive(alive)
        .inProgressTasks(List.of(inProgress))
        .build();
  }
}
