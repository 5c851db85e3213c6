package dev.skulk.diagnostics.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.cluster.CaptureService;
import dev.skulk.diagnostics.cluster.NoMatchingRunnerException;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequest;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnosticsBuilder;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.testkit.DiagnosticsGenerators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Area 2 of the parity issue: which runner a capture request matches and the capture's warnings,
 * {@link CaptureService} against upstream's {@code API.capture_local_node_diagnostics} (with {@code
 * _match_capture_runner}) on the same bundles and requests: runner ids shared by several runners
 * (the first wins), task ids in progress, pending, cancelled or active, requests naming neither,
 * one or both, with and without samples, runners with and without pid, live or dead, with and
 * without an MLX snapshot. Process sampling itself is replaced on both sides by one sample naming
 * the pid and the duration asked for.
 */
class CaptureDifferentialTest {

  private static final long SEED = 0x5EED_0002L;
  private static final int GENERATED = 400;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DiagnosticsJson WIRE = DiagnosticsJson.strict();

  @Test
  void matchingAndWarningsMatchUpstream() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    List<String> mismatches = new ArrayList<>();
    int notFound = 0;
    int matched = 0;
    try (UpstreamOracle upstream = UpstreamOracle.start("capture")) {
      for (int i = 0; i < GENERATED; i++) {
        NodeDiagnostics bundle = bundle(random);
        DiagnosticCaptureRequest request = request(random);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("bundle", NodeScenario.wire(bundle));
        c.put("request", NodeScenario.wire(request));
        String label = "case " + i;
        JsonNode expected = JSON.readTree(upstream.call(JSON.writeValueAsString(c)));
        CaptureService service = CaptureService.builder(() -> bundle)
            .processSampler((pid, duration) -> List.of(
                new DiagnosticProcessSample("sampled", List.of(Long.toString(pid)), true, null, duration, null, null, null)))
            .build();
        DiagnosticCaptureResponse ours;
        try {
          ours = service.capture(request);
        } catch (NoMatchingRunnerException e) {
          ours = null;
        }
        boolean upstreamNotFound = expected.has("notFound");
        if (upstreamNotFound) {
          notFound++;
          if (ours != null) {
            mismatches.add(label + ": upstream 404, ours matched " + ours.runner());
          }
          continue;
        }
        if (ours == null) {
          mismatches.add(label + ": ours 404, upstream matched " + expected.get("runner").asString());
          continue;
        }
        matched += ours.runner() == null ? 0 : 1;
        Object scenario = JSON.writeValueAsString(c);
        NodeWarningsDifferentialTest.compare(mismatches, i, scenario, "runner", expected,
            ours.runner() == null ? "null" : WIRE.write(ours.runner()));
        NodeWarningsDifferentialTest.compare(mismatches, i, scenario, "flightRecorder", expected, WIRE.write(ours.flightRecorder()));
        NodeWarningsDifferentialTest.compare(mismatches, i, scenario, "mlxMemory", expected,
            ours.mlxMemory() == null ? "null" : WIRE.write(ours.mlxMemory()));
        NodeWarningsDifferentialTest.compare(mismatches, i, scenario, "processSamples", expected, WIRE.write(ours.processSamples()));
        NodeWarningsDifferentialTest.compare(mismatches, i, scenario, "warnings", expected, WIRE.write(ours.warnings()));
        NodeWarningsDifferentialTest.compare(mismatches, i, scenario, "nodeId", expected, WIRE.write(ours.nodeId()));
      }
    }
    System.out.printf("CaptureDifferentialTest: seed %d, %d cases (%d not found, %d matched a runner), %d mismatches %s%n",
        SEED, GENERATED, notFound, matched, mismatches.size(), mismatches.isEmpty() ? "" : mismatches.get(0));
    assertThat(notFound).as("the generator reaches the 404 branch").isPositive();
    assertThat(matched).as("the generator reaches matches").isPositive();
    assertThat(mismatches.size()).as("seed %d: capture sections that differ from upstream's", SEED).isZero();
  }

  private static final List<String> RUNNERS = List.of("runner-a", "runner-b", "runner-0123456789abcdef", "r-🚀");
  private static final List<String> TASKS = List.of("task-1", "task-2", "task-0123456789", "t-😀");

  private static <T> T pick(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static List<String> someTasks(SplittableRandom random) {
    List<String> ids = new ArrayList<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      ids.add(pick(random, TASKS));
    }
    return ids;
  }

  static NodeDiagnostics bundle(SplittableRandom random) {
    NodeDiagnostics base = DiagnosticsGenerators.nodeDiagnostics(random);
    List<RunnerSupervisorDiagnostics> runners = new ArrayList<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      List<RunnerTaskDiagnostics> inProgress = new ArrayList<>();
      for (String taskId : someTasks(random)) {
        RunnerTaskDiagnostics t = DiagnosticsGenerators.runnerTaskDiagnostics(random);
        inProgress.add(new RunnerTaskDiagnostics(taskId, t.taskKind(), t.taskStatus(), t.instanceId(), t.commandId(),
            t.runnerId(), t.modelId()));
      }
      RunnerSupervisorDiagnostics generated = DiagnosticsGenerators.runnerSupervisorDiagnostics(random);
      runners.add(new RunnerSupervisorDiagnosticsBuilder().from(generated)
          .runnerId(pick(random, RUNNERS))
          .pid(random.nextInt(4) == 0 ? null : (long) (1000 + random.nextInt(100_000)))
          .processAlive(random.nextBoolean())
          .activeTaskId(random.nextBoolean() ? null : pick(random, TASKS))
          .inProgressTasks(inProgress)
          .pendingTaskIds(someTasks(random))
          .cancelledTaskIds(someTasks(random))
          .lastMlxMemory(random.nextBoolean() ? null : DiagnosticsGenerators.mlxMemorySnapshot(random))
          .build());
    }
    return new NodeDiagnostics(base.generatedAt(), base.runtime(), base.identity(), base.resources(),
        base.processes(), runners, base.placements(), base.warnings());
  }

  static DiagnosticCaptureRequest request(SplittableRandom random) {
    @Nullable String runnerId = switch (random.nextInt(3)) {
      case 0 -> null;
      case 1 -> pick(random, RUNNERS);
      default -> random.nextBoolean() ? "runner-unknown" : pick(random, RUNNERS);
    };
    @Nullable String taskId = switch (random.nextInt(3)) {
      case 0 -> null;
      case 1 -> pick(random, TASKS);
      default -> random.nextBoolean() ? "task-unknown" : pick(random, TASKS);
    };
    double[] durations = {1.0, 2.5, 3.0, 10.0};
    return new DiagnosticCaptureRequest(runnerId, taskId, random.nextBoolean(), durations[random.nextInt(durations.length)]);
  }
}
