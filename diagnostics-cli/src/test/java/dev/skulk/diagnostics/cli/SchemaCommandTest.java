package dev.skulk.diagnostics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code skulk-diag schema}: its structure checked against the spec (the field lists of its
 * example, the required markers of its text, read by hand). That documents validate against it is
 * {@link SchemaValidationIT}'s job, with an independent validator.
 */
class SchemaCommandTest {

  private static JsonNode schema(String type) {
    CliRun run = CliRun.of("schema", type);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JsonMapper.shared().readTree(run.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"node", "cluster", "timeline", "capture", "NODE"})
  void everyObjectIsClosedAndEveryTypeIsDraft202012(String type) {
    JsonNode schema = schema(type);

    assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    List<String> open = new ArrayList<>();
    schema.get("$defs").properties().forEach(def -> {
      if ("object".equals(def.getValue().path("type").asString())
          && !def.getValue().path("additionalProperties").isBoolean()) {
        open.add(def.getKey());
      }
    });
    assertThat(open).isEmpty();
  }

  @Test
  void theDefaultTypeIsNode() {
    assertThat(schema("node").get("title").asString()).isEqualTo("NodeDiagnostics");
    assertThat(JsonMapper.shared().readTree(CliRun.of("schema").out()).get("title").asString())
        .isEqualTo("NodeDiagnostics");
  }

  @Test
  void propertiesAreExactlyTheFieldsOfTheSpecExampleInItsOrder() throws IOException {
    // The spec's example lists every field of every object once, in the spec's order.
    JsonNode example;
    try (var in = SchemaCommandTest.class.getResourceAsStream("spec-example-cluster.json")) {
      example = JsonMapper.shared().readTree(in);
    }
    JsonNode schema = schema("cluster");
    List<String> mismatches = new ArrayList<>();
    compare(schema, schema.get("$ref"), example, "$", mismatches);
    assertThat(mismatches).isEmpty();
  }

  private static void compare(JsonNode schema, JsonNode ref, JsonNode value, String path, List<String> mismatches) {
    JsonNode def = resolve(schema, ref);
    if (value.isObject() && def.has("properties")) {
      List<String> expected = new ArrayList<>(value.propertyNames());
      List<String> actual = new ArrayList<>(def.get("properties").propertyNames());
      if (!expected.equals(actual)) {
        mismatches.add(path + ": spec " + expected + " schema " + actual);
        return;
      }
      for (String name : expected) {
        compare(schema, def.get("properties").get(name), value.get(name), path + "." + name, mismatches);
      }
    } else if (value.isArray() && !value.isEmpty() && def.has("items")) {
      compare(schema, def.get("items"), value.get(0), path + "[0]", mismatches);
    }
  }

  /** A property's schema with its {@code anyOf [X, null]} and {@code $ref} taken away. */
  private static JsonNode resolve(JsonNode schema, JsonNode node) {
    if (node.isString()) {
      return resolve(schema, schema.get("$defs").get(node.asString().substring("#/$defs/".length())));
    }
    if (node.has("anyOf") && node.get("anyOf").size() == 2 && "null".equals(node.get("anyOf").get(1).path("type").asString())) {
      return resolve(schema, node.get("anyOf").get(0));
    }
    if (node.has("$ref")) {
      return resolve(schema, node.get("$ref"));
    }
    return node;
  }

  @Test
  void requiredListsAreTheSpecsRequiredMarkers() {
    // Read off the spec text by hand: the fields marked "required" under each object.
    JsonNode defs = schema("cluster").get("$defs");
    assertThat(names(defs, "ClusterDiagnostics")).containsExactly("generatedAt", "localNodeId");
    assertThat(names(defs, "ClusterNodeDiagnostics")).containsExactly("nodeId", "ok");
    assertThat(names(defs, "NodeDiagnostics")).containsExactly("generatedAt", "runtime", "resources");
    assertThat(names(defs, "NodeRuntimeDiagnostics")).containsExactly("nodeId", "hostname", "isMaster", "cwd",
        "configPath", "configFileExists", "skulkVersion", "skulkCommit", "pythonUnbuffered", "tracingEnabled",
        "structuredLoggingConfigured");
    assertThat(names(defs, "NodeIdentity")).isEmpty();
    assertThat(names(defs, "MemoryUsage")).containsExactly("ramTotal", "ramAvailable", "swapTotal", "swapAvailable");
    assertThat(names(defs, "Memory")).isEmpty();
    assertThat(names(defs, "DiskUsage")).containsExactly("total", "available");
    assertThat(names(defs, "NetworkInterfaceInfo")).containsExactly("name", "ipAddress");
    assertThat(names(defs, "DiagnosticsProcess")).containsExactly("pid", "role", "command");
    assertThat(names(defs, "RunnerSupervisorDiagnostics")).containsExactly("runnerId", "instanceId", "nodeId",
        "modelId", "deviceRank", "worldSize", "startLayer", "endLayer", "nLayers", "processAlive", "statusKind",
        "statusSince", "secondsInStatus", "phase", "phaseStartedAt", "secondsInPhase", "completedTaskCount");
    assertThat(names(defs, "MlxMemorySnapshot")).containsExactly("generatedAt", "source");
    assertThat(names(defs, "RunnerFlightRecorderEntry")).containsExactly("at", "phase", "event", "context");
    assertThat(names(defs, "RunnerDiagnosticContext")).containsExactly("nodeId", "runnerId", "instanceId", "modelId",
        "rank", "worldSize", "startLayer", "endLayer", "nLayers");
    assertThat(names(defs, "RunnerTaskDiagnostics")).containsExactly("taskId", "taskKind", "taskStatus", "instanceId");
    assertThat(names(defs, "RunnerLifecycleMilestone")).containsExactly("at", "name");
    assertThat(names(defs, "InstancePlacementDiagnostics")).containsExactly("instanceId", "modelId",
        "masterIsPlacementNode", "localNodeIsPlacementNode");
    assertThat(names(defs, "PlacementRunnerDiagnostics")).containsExactly("runnerId", "nodeId", "deviceRank",
        "worldSize", "startLayer", "endLayer", "nLayers", "isLocal", "isMaster");
  }

  @Test
  void enumsNullsAndIntegersAreAsTheSpecSays() {
    JsonNode defs = schema("node").get("$defs");
    JsonNode supervisor = defs.get("RunnerSupervisorDiagnostics").get("properties");
    Set<String> phases = new TreeSet<>();
    supervisor.get("phase").get("enum").forEach(v -> phases.add(v.asString()));
    assertThat(phases).containsExactlyInAnyOrder("created", "idle", "connect_group", "load_model", "warmup",
        "task_submission", "task_agreement", "prompt_build", "vision_preprocess", "kv_cache_lookup",
        "prefill_barrier", "prefill_pipeline", "prefill_stream", "decode_barrier", "decode_wait_first_token",
        "decode_stream", "parser", "cancel_requested", "cancel_observed", "completion", "error", "shutdown_cleanup");
    assertThat(supervisor.get("deviceRank").get("type").asString()).isEqualTo("integer");
    assertThat(supervisor.get("secondsInPhase").get("type").asString()).isEqualTo("number");
    assertThat(supervisor.get("pid").get("anyOf").get(0).get("type").asString()).isEqualTo("integer");
    assertThat(supervisor.get("pid").get("anyOf").get(1).get("type").asString()).isEqualTo("null");
    // Lists default to empty but are never null; a Python peer refuses null there.
    assertThat(supervisor.get("flightRecorder").get("type").asString()).isEqualTo("array");
    assertThat(defs.get("NodeRuntimeDiagnostics").get("properties").has("libp2PNamespace")).isTrue();
    assertThat(defs.get("DiagnosticsProcess").get("properties").get("role").get("enum").toString())
        .isEqualTo("[\"skulk\",\"runner\",\"vector\",\"python\",\"other\"]");
    assertThat(defs.get("AcceleratorMetrics").get("properties").get("vendor").get("enum").toString())
        .isEqualTo("[\"apple\",\"amd\",\"nvidia\",\"intel\",\"cpu\",\"unknown\"]");
    assertThat(defs.get("NetworkInterfaceInfo").get("properties").get("interfaceType").get("enum").toString())
        .isEqualTo("[\"wifi\",\"ethernet\",\"maybe_ethernet\",\"thunderbolt\",\"unknown\"]");
  }

  private static List<String> names(JsonNode defs, String def) {
    List<String> names = new ArrayList<>();
    defs.get(def).get("required").forEach(n -> names.add(n.asString()));
    return names;
  }
}
