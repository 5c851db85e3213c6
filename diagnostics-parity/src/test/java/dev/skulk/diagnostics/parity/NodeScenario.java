package dev.skulk.diagnostics.parity;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.spi.HostFactsBuilder;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnosticsBuilder;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.state.InstanceView;
import dev.skulk.diagnostics.state.ShardAssignment;
import dev.skulk.diagnostics.state.TaskView;
import dev.skulk.diagnostics.testkit.DiagnosticsGenerators;
import dev.skulk.diagnostics.testkit.InMemoryClusterState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One generated node scenario: cluster state (instances, runner statuses, tasks, gathered
 * readings), live runner supervisors and the live wired / memory readings, built both as the case
 * {@code oracle_node.py} turns into upstream's inputs and as this SDK's {@link
 * InMemoryClusterState} and supervisor list. Mutable while a test builds it; not thread-safe.
 */
final class NodeScenario {

  /** Upstream's task classes (all of {@code skulk.shared.types.tasks.Task}). */
  static final List<String> TASK_KINDS = List.of("CreateRunner", "DownloadModel", "ConnectToGroup", "LoadModel",
      "StartWarmup", "TextGeneration", "CancelTask", "ImageGeneration", "ImageEdits", "TextEmbedding", "Shutdown");
  static final List<String> TASK_STATUSES = List.of("Pending", "Running", "Complete", "TimedOut", "Failed", "Cancelled");
  static final List<String> RUNNER_STATUSES = List.of("RunnerIdle", "RunnerConnecting", "RunnerConnected",
      "RunnerLoading", "RunnerLoaded", "RunnerWarmingUp", "RunnerReady", "RunnerRunning", "RunnerShuttingDown",
      "RunnerShutdown", "RunnerFailed");
  private static final Set<String> COMMAND_KINDS = Set.of("TextGeneration", "ImageGeneration", "ImageEdits", "TextEmbedding");
  private static final Set<String> MODEL_KINDS = Set.of("TextGeneration", "ImageGeneration", "ImageEdits", "TextEmbedding",
      "DownloadModel", "CreateRunner");
  static final long GIB = 1024L * 1024 * 1024;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DiagnosticsJson WIRE = DiagnosticsJson.strict();

  String nodeId = "local-node";
  @Nullable String master;
  boolean tracing;
  final List<InstanceView> instances = new ArrayList<>();
  final Map<String, String> runnerStatuses = new LinkedHashMap<>();
  final List<TaskView> tasks = new ArrayList<>();
  final Map<String, NodeIdentity> identities = new LinkedHashMap<>();
  final Map<String, MemoryUsage> memory = new LinkedHashMap<>();
  final Map<String, DiskUsage> disk = new LinkedHashMap<>();
  final Map<String, SystemPerformanceProfile> system = new LinkedHashMap<>();
  final Map<String, NodeNetworkInfo> network = new LinkedHashMap<>();
  // what _runtime_diagnostics reads from the host: here injected, upstream patched in
  String hostname = "host";
  String cwd = "/";
  String configPath = "config.yaml";
  boolean configExists;
  String skulkVersion = "1.3.0";
  final Map<String, String> env = new LinkedHashMap<>();
  /** Null: no Skulk config; else whether logging is enabled. */
  @Nullable Boolean loggingEnabled;
  @Nullable String ingestUrl;
  final List<RunnerSupervisorDiagnostics> supervisors = new ArrayList<>();
  /** The live wired reading: a {@link Memory}, null, or {@link #FAIL}. */
  @Nullable Object currentWired;
  /** The live memory reading: a {@link MemoryUsage}, null, or {@link #FAIL}. */
  @Nullable Object currentMemory;

  /** Marks a live reading that fails (raises upstream, throws here). */
  static final Object FAIL = new Object() {
    @Override
    public String toString() {
      return "fail";
    }
  };

  /** The state as this SDK's host would give it. */
  InMemoryClusterState state() {
    InMemoryClusterState.Builder builder = InMemoryClusterState.builder(nodeId).master(master).tracing(tracing);
    instances.forEach(builder::addInstance);
    runnerStatuses.forEach(builder::runnerStatus);
    tasks.forEach(builder::addTask);
    identities.forEach(builder::identity);
    memory.forEach(builder::memory);
    disk.forEach(builder::disk);
    system.forEach(builder::system);
    network.forEach(builder::network);
    return builder.build();
  }

  /** The case for {@code oracle_node.py}, as a JSON object. */
  Map<String, Object> caseObject() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("nodeId", nodeId);
    c.put("master", master);
    c.put("tracing", tracing);
    List<Object> instanceList = new ArrayList<>();
    for (InstanceView instance : instances) {
      List<Object> assignments = new ArrayList<>();
      for (ShardAssignment a : instance.assignments()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runnerId", a.runnerId());
        m.put("nodeId", a.nodeId());
        m.put("deviceRank", a.deviceRank());
        m.put("worldSize", a.worldSize());
        m.put("startLayer", a.startLayer());
        m.put("endLayer", a.endLayer());
        m.put("nLayers", a.nLayers());
        assignments.add(m);
      }
      instanceList.add(Map.of("instanceId", instance.instanceId(), "modelId", instance.modelId(),
          "assignments", assignments));
    }
    c.put("instances", instanceList);
    c.put("runnerStatuses", runnerStatuses);
    List<Object> taskList = new ArrayList<>();
    for (TaskView task : tasks) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("taskId", task.taskId());
      m.put("taskKind", task.taskKind());
      m.put("taskStatus", task.taskStatus());
      m.put("instanceId", task.instanceId());
      m.put("commandId", task.commandId());
      m.put("modelId", task.modelId());
      taskList.add(m);
    }
    c.put("tasks", taskList);
    c.put("identities", wireMap(identities));
    c.put("memory", wireMap(memory));
    c.put("disk", wireMap(disk));
    c.put("system", wireMap(system));
    c.put("network", wireMap(network));
    c.put("hostname", hostname);
    c.put("cwd", cwd);
    c.put("configPath", configPath);
    c.put("configExists", configExists);
    c.put("skulkVersion", skulkVersion);
    c.put("env", env);
    if (loggingEnabled == null) {
      c.put("logging", null);
    } else {
      Map<String, Object> logging = new LinkedHashMap<>();
      logging.put("enabled", loggingEnabled);
      logging.put("ingestUrl", ingestUrl);
      c.put("logging", logging);
    }
    List<Object> supervisorList = new ArrayList<>();
    supervisors.forEach(s -> supervisorList.add(wire(s)));
    c.put("supervisors", supervisorList);
    c.put("currentWired", live(currentWired));
    c.put("currentMemory", live(currentMemory));
    return c;
  }

  String caseJson() {
    return JSON.writeValueAsString(caseObject());
  }

  static JsonNode wire(Object value) {
    return JSON.readTree(WIRE.write(value));
  }

  private static Map<String, Object> wireMap(Map<String, ?> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, wire(v)));
    return out;
  }

  private static @Nullable Object live(@Nullable Object value) {
    if (value == FAIL) {
      return "fail";
    }
    return value == null ? null : wire(value);
  }

  @Override
  public String toString() {
    return caseJson();
  }

  // ---- generation ------------------------------------------------------------------------------

  /** Ids of 1 to 20 code points, from ASCII, Latin, emoji and the supplementary planes. */
  static String id(SplittableRandom random) {
    int[][] alphabets = {{'a', 'z'}, {'0', '9'}, {0xE0, 0x24F}, {0x1F600, 0x1F64F}, {0x20000, 0x2A6DF}};
    int[] alphabet = alphabets[random.nextInt(10) < 6 ? random.nextInt(2) : random.nextInt(alphabets.length)];
    int length = 1 + random.nextInt(20);
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < length; i++) {
      id.appendCodePoint(alphabet[0] + random.nextInt(alphabet[1] - alphabet[0] + 1));
    }
    return id.toString();
  }

  private static <T> T pick(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A random scenario: every field drawn so that the warning rules' branches are all reached. */
  static NodeScenario generate(SplittableRandom random) {
    NodeScenario s = new NodeScenario();
    s.nodeId = random.nextInt(4) == 0 ? id(random) : "local-node";
    List<String> nodes = new ArrayList<>(List.of(s.nodeId));
    int peers = random.nextInt(5);
    for (int i = 0; i < peers; i++) {
      nodes.add(random.nextBoolean() ? "peer-" + i : id(random));
    }
    nodes = new ArrayList<>(new LinkedHashSet<>(nodes));
    int masterRoll = random.nextInt(4);
    s.master = masterRoll == 0 ? null : masterRoll == 1 ? s.nodeId : masterRoll == 2 ? pick(random, nodes) : "outside-" + id(random);
    s.tracing = random.nextBoolean();

    List<String> runnerIds = new ArrayList<>();
    List<String> instanceIds = new ArrayList<>();
    int instanceCount = random.nextInt(4);
    for (int i = 0; i < instanceCount; i++) {
      String instanceId = random.nextBoolean() ? "instance-" + i : id(random);
      if (instanceIds.contains(instanceId)) {
        continue;
      }
      instanceIds.add(instanceId);
      List<String> placementNodes = new ArrayList<>(nodes);
      java.util.Collections.shuffle(placementNodes, new java.util.Random(random.nextLong()));
      int size = 1 + random.nextInt(placementNodes.size());
      List<ShardAssignment> assignments = new ArrayList<>();
      int worldSize = size;
      for (int n = 0; n < size; n++) {
        String runnerId = random.nextInt(5) == 0 ? id(random) : "runner-" + i + "-" + n;
        if (runnerIds.contains(runnerId)) {
          continue;
        }
        runnerIds.add(runnerId);
        int rank = random.nextInt(4) == 0 ? random.nextInt(3) : n; // sometimes equal ranks: stable order
        assignments.add(new ShardAssignment(runnerId, placementNodes.get(n), rank, worldSize, n * 10, n * 10 + 10,
            worldSize * 10));
      }
      s.instances.add(new InstanceView(instanceId, random.nextBoolean() ? "mlx-community/model-" + i : id(random),
          assignments));
    }
    for (String runnerId : runnerIds) {
      if (random.nextInt(3) != 0) {
        s.runnerStatuses.put(runnerId, random.nextInt(3) == 0 ? "RunnerWarmingUp" : pick(random, RUNNER_STATUSES));
      }
    }
    if (random.nextInt(4) == 0) {
      s.runnerStatuses.put("unplaced-" + id(random), pick(random, RUNNER_STATUSES));
    }

    List<String> taskInstanceIds = new ArrayList<>(instanceIds);
    taskInstanceIds.add("unplaced-instance"); // tasks of an instance without a placement
    int taskCount = random.nextInt(7);
    Set<String> taskIds = new LinkedHashSet<>();
    for (int i = 0; i < taskCount; i++) {
      String taskId = random.nextBoolean() ? "task-" + i : id(random);
      if (!taskIds.add(taskId)) {
        continue;
      }
      String kind = pick(random, TASK_KINDS);
      String instanceId = pick(random, taskInstanceIds);
      s.tasks.add(new TaskView(taskId, kind, pick(random, TASK_STATUSES), instanceId,
          COMMAND_KINDS.contains(kind) ? "command-" + id(random) : null,
          MODEL_KINDS.contains(kind) ? "model-" + id(random) : null));
    }

    for (String node : nodes) {
      if (random.nextInt(3) == 0) {
        String friendly = switch (random.nextInt(4)) {
          case 0 -> "Unknown";
          case 1 -> "";
          default -> id(random);
        };
        NodeIdentity generated = DiagnosticsGenerators.nodeIdentity(random);
        s.identities.put(node, new NodeIdentity(generated.modelId(), generated.chipId(), friendly,
            generated.osVersion(), generated.osBuildVersion(), generated.skulkVersion(), generated.skulkCommit()));
      }
    }

    int supervisorCount = random.nextInt(4);
    List<String> candidateTaskIds = new ArrayList<>(taskIds);
    for (int i = 0; i < supervisorCount; i++) {
      RunnerSupervisorDiagnostics base = DiagnosticsGenerators.runnerSupervisorDiagnostics(random);
      String runnerId = !runnerIds.isEmpty() && random.nextInt(4) != 0 ? pick(random, runnerIds) : id(random);
      String instanceId = !instanceIds.isEmpty() && random.nextInt(4) != 0 ? pick(random, instanceIds)
          : random.nextBoolean() ? "unplaced-instance" : id(random);
      List<RunnerTaskDiagnostics> inProgress = new ArrayList<>();
      int inProgressCount = random.nextInt(4);
      for (int t = 0; t < inProgressCount; t++) {
        String taskId = !candidateTaskIds.isEmpty() && random.nextInt(3) != 0 ? pick(random, candidateTaskIds) : id(random);
        RunnerTaskDiagnostics task = DiagnosticsGenerators.runnerTaskDiagnostics(random);
        inProgress.add(new RunnerTaskDiagnostics(taskId, random.nextBoolean() ? pick(random, TASK_KINDS) : task.taskKind(),
            task.taskStatus(), task.instanceId(), task.commandId(), task.runnerId(), task.modelId()));
      }
      s.supervisors.add(new RunnerSupervisorDiagnosticsBuilder().from(base)
          .runnerId(runnerId)
          .instanceId(instanceId)
          .inProgressTasks(inProgress)
          .build());
    }

    long[] wired = {5 * GIB - 1, 5 * GIB, 5 * GIB + 1, 5 * GIB + GIB / 20, 0, 64 * GIB + 12345};
    s.currentWired = switch (random.nextInt(4)) {
      case 0 -> null;
      case 1 -> new Memory(random.nextLong(0, 96 * GIB));
      default -> new Memory(wired[random.nextInt(wired.length)]);
    };
    return s;
  }

  /** The host facts a host would pass for this scenario's config and logging. */
  HostFacts hostFacts() {
    return new HostFactsBuilder()
        .configPath(configPath)
        .skulkVersion(skulkVersion)
        .structuredLoggingConfigured(loggingEnabled != null && loggingEnabled)
        .loggingIngestUrl(loggingEnabled == null ? null : ingestUrl)
        .build();
  }

  /**
   * Adds what the runtime and resources sections read: gathered readings for this node and
   * others, live memory and wired readings (a value, none, or a failure), the local identity, the
   * environment and the logging config.
   */
  NodeScenario withRuntime(SplittableRandom random) {
    List<String> nodes = new ArrayList<>(List.of(nodeId, "peer-a"));
    for (String node : nodes) {
      if (random.nextBoolean()) {
        memory.put(node, DiagnosticsGenerators.memoryUsage(random));
      }
      if (random.nextBoolean()) {
        disk.put(node, DiagnosticsGenerators.diskUsage(random));
      }
      if (random.nextBoolean()) {
        system.put(node, DiagnosticsGenerators.systemPerformanceProfile(random));
      }
      if (random.nextBoolean()) {
        network.put(node, DiagnosticsGenerators.nodeNetworkInfo(random));
      }
    }
    if (random.nextInt(3) != 0) {
      NodeIdentity generated = DiagnosticsGenerators.nodeIdentity(random);
      String friendly = switch (random.nextInt(4)) {
        case 0 -> "Unknown";
        case 1 -> "";
        default -> id(random);
      };
      String commit = random.nextInt(3) == 0 ? "Unknown" : id(random);
      identities.put(nodeId, new NodeIdentity(generated.modelId(), generated.chipId(), friendly,
          generated.osVersion(), generated.osBuildVersion(), generated.skulkVersion(), commit));
    }
    currentWired = switch (random.nextInt(3)) {
      case 0 -> null;
      case 1 -> FAIL;
      default -> DiagnosticsGenerators.memory(random);
    };
    currentMemory = switch (random.nextInt(3)) {
      case 0 -> null;
      case 1 -> FAIL;
      default -> DiagnosticsGenerators.memoryUsage(random);
    };
    hostname = random.nextBoolean() ? "kite-" + random.nextInt(100) : id(random);
    cwd = random.nextBoolean() ? "/opt/skulk" : "/home/" + id(random);
    configPath = pick(random, List.of("config.yaml", "/etc/skulk/config.yaml", "conf/" + id(random) + ".yaml"));
    configExists = random.nextBoolean();
    skulkVersion = pick(random, List.of("1.3.0", "0.1.0-SNAPSHOT", id(random)));
    env.clear();
    if (random.nextBoolean()) {
      env.put("SKULK_LIBP2P_NAMESPACE", random.nextBoolean() ? "skulk-prod" : id(random));
    }
    if (random.nextInt(3) != 0) {
      env.put("PYTHONUNBUFFERED", pick(random, List.of("1", "true", "True", "TRUE", "0", "yes", "", " 1")));
    }
    loggingEnabled = random.nextInt(3) == 0 ? null : random.nextBoolean();
    ingestUrl = pick(random, java.util.Arrays.asList(null, "", " ", "http://vector.local:9000/ingest",
        "https://logs.example/v1/" + id(random)));
    return this;
  }
}
