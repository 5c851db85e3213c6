package dev.skulk.diagnostics.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import dev.skulk.diagnostics.model.RunnerDiagnosticValue;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.runner.RunnerSupervisorTracker;
import dev.skulk.diagnostics.testkit.TestClock;
import dev.skulk.diagnostics.testkit.TestTicker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link RunnerSupervisorTracker} against upstream's own {@code RunnerSupervisor}
 * ({@code worker/runner/runner_supervisor.py}, driven through its methods by {@code
 * oracle_supervisor.py}): seeded sequences of what a supervisor goes through (its process started
 * and exited, tasks sent, acknowledged, finished in every status, cancelled, runner checks,
 * shutdowns, runner events and diagnostic updates, the clock moving in between), applied to both,
 * and every snapshot's JSON compared byte for byte.
 *
 * <p>One normalisation: upstream keeps the cancelled task ids in a Python {@code set} and lists
 * them in its (hash-dependent) iteration order, so both sides' {@code cancelledTaskIds} are sorted
 * before the comparison; everything else is compared as written.
 */
class RunnerSupervisorDifferentialTest {

  private static final long SEED = 20261201_08L;
  private static final int CASES = 400;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DiagnosticsJson CODEC = DiagnosticsJson.strict();
  private static final Pattern CANCELLED = Pattern.compile("\"cancelledTaskIds\":\\[([^\\]]*)\\]");

  private static final String[] STATUSES = {"RunnerIdle", "RunnerConnecting", "RunnerConnected",
      "RunnerLoading", "RunnerLoaded", "RunnerWarmingUp", "RunnerReady", "RunnerRunning",
      "RunnerShuttingDown", "RunnerShutdown", "RunnerFailed"};
  /** The statuses upstream asserts the runner is in when a task reaches a terminal status. */
  private static final String[] WORKING = {"RunnerRunning", "RunnerWarmingUp", "RunnerLoading",
      "RunnerConnecting", "RunnerShuttingDown"};
  private static final String[] TASK_STATUSES = {"Pending", "Running", "Complete", "TimedOut",
      "Failed", "Cancelled"};
  private static final String[] KINDS = {"TextGeneration", "ImageGeneration", "TextEmbedding",
      "LoadModel", "ConnectToGroup", "StartWarmup", "Shutdown"};
  /** Few enough to collide; one and many characters, accents, beyond U+FFFF, quotes. */
  private static final String[] TASK_IDS = {"task-0", "task-1", "t", "t\u00e2che-\ud83d\ude00",
      "9f1c2a7e-4b3d-4c8a-9e21-0d5b7f3a6c11", "say \"hi\""};
  private static final String[] CAUSES = {"RuntimeError", "TimeoutError", "ClosedResourceError",
      "BrokenResourceError"};
  private static final String[] OTHER_EVENTS = {"ChunkGenerated", "TracesCollected"};
  private static final String[] EVENTS = {"enter", "exit", "token", "phase", "", "prefill_cancelled"};
  private static final String[] DETAILS = {"", "prompt 1873 tokens", "t\u00e9l\u00e9 \ud83d\ude00", "task-1"};

  /** One step: its JSON for upstream and, for tasks and updates, the same value for Java. */
  private record Op(ObjectNode json, @Nullable RunnerTaskDiagnostics task,
      @Nullable RunnerDiagnosticUpdate update) {}

  private record Identity(String runnerId, String instanceId, String nodeId, String modelId,
      int deviceRank, int worldSize, int startLayer, int endLayer, int nLayers) {}

  @Test
  void trackerSnapshotsMatchUpstreamSupervisorForGeneratedSequences() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    int snapshots = 0;
    List<String> mismatches = new ArrayList<>();
    try (UpstreamOracle upstream = UpstreamOracle.start("supervisor")) {
      for (int c = 0; c < CASES; c++) {
        Identity identity = identity(random, c);
        Instant start = Instant.parse("2026-04-23T00:00:00Z").plusSeconds(random.nextInt(100_000))
            .plusMillis(125L * random.nextInt(8));
        List<Op> ops = ops(random, identity);
        ObjectNode caseJson = JSON.createObjectNode();
        caseJson.put("start", dev.skulk.diagnostics.model.Timestamps.format(start));
        caseJson.set("identity", JSON.valueToTree(identity));
        ArrayNode opsJson = caseJson.putArray("ops");
        ops.forEach(op -> opsJson.add(op.json()));
        String caseText = JSON.writeValueAsString(caseJson);

        JsonNode expected = JSON.readTree(upstream.call(caseText));
        List<String> actual = runJava(identity, start, ops);
        assertThat(actual).as("seed %d case %d: snapshot count", SEED, c).hasSize(expected.size());
        for (int s = 0; s < actual.size(); s++) {
          snapshots++;
          String want = normalise(expected.get(s).asString());
          String got = normalise(actual.get(s));
          if (!want.equals(got)) {
            mismatches.add(String.format("seed %d case %d snapshot %d%n case: %s%n upstream: %s%n java:     %s",
                SEED, c, s, caseText, want, got));
          }
        }
      }
    }
    System.out.printf("RunnerSupervisorDifferentialTest: %d cases, %d snapshots, %d mismatches%n",
        CASES, snapshots, mismatches.size());
    assertThat(mismatches.subList(0, Math.min(3, mismatches.size())))
        .as("the first of %d mismatching snapshots", mismatches.size()).isEmpty();
  }

  /** Hand-picked edges, each one sequence, compared the same way. */
  @Test
  void trackerSnapshotsMatchUpstreamSupervisorOnHandPickedEdges() throws Exception {
    Identity identity = new Identity("runner-edge", "instance-edge", "node-edge", "mlx-community/m", 0, 1, 0, 16, 16);
    List<List<Op>> cases = new ArrayList<>();
    // A runner checked before its process ever started: no exit code, so it fails.
    cases.add(List.of(op("check").put("cause", "RuntimeError").build(), snap()));
    // A clean exit checked: only runner_check.
    cases.add(List.of(op("run").put("pid", 7).build(), op("exit").put("code", 0).build(),
        op("advance").put("ms", 1000).build(), op("check").put("cause", "ClosedResourceError").build(), snap()));
    // Sent twice (the second skipped), acknowledged, sent again: pending again, in progress kept in place.
    cases.add(List.of(send(identity, "a"), send(identity, "b"), send(identity, "a"),
        event("TaskAcknowledged", "a", null), snap(), send(identity, "a"), snap()));
    // Completed, then cancelled (nothing but the id), then sent (skipped).
    cases.add(List.of(event("RunnerStatusUpdated", null, "RunnerRunning"), send(identity, "a"),
        event("TaskStatusUpdated", "a", "Complete"), op("cancel").put("taskId", "a").build(),
        send(identity, "a"), snap()));
    // A failed send leaves the task pending, so sending it again is skipped.
    cases.add(List.of(sendFails(identity, "a"), send(identity, "a"), snap()));
    // Every terminal status of unknown tasks, each twice.
    List<Op> terminal = new ArrayList<>(List.of(event("RunnerStatusUpdated", null, "RunnerShuttingDown")));
    for (String status : new String[] {"Complete", "Failed", "TimedOut", "Cancelled"}) {
      terminal.add(event("TaskStatusUpdated", "x-" + status, status));
      terminal.add(event("TaskStatusUpdated", "x-" + status, status));
    }
    terminal.add(snap());
    cases.add(terminal);
    // Forty status changes: the 32-milestone ring evicts the oldest.
    List<Op> statuses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      statuses.add(op("advance").put("ms", 125).build());
      statuses.add(event("RunnerStatusUpdated", null, STATUSES[i % STATUSES.length]));
    }
    statuses.add(snap());
    cases.add(statuses);
    // Empty detail and empty event; a cancel request blocked on a runner that never started.
    RunnerDiagnosticContext context = new RunnerDiagnosticContext("n", "r", null, "i", "m", 0, 1, 0, 1, 1);
    RunnerDiagnosticUpdate empty = new RunnerDiagnosticUpdate("2026-04-23T00:00:00Z", RunnerPhase.IDLE,
        "", "", Map.of(), context, null, null, null);
    ObjectNode emptyJson = JSON.createObjectNode().put("op", "update");
    emptyJson.set("update", JSON.readTree(CODEC.write(empty)));
    cases.add(List.of(new Op(emptyJson, null, empty), snap(),
        op("cancelBlocked").put("taskId", "z").build(), snap()));

    try (UpstreamOracle upstream = UpstreamOracle.start("supervisor")) {
      Instant start = Instant.parse("2026-04-23T00:00:00Z");
      for (int c = 0; c < cases.size(); c++) {
        ObjectNode caseJson = JSON.createObjectNode();
        caseJson.put("start", dev.skulk.diagnostics.model.Timestamps.format(start));
        caseJson.set("identity", JSON.valueToTree(identity));
        ArrayNode opsJson = caseJson.putArray("ops");
        cases.get(c).forEach(op -> opsJson.add(op.json()));
        String caseText = JSON.writeValueAsString(caseJson);
        JsonNode expected = JSON.readTree(upstream.call(caseText));
        List<String> actual = runJava(identity, start, cases.get(c));
        assertThat(actual).as("edge %d: %s", c, caseText).hasSize(expected.size());
        for (int s = 0; s < actual.size(); s++) {
          assertThat(normalise(actual.get(s))).as("edge %d snapshot %d: %s", c, s, caseText)
              .isEqualTo(normalise(expected.get(s).asString()));
        }
      }
    }
  }

  private static Op snap() {
    return op("snapshot").build();
  }

  private static Op event(String type, @Nullable String taskId, @Nullable String status) {
    OpBuilder builder = op("event").put("type", type);
    if (taskId != null) {
      builder.put("taskId", taskId);
    }
    if (status != null) {
      builder.put("status", status);
    }
    return builder.build();
  }

  private static Op send(Identity identity, String taskId) {
    return taskOp("send", identity, taskId);
  }

  private static Op sendFails(Identity identity, String taskId) {
    return taskOp("sendFails", identity, taskId);
  }

  private static Op taskOp(String name, Identity identity, String taskId) {
    ObjectNode task = JSON.createObjectNode().put("kind", "TextGeneration").put("taskId", taskId)
        .put("instanceId", identity.instanceId()).put("status", "Pending")
        .put("commandId", "cmd-" + taskId).put("model", identity.modelId()).put("runnerId", identity.runnerId());
    ObjectNode json = JSON.createObjectNode().put("op", name);
    json.set("task", task);
    return new Op(json, new RunnerTaskDiagnostics(taskId, "TextGeneration", "Pending",
        identity.instanceId(), "cmd-" + taskId, identity.runnerId(), identity.modelId()), null);
  }

  private static String normalise(String snapshotJson) {
    Matcher m = CANCELLED.matcher(snapshotJson);
    if (!m.find() || m.group(1).isEmpty()) {
      return snapshotJson;
    }
    List<String> ids = new ArrayList<>(List.of(m.group(1).split(",")));
    ids.sort(null);
    return snapshotJson.substring(0, m.start(1)) + String.join(",", ids) + snapshotJson.substring(m.end(1));
  }

  private static Identity identity(SplittableRandom random, int c) {
    int nLayers = 1 + random.nextInt(80);
    int startLayer = random.nextInt(nLayers);
    return new Identity("runner-" + c, "instance-" + random.nextInt(5), "12D3KooWnode" + random.nextInt(9),
        random.nextBoolean() ? "mlx-community/Llama-3.2-1B-Instruct-4bit" : "mlx-community/Qwen3-30B",
        random.nextInt(4), 1 + random.nextInt(4), startLayer, startLayer + 1 + random.nextInt(nLayers - startLayer), nLayers);
  }

  private static List<Op> ops(SplittableRandom random, Identity identity) {
    List<Op> ops = new ArrayList<>();
    int count = 1 + random.nextInt(45);
    boolean started = false;
    String status = "RunnerIdle"; // the status the runner last reported, null when unknown
    // One case in eight gets a burst of updates past the flight recorder's 128 entries.
    int burstAt = random.nextInt(8) == 0 ? random.nextInt(count) : -1;
    for (int i = 0; i < count; i++) {
      if (i == burstAt) {
        int burst = 120 + random.nextInt(40);
        for (int b = 0; b < burst; b++) {
          RunnerDiagnosticUpdate update = update(random, identity, TASK_IDS[random.nextInt(TASK_IDS.length)]);
          ObjectNode json = JSON.createObjectNode().put("op", "update");
          json.set("update", JSON.readTree(CODEC.write(update)));
          ops.add(new Op(json, null, update));
        }
      }
      int pick = random.nextInt(100);
      String taskId = TASK_IDS[random.nextInt(TASK_IDS.length)];
      if (pick < 15) {
        ops.add(op("advance").put("ms", 125 * random.nextInt(40)).build());
      } else if (pick < 18 && !started) {
        started = true;
        ops.add(op("run").put("pid", 100 + random.nextInt(99_900)).build());
      } else if (pick < 21 && started) {
        int[] codes = {0, 1, -6, -9, 137};
        ops.add(op("exit").put("code", codes[random.nextInt(codes.length)]).build());
      } else if (pick < 33) {
        String kind = KINDS[random.nextInt(KINDS.length)];
        boolean serving = kind.equals("TextGeneration") || kind.equals("ImageGeneration")
            || kind.equals("TextEmbedding");
        String taskStatus = TASK_STATUSES[random.nextInt(2)];
        String model = random.nextBoolean() ? identity.modelId() : "other/model-" + random.nextInt(3);
        ObjectNode task = JSON.createObjectNode().put("kind", kind).put("taskId", taskId)
            .put("instanceId", identity.instanceId()).put("status", taskStatus)
            .put("commandId", "cmd-" + taskId).put("model", model).put("runnerId", identity.runnerId());
        RunnerTaskDiagnostics javaTask = new RunnerTaskDiagnostics(taskId, kind, taskStatus,
            identity.instanceId(), serving ? "cmd-" + taskId : null, identity.runnerId(),
            serving ? model : identity.modelId());
        ObjectNode json = JSON.createObjectNode().put("op", random.nextInt(10) == 0 ? "sendFails" : "send");
        json.set("task", task);
        ops.add(new Op(json, javaTask, null));
      } else if (pick < 40) {
        ops.add(op(random.nextInt(6) == 0 ? "cancelBlocked" : "cancel").put("taskId", taskId).build());
        status = null;
      } else if (pick < 43) {
        ops.add(op("check").put("cause", CAUSES[random.nextInt(CAUSES.length)]).build());
        status = null;
      } else if (pick < 45) {
        ops.add(op("shutdown").build());
      } else if (pick < 53) {
        status = STATUSES[random.nextInt(STATUSES.length)];
        ops.add(op("event").put("type", "RunnerStatusUpdated").put("status", status).build());
      } else if (pick < 62) {
        ops.add(op("event").put("type", "TaskAcknowledged").put("taskId", taskId).build());
      } else if (pick < 74) {
        String taskStatus = TASK_STATUSES[random.nextInt(TASK_STATUSES.length)];
        boolean terminal = !taskStatus.equals("Pending") && !taskStatus.equals("Running");
        if (terminal && (status == null || !List.of(WORKING).contains(status))) {
          // Upstream asserts a working status here; a host's runner only finishes tasks then.
          status = WORKING[random.nextInt(WORKING.length)];
          ops.add(op("event").put("type", "RunnerStatusUpdated").put("status", status).build());
        }
        ops.add(op("event").put("type", "TaskStatusUpdated").put("taskId", taskId)
            .put("status", taskStatus).build());
      } else if (pick < 77) {
        ops.add(op("event").put("type", OTHER_EVENTS[random.nextInt(OTHER_EVENTS.length)]).build());
      } else if (pick < 93) {
        RunnerDiagnosticUpdate update = update(random, identity, taskId);
        ObjectNode json = JSON.createObjectNode().put("op", "update");
        json.set("update", JSON.readTree(CODEC.write(update)));
        ops.add(new Op(json, null, update));
      } else {
        ops.add(op("snapshot").build());
      }
    }
    ops.add(op("snapshot").build());
    return ops;
  }

  private static RunnerDiagnosticUpdate update(SplittableRandom random, Identity identity, String taskId) {
    RunnerPhase[] phases = RunnerPhase.values();
    Map<String, RunnerDiagnosticValue> attrs = new LinkedHashMap<>();
    if (random.nextBoolean()) {
      attrs.put("tokens", RunnerDiagnosticValue.of((long) random.nextInt(5000)));
      attrs.put("ratio", RunnerDiagnosticValue.of(random.nextInt(100) / 8.0));
      attrs.put("ok", RunnerDiagnosticValue.of(random.nextBoolean()));
      attrs.put("names", RunnerDiagnosticValue.of(List.of("a", "b c")));
    }
    RunnerDiagnosticContext context = new RunnerDiagnosticContext(identity.nodeId(), identity.runnerId(),
        random.nextBoolean() ? null : (long) random.nextInt(99_999), identity.instanceId(),
        identity.modelId(), identity.deviceRank(), identity.worldSize(), identity.startLayer(),
        identity.endLayer(), identity.nLayers());
    String at = String.format("2026-04-23T%02d:%02d:%02d.%06d+00:00", random.nextInt(24),
        random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000));
    MlxMemorySnapshot memory = random.nextInt(4) == 0
        ? new MlxMemorySnapshot(at, Memory.ofBytes(random.nextLong(1L << 40)), null,
            Memory.ofBytes(random.nextLong(1L << 40)), null, "mlx.core")
        : null;
    return new RunnerDiagnosticUpdate(at, phases[random.nextInt(phases.length)],
        EVENTS[random.nextInt(EVENTS.length)],
        random.nextInt(3) == 0 ? null : DETAILS[random.nextInt(DETAILS.length)], attrs, context,
        random.nextBoolean() ? null : taskId, random.nextBoolean() ? null : "cmd-" + taskId, memory);
  }

  private static List<String> runJava(Identity identity, Instant start, List<Op> ops) {
    TestClock clock = TestClock.at(start);
    TestTicker ticker = new TestTicker();
    RunnerSupervisorTracker tracker = RunnerSupervisorTracker.builder()
        .runnerId(identity.runnerId()).instanceId(identity.instanceId()).nodeId(identity.nodeId())
        .modelId(identity.modelId()).deviceRank(identity.deviceRank()).worldSize(identity.worldSize())
        .startLayer(identity.startLayer()).endLayer(identity.endLayer()).nLayers(identity.nLayers())
        .clock(clock).ticker(ticker).build();
    List<String> snapshots = new ArrayList<>();
    for (Op op : ops) {
      JsonNode json = op.json();
      switch (json.get("op").asString()) {
        case "advance" -> {
          Duration step = Duration.ofMillis(json.get("ms").asLong());
          clock.advance(step);
          ticker.advance(step);
        }
        case "run" -> {
          tracker.processStartRequested();
          tracker.processStarted(json.get("pid").asLong());
        }
        case "exit" -> tracker.processExited(json.get("code").asInt());
        case "send" -> tracker.taskSent(op.task());
        case "sendFails" -> {
          if (tracker.taskSent(op.task())) {
            tracker.taskSendFailed(op.task());
          }
        }
        case "cancel" -> tracker.cancelRequested(json.get("taskId").asString());
        case "cancelBlocked" -> {
          if (tracker.cancelRequested(json.get("taskId").asString())) {
            tracker.runnerCheck("TimeoutError");
          }
        }
        case "check" -> tracker.runnerCheck(json.get("cause").asString());
        case "shutdown" -> tracker.shutdownRequested();
        case "event" -> event(tracker, json);
        case "update" -> tracker.applyUpdate(op.update());
        case "snapshot" -> snapshots.add(CODEC.write(tracker.snapshot()));
        default -> throw new IllegalArgumentException(json.toString());
      }
    }
    return snapshots;
  }

  private static void event(RunnerSupervisorTracker tracker, JsonNode json) {
    String type = json.get("type").asString();
    switch (type) {
      case "RunnerStatusUpdated" -> tracker.statusChanged(json.get("status").asString());
      case "TaskAcknowledged" -> tracker.taskAcknowledged(json.get("taskId").asString());
      case "TaskStatusUpdated" -> {
        String wire = json.get("status").asString();
        RunnerSupervisorTracker.TaskStatus status = Arrays.stream(RunnerSupervisorTracker.TaskStatus.values())
            .filter(s -> s.wireValue().equals(wire)).findFirst().orElseThrow();
        tracker.taskStatusUpdated(json.get("taskId").asString(), status);
      }
      default -> tracker.eventReceived(type);
    }
  }

  private static OpBuilder op(String name) {
    return new OpBuilder(name);
  }

  private static final class OpBuilder {
    private final ObjectNode json = JSON.createObjectNode();

    OpBuilder(String name) {
      json.put("op", name);
    }

    OpBuilder put(String key, String value) {
      json.put(key, value);
      return this;
    }

    OpBuilder put(String key, long value) {
      json.put(key, value);
      return this;
    }

    Op build() {
      return new Op(json, null, null);
    }
  }
}
