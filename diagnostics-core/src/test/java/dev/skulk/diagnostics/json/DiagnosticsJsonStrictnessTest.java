package dev.skulk.diagnostics.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a Python peer validating with {@code extra="forbid", strict=True} refuses, STRICT refuses
 * too, with the JSON path and a readable reason; LENIENT refuses the same except unknown fields.
 */
class DiagnosticsJsonStrictnessTest {

  private static final DiagnosticsJson STRICT = DiagnosticsJson.strict();
  private static final DiagnosticsJson LENIENT = DiagnosticsJson.lenient();
  private static final String NODE = Fixtures.text("node-mid-decode.json");
  private static final String CLUSTER = Fixtures.text("cluster-with-failed-peer.json");
  private static final String PHASES = "[created, idle, connect_group, load_model, warmup, task_submission, "
      + "task_agreement, prompt_build, vision_preprocess, kv_cache_lookup, prefill_barrier, prefill_pipeline, "
      + "prefill_stream, decode_barrier, decode_wait_first_token, decode_stream, parser, cancel_requested, "
      + "cancel_observed, completion, error, shutdown_cleanup]";
  private static final String ATTRS = "/supervisorRunners/0/flightRecorder/2/attrs";

  /** One rejection rule: the bundle edited to break it, and what STRICT must say. */
  record Case(String rule, Class<?> type, String json, String path, String reason, boolean lenientAccepts) {
    @Override
    public String toString() {
      return rule;
    }
  }

  static Stream<Case> rejections() {
    return Stream.of(
        new Case("unknown field", NodeDiagnostics.class, Fixtures.with(NODE, "/extra", "1"),
            "$.extra", "unknown field 'extra'", true),
        new Case("unknown field, nested", ClusterDiagnostics.class,
            Fixtures.with(CLUSTER, "/nodes/0/diagnostics/supervisorRunners/0/flightRecorder/2/context/gpu", "\"m2\""),
            "$.nodes[0].diagnostics.supervisorRunners[0].flightRecorder[2].context.gpu", "unknown field 'gpu'", true),
        new Case("missing required field", ClusterDiagnostics.class,
            Fixtures.without(CLUSTER, "/nodes/0/diagnostics/runtime/nodeId"),
            "$.nodes[0].diagnostics.runtime.nodeId", "missing required field 'nodeId'", false),
        new Case("missing required object", NodeDiagnostics.class, Fixtures.without(NODE, "/runtime"),
            "$.runtime", "missing required field 'runtime'", false),
        new Case("string for an integer", NodeDiagnostics.class,
            Fixtures.with(NODE, "/supervisorRunners/0/deviceRank", "\"12\""),
            "$.supervisorRunners[0].deviceRank", "expected an integer, got a string", false),
        new Case("integer for a string", NodeDiagnostics.class, Fixtures.with(NODE, "/runtime/hostname", "12"),
            "$.runtime.hostname", "expected a string, got a number", false),
        new Case("1 for a boolean", NodeDiagnostics.class, Fixtures.with(NODE, "/runtime/isMaster", "1"),
            "$.runtime.isMaster", "expected a boolean, got a number", false),
        new Case("\"true\" for a boolean", NodeDiagnostics.class,
            Fixtures.with(NODE, "/runtime/isMaster", "\"true\""),
            "$.runtime.isMaster", "expected a boolean, got a string", false),
        new Case("boolean for a float", NodeDiagnostics.class,
            Fixtures.with(NODE, "/resources/system/gpuUsage", "true"),
            "$.resources.system.gpuUsage", "expected a number, got a boolean", false),
        new Case("string for a float", NodeDiagnostics.class,
            Fixtures.with(NODE, "/resources/system/gpuUsage", "\"97.5\""),
            "$.resources.system.gpuUsage", "expected a number, got a string", false),
        new Case("object for a string", NodeDiagnostics.class, Fixtures.with(NODE, "/runtime/cwd", "{}"),
            "$.runtime.cwd", "expected a string, got an object", false),
        new Case("array for an object", NodeDiagnostics.class, Fixtures.with(NODE, "/resources", "[]"),
            "$.resources", "expected an object, got an array", false),
        new Case("string for an array", NodeDiagnostics.class, Fixtures.with(NODE, "/warnings", "\"x\""),
            "$.warnings", "expected an array, got a string", false),
        new Case("number for an object", NodeDiagnostics.class, Fixtures.with(NODE, "/resources/currentWired", "5"),
            "$.resources.currentWired", "expected an object, got a number", false),
        new Case("1.0 for an integer", NodeDiagnostics.class,
            Fixtures.with(NODE, "/supervisorRunners/0/completedTaskCount", "17.0"),
            "$.supervisorRunners[0].completedTaskCount", "expected an integer, got 17.0", false),
        new Case("1.0 for a long", NodeDiagnostics.class,
            Fixtures.with(NODE, "/resources/currentWired/inBytes", "1.0"),
            "$.resources.currentWired.inBytes", "expected an integer, got 1.0", false),
        new Case("integer out of range", NodeDiagnostics.class,
            Fixtures.with(NODE, "/supervisorRunners/0/deviceRank", "3000000000"),
            "$.supervisorRunners[0].deviceRank", "integer 3000000000 is out of range for a 32-bit integer", false),
        new Case("unknown enum value", NodeDiagnostics.class,
            Fixtures.with(NODE, "/supervisorRunners/0/phase", "\"bogus\""),
            "$.supervisorRunners[0].phase", "unknown value 'bogus' for RunnerPhase; expected one of " + PHASES, false),
        new Case("number for an enum", NodeDiagnostics.class, Fixtures.with(NODE, "/processes/0/role", "0"),
            "$.processes[0].role", "expected a string, got a number", false),
        new Case("null for a required field", ClusterDiagnostics.class,
            Fixtures.with(CLUSTER, "/nodes/0/diagnostics/runtime/nodeId", "null"),
            "$.nodes[0].diagnostics.runtime.nodeId", "expected a string, got null", false),
        new Case("null for a required primitive", NodeDiagnostics.class,
            Fixtures.with(NODE, "/supervisorRunners/0/nLayers", "null"),
            "$.supervisorRunners[0].nLayers", "expected an integer, got null", false),
        new Case("null for a defaulted string", NodeDiagnostics.class,
            Fixtures.with(NODE, "/identity/modelId", "null"),
            "$.identity.modelId", "expected a string, got null", false),
        new Case("null for a defaulted enum", NodeDiagnostics.class,
            Fixtures.with(NODE, "/resources/network/interfaces/1/interfaceType", "null"),
            "$.resources.network.interfaces[1].interfaceType", "expected a string, got null", false),
        new Case("null for a defaulted boolean", NodeDiagnostics.class,
            Fixtures.with(NODE, "/processes/2/isChildOfSkulk", "null"),
            "$.processes[2].isChildOfSkulk", "expected a boolean, got null", false),
        new Case("null for a defaulted float", NodeDiagnostics.class,
            Fixtures.with(NODE, "/resources/system/temp", "null"),
            "$.resources.system.temp", "expected a number, got null", false),
        new Case("null for a defaulted list", NodeDiagnostics.class, Fixtures.with(NODE, "/placements", "null"),
            "$.placements", "expected an array, got null", false),
        new Case("null in a list of strings", NodeDiagnostics.class,
            Fixtures.with(NODE, "/warnings", "[\"ok\", null]"),
            "$.warnings[1]", "expected a string, got null", false),
        new Case("number in a list of strings", NodeDiagnostics.class,
            Fixtures.with(NODE, "/placements/0/placementNodeIds", "[\"a\", 7]"),
            "$.placements[0].placementNodeIds[1]", "expected a string, got a number", false),
        new Case("null attr value", NodeDiagnostics.class, Fixtures.with(NODE, ATTRS + "/note", "null"),
            "$.supervisorRunners[0].flightRecorder[2].attrs.note",
            "expected a string, integer, float, boolean or list of strings, got null", false),
        new Case("object attr value", NodeDiagnostics.class, Fixtures.with(NODE, ATTRS + "/note", "{\"a\":1}"),
            "$.supervisorRunners[0].flightRecorder[2].attrs.note",
            "expected a string, integer, float, boolean or list of strings, got an object", false),
        new Case("attr list holding a non-string", NodeDiagnostics.class,
            Fixtures.with(NODE, ATTRS + "/stops", "[\"</s>\", 2]"),
            "$.supervisorRunners[0].flightRecorder[2].attrs.stops[1]", "expected a string, got a number", false),
        new Case("attr list holding null", NodeDiagnostics.class,
            Fixtures.with(NODE, ATTRS + "/stops", "[null]"),
            "$.supervisorRunners[0].flightRecorder[2].attrs.stops[0]", "expected a string, got null", false));
  }

  @ParameterizedTest(name = "STRICT refuses {0}")
  @MethodSource("rejections")
  void strictRefusesWithPathAndReason(Case rejection) {
    DiagnosticsFormatException e = catchThrowableOfType(DiagnosticsFormatException.class,
        () -> STRICT.read(rejection.json(), rejection.type()));

    assertThat(e).as("refused").isNotNull();
    assertThat(e.path()).isEqualTo(rejection.path());
    assertThat(e.reason()).isEqualTo(rejection.reason());
    assertThat(e.getMessage()).isEqualTo(rejection.path() + ": " + rejection.reason());
  }

  @ParameterizedTest(name = "LENIENT on {0}")
  @MethodSource("rejections")
  void lenientRefusesTheSameExceptUnknownFields(Case rejection) {
    if (rejection.lenientAccepts()) {
      Object value = LENIENT.read(rejection.json(), rejection.type());
      String original = rejection.type() == NodeDiagnostics.class ? NODE : CLUSTER;
      assertThat(LENIENT.write(value)).as("unknown field dropped").isEqualTo(original);
    } else {
      assertThatThrownBy(() -> LENIENT.read(rejection.json(), rejection.type()))
          .isInstanceOfSatisfying(DiagnosticsFormatException.class, e -> {
            assertThat(e.path()).isEqualTo(rejection.path());
            assertThat(e.reason()).isEqualTo(rejection.reason());
          });
    }
  }

  @Test
  void integerForAFloatIsAccepted() {
    NodeDiagnostics node = STRICT.read(Fixtures.with(NODE, "/resources/system/gpuUsage", "97"), NodeDiagnostics.class);

    assertThat(node.resources().system().gpuUsage()).isEqualTo(97.0);
  }

  @Test
  void snakeCaseFieldNamesAreReadInStrictMode() {
    String snake = Fixtures.TREES.writeValueAsString(snakeCased(Fixtures.tree(NODE)));
    assertThat(snake).contains("\"node_id\"", "\"n_layers\"", "\"libp2p_namespace\"", "\"in_bytes\"",
        "\"is_child_of_skulk\"", "\"last_mlx_memory\"", "\"tokensPerSecond\"");

    NodeDiagnostics node = STRICT.read(snake, NodeDiagnostics.class);

    assertThat(node).isEqualTo(STRICT.read(NODE, NodeDiagnostics.class));
    assertThat(STRICT.write(node)).isEqualTo(NODE);
  }

  @Test
  void javaCasedLibp2pNamespaceIsUnknownInStrictMode() {
    String json = Fixtures.renamed(NODE, "/runtime/libp2PNamespace", "libp2pNamespace");

    assertThatThrownBy(() -> STRICT.read(json, NodeDiagnostics.class))
        .isInstanceOfSatisfying(DiagnosticsFormatException.class, e -> {
          assertThat(e.path()).isEqualTo("$.runtime.libp2pNamespace");
          assertThat(e.reason()).isEqualTo("unknown field 'libp2pNamespace'");
        });
  }

  @Test
  void javaCasedLibp2pNamespaceIsReadInLenientModeAndWrittenBackAsTheWireName() {
    String json = Fixtures.renamed(NODE, "/runtime/libp2PNamespace", "libp2pNamespace");

    NodeDiagnostics node = LENIENT.read(json, NodeDiagnostics.class);

    assertThat(node.runtime().libp2pNamespace()).isEqualTo("skulk-lab");
    assertThat(LENIENT.write(node)).isEqualTo(NODE).contains("\"libp2PNamespace\":\"skulk-lab\"");
  }

  @Test
  void malformedJsonNamesWhereTheParserStopped() {
    String truncated = NODE.substring(0, NODE.indexOf("\"hostname\"") + 12);

    DiagnosticsFormatException e = catchThrowableOfType(DiagnosticsFormatException.class,
        () -> STRICT.read(truncated, NodeDiagnostics.class));

    assertThat(e.path()).isEqualTo("$.runtime.hostname");
    assertThat(e.reason()).startsWith("malformed JSON at line 1, column ").contains("end-of-input")
        .doesNotContain("\n", "[Source");
  }

  @Test
  void rootProblemsAreReportedAtTheRoot() {
    assertRootRefusal("", "no JSON value: the input is empty");
    assertRootRefusal("   ", "no JSON value: the input is empty");
    assertRootRefusal("null", "expected an object, got null");
    assertRootRefusal("[]", "expected an object, got an array");
    assertRootRefusal("\"inBytes\"", "expected an object, got a string");
    assertRootRefusal("{\"inBytes\":1} {}", "unexpected content after the JSON value: an object");
    assertThat(catchThrowableOfType(DiagnosticsFormatException.class,
        () -> STRICT.read("{\"inBytes\":1} x", Memory.class)).reason()).startsWith("malformed JSON");
    assertThat(catchThrowableOfType(DiagnosticsFormatException.class,
        () -> STRICT.read("{\"inBytes\":1", Memory.class)).getMessage())
        .isEqualTo("$.inBytes: malformed JSON at line 1, column 13: "
            + "Unexpected end-of-input: expected close marker for Object");
  }

  @Test
  void anUnreadableStreamIsAFormatExceptionToo() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        throw new IOException("connection reset");
      }
    };

    assertThatThrownBy(() -> STRICT.read(failing, NodeDiagnostics.class))
        .isInstanceOfSatisfying(DiagnosticsFormatException.class, e -> {
          assertThat(e.path()).isEqualTo("$");
          assertThat(e.reason()).isEqualTo("I/O error: java.io.IOException: connection reset");
          assertThat(e).hasRootCauseInstanceOf(IOException.class);
        });
  }

  private static void assertRootRefusal(String json, String reason) {
    assertThatThrownBy(() -> STRICT.read(json, Memory.class))
        .as(json)
        .isInstanceOfSatisfying(DiagnosticsFormatException.class, e -> {
          assertThat(e.path()).isEqualTo("$");
          assertThat(e.reason()).isEqualTo(reason);
        });
  }

  /** Every field name snake_cased, as a Python peer's field names, except the keys of attrs maps. */
  private static JsonNode snakeCased(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = Fixtures.TREES.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = field.getKey().equals("libp2PNamespace") ? "libp2p_namespace" : WireNames.snakeCase(field.getKey());
        copy.set(name, field.getKey().equals("attrs") ? field.getValue() : snakeCased(field.getValue()));
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = Fixtures.TREES.createArrayNode();
      node.forEach(item -> copy.add(snakeCased(item)));
      return copy;
    }
    return node;
  }

  @Test
  void theTableCoversEveryRuleOnce() {
    assertThat(rejections().map(Case::rule)).doesNotHaveDuplicates();
    assertThat(rejections().map(Case::path).toList()).isNotEqualTo(List.of());
  }
}
