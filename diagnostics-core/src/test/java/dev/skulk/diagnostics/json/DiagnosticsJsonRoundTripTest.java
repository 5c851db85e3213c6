package dev.skulk.diagnostics.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequest;
import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeResourceDiagnostics;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnosticsBuilder;
import dev.skulk.diagnostics.model.RunnerDiagnosticValue;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntry;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.model.SystemPerformanceProfileBuilder;
import dev.skulk.diagnostics.model.Timestamps;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DiagnosticsJsonRoundTripTest {

  private static final DiagnosticsJson STRICT = DiagnosticsJson.strict();

  /** The float fields of the spec example, which it writes as 0 and pydantic would write as 0.0. */
  private static final List<String> SPEC_FLOAT_FIELDS = List.of(
      "/nodes/0/diagnostics/resources/system/gpuUsage",
      "/nodes/0/diagnostics/resources/system/temp",
      "/nodes/0/diagnostics/resources/system/sysPower",
      "/nodes/0/diagnostics/resources/system/pcpuUsage",
      "/nodes/0/diagnostics/resources/system/ecpuUsage",
      "/nodes/0/diagnostics/resources/system/accelerator/utilizationRatio",
      "/nodes/0/diagnostics/resources/system/accelerator/powerWatts",
      "/nodes/0/diagnostics/resources/system/accelerator/temperatureCelsius",
      "/nodes/0/diagnostics/processes/0/cpuPercent",
      "/nodes/0/diagnostics/processes/0/memoryPercent",
      "/nodes/0/diagnostics/processes/0/elapsedSeconds",
      "/nodes/0/diagnostics/supervisorRunners/0/secondsInStatus",
      "/nodes/0/diagnostics/supervisorRunners/0/secondsInPhase");

  @Test
  void specExampleComesBackTheSameExceptThatFloatFieldsAreFloats() {
    String spec = Fixtures.text("spec-example-cluster.json");

    String written = STRICT.write(STRICT.read(spec, ClusterDiagnostics.class));

    String expected = spec;
    for (String pointer : SPEC_FLOAT_FIELDS) {
      assertThat(Fixtures.tree(spec).at(pointer).isIntegralNumber()).as(pointer).isTrue();
      expected = Fixtures.with(expected, pointer, "0.0");
    }
    // The plain mapper writes the edited spec compactly, with 0.0 for those fields and the key
    // order of the file: a byte comparison checks values, types and order at once.
    assertThat(written).isEqualTo(Fixtures.TREES.writeValueAsString(Fixtures.tree(expected)));
    assertThat(Fixtures.tree(written)).isEqualTo(Fixtures.tree(expected));
    assertThat(written).doesNotContain(" ", "\n");
  }

  @Test
  void specExampleKeepsTheSpecKeyOrderAtEveryLevel() {
    String spec = Fixtures.text("spec-example-cluster.json");

    String written = STRICT.write(STRICT.read(spec, ClusterDiagnostics.class));

    assertThat(keyOrder(Fixtures.tree(written))).isEqualTo(keyOrder(Fixtures.tree(spec)));
    assertThat(keyOrder(Fixtures.tree(written))).containsEntry("$.nodes[0].diagnostics.runtime",
        List.of("nodeId", "hostname", "friendlyName", "isMaster", "masterNodeId", "cwd", "configPath",
            "configFileExists", "skulkVersion", "skulkCommit", "libp2PNamespace", "pythonUnbuffered",
            "tracingEnabled", "structuredLoggingConfigured", "loggingIngestUrl"));
  }

  @Test
  void nodeBundleMidDecodeWithEveryKindOfAttrIsByteIdentical() {
    byte[] pydantic = Fixtures.bytes("node-mid-decode.json");

    NodeDiagnostics node = STRICT.read(pydantic, NodeDiagnostics.class);

    assertThat(STRICT.writeBytes(node)).isEqualTo(pydantic);
    assertThat(STRICT.write(node)).isEqualTo(new String(pydantic, StandardCharsets.UTF_8));
    Map<String, RunnerDiagnosticValue> attrs = node.supervisorRunners().get(0).flightRecorder().get(2).attrs();
    assertThat(attrs).containsExactly(
        Map.entry("generated", new RunnerDiagnosticValue.Int(412)),
        Map.entry("limit", new RunnerDiagnosticValue.Int(2048)),
        Map.entry("tokensPerSecond", new RunnerDiagnosticValue.Float(38.2)),
        Map.entry("stalled", new RunnerDiagnosticValue.Bool(false)),
        Map.entry("note", new RunnerDiagnosticValue.Text("kv ≈ 61% — ok")),
        Map.entry("stops", new RunnerDiagnosticValue.TextList(List.of("</s>", "<|eot_id|>"))),
        Map.entry("empty", new RunnerDiagnosticValue.TextList(List.of())),
        Map.entry("bigCount", new RunnerDiagnosticValue.Int(9007199254740993L)),
        Map.entry("tiny", new RunnerDiagnosticValue.Float(9.99e-6)),
        Map.entry("huge", new RunnerDiagnosticValue.Float(1e16)),
        Map.entry("negZero", new RunnerDiagnosticValue.Float(-0.0)),
        Map.entry("whole", new RunnerDiagnosticValue.Float(40.0)));
  }

  @Test
  void clusterBundleWithAFailedPeerIsByteIdentical() {
    String pydantic = Fixtures.text("cluster-with-failed-peer.json");

    ClusterDiagnostics cluster = STRICT.read(pydantic, ClusterDiagnostics.class);

    assertThat(STRICT.write(cluster)).isEqualTo(pydantic);
    assertThat(cluster.nodes()).extracting(n -> n.ok()).containsExactly(true, true, false);
    assertThat(cluster.nodes().get(2).diagnostics()).isNull();
    assertThat(cluster.nodes().get(2).error()).isEqualTo("ConnectError: [Errno 61] Connection refused");
  }

  @Test
  void prettyOutputIsWhatPydanticWritesWithIndent2() {
    NodeDiagnostics node = STRICT.read(Fixtures.text("node-mid-decode.json"), NodeDiagnostics.class);

    assertThat(STRICT.writePretty(node)).isEqualTo(Fixtures.text("node-mid-decode-pretty.json"));
  }

  @Test
  void readsTheSameFromTextBytesAndStream() {
    String json = Fixtures.text("cluster-with-failed-peer.json");
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);

    ClusterDiagnostics fromText = STRICT.read(json, ClusterDiagnostics.class);

    assertThat(STRICT.read(utf8, ClusterDiagnostics.class)).isEqualTo(fromText);
    assertThat(STRICT.read(new ByteArrayInputStream(utf8), ClusterDiagnostics.class)).isEqualTo(fromText);
  }

  @Test
  void readingAStreamLeavesItOpenForItsOwner() {
    boolean[] closed = {false};
    ByteArrayInputStream in = new ByteArrayInputStream(Fixtures.bytes("node-mid-decode.json")) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };

    STRICT.read(in, NodeDiagnostics.class);

    assertThat(closed[0]).isFalse();
  }

  @Test
  void longBeyondTwoToTheFiftyThreeRoundTripsExactly() {
    long big = (1L << 53) + 1;

    Memory memory = STRICT.read("{\"inBytes\":9007199254740993}", Memory.class);

    assertThat(memory.inBytes()).isEqualTo(big);
    assertThat(STRICT.write(Memory.ofBytes(big))).isEqualTo("{\"inBytes\":9007199254740993}");
    assertThat(STRICT.write(Memory.ofBytes(Long.MAX_VALUE))).isEqualTo("{\"inBytes\":9223372036854775807}");
  }

  @Test
  void nonAsciiIsWrittenAsRawUtf8() {
    String json = Fixtures.text("node-mid-decode.json");
    NodeDiagnostics node = STRICT.read(json, NodeDiagnostics.class);
    String warning = node.warnings().get(0);
    assertThat(warning).contains("a1b2c3d4…0000").endsWith("🤔");

    String written = STRICT.write(node);
    byte[] bytes = STRICT.writeBytes(node);

    assertThat(written).contains("a1b2c3d4…0000", "🤔", "tok/s 🚀", "Studio A — rack 2").doesNotContain("\\u");
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(written);
    assertThat(bytes).containsSequence("…".getBytes(StandardCharsets.UTF_8)) // E2 80 A6, one character
        .containsSequence("🤔".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void escapesControlCharactersAsPythonDoesAndNothingElse() {
    String value = "a\u001f\u000b\u007f/…😀\u2028\b\f\n\r\t\"\\";

    String written = STRICT.write(Map.of("s", value));

    // pydantic_core.to_json({"s": value})
    assertThat(written).isEqualTo("{\"s\":\"a\\u001f\\u000b\u007f/…😀\u2028\\b\\f\\n\\r\\t\\\"\\\\\"}");
    Object readBack = STRICT.read(written, Map.class);
    assertThat(readBack).isEqualTo(Map.of("s", value));
  }

  @Test
  void writesEveryKeyWithNullsEmptyListsAndSpecOrder() {
    NodeDiagnostics node = new NodeDiagnostics("2026-11-27T03:13:13+00:00",
        new NodeRuntimeDiagnosticsBuilder().nodeId("n").hostname("h").isMaster(false).cwd("/").configPath("/c")
            .configFileExists(false).skulkVersion("1").skulkCommit("c").pythonUnbuffered(false)
            .tracingEnabled(false).structuredLoggingConfigured(false).build(),
        null, NodeResourceDiagnostics.empty(), null, null, null, null);

    assertThat(STRICT.write(node)).isEqualTo("{\"generatedAt\":\"2026-11-27T03:13:13+00:00\","
        + "\"runtime\":{\"nodeId\":\"n\",\"hostname\":\"h\",\"friendlyName\":null,\"isMaster\":false,"
        + "\"masterNodeId\":null,\"cwd\":\"/\",\"configPath\":\"/c\",\"configFileExists\":false,"
        + "\"skulkVersion\":\"1\",\"skulkCommit\":\"c\",\"libp2PNamespace\":null,\"pythonUnbuffered\":false,"
        + "\"tracingEnabled\":false,\"structuredLoggingConfigured\":false,\"loggingIngestUrl\":null},"
        + "\"identity\":null,\"resources\":{\"gatheredMemory\":null,\"currentMemory\":null,"
        + "\"currentWired\":null,\"disk\":null,\"system\":null,\"network\":null},"
        + "\"processes\":[],\"supervisorRunners\":[],\"placements\":[],\"warnings\":[]}");
  }

  @Test
  void writesFloatsAsPydanticAndIntegersAsIntegers() {
    SystemPerformanceProfile profile = new SystemPerformanceProfileBuilder()
        .gpuUsage(40).temp(1e-7).sysPower(1e16).pcpuUsage(0.000015).ecpuUsage(123456789.0).build();

    assertThat(STRICT.write(profile)).isEqualTo("{\"gpuUsage\":40.0,\"temp\":1e-7,\"sysPower\":1e+16,"
        + "\"pcpuUsage\":0.000015,\"ecpuUsage\":123456789.0,\"accelerator\":null}");
    assertThat(STRICT.write(Map.of("i", 1, "l", 2L))).isIn("{\"i\":1,\"l\":2}", "{\"l\":2,\"i\":1}");
  }

  @Test
  void refusesToWriteNonFiniteFloats() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("ok", 1.5);
    values.put("bad", Double.NaN);

    assertThatThrownBy(() -> STRICT.write(values))
        .isInstanceOfSatisfying(DiagnosticsFormatException.class, e -> {
          assertThat(e.path()).isEqualTo("$.bad");
          assertThat(e.reason()).isEqualTo("cannot write NaN: JSON has no value for NaN or infinity");
        });
    assertThatThrownBy(() -> STRICT.writePretty(List.of(Double.POSITIVE_INFINITY)))
        .isInstanceOfSatisfying(DiagnosticsFormatException.class, e -> assertThat(e.path()).isEqualTo("$[0]"));
    assertThatThrownBy(() -> STRICT.writeBytes(Map.of("x", Float.NEGATIVE_INFINITY)))
        .isInstanceOf(DiagnosticsFormatException.class);
  }

  @Test
  void pythonTimestampsAreReadAsTheStringsTheyAre() {
    ClusterDiagnostics cluster = STRICT.read(Fixtures.text("cluster-with-failed-peer.json"), ClusterDiagnostics.class);
    RunnerFlightRecorderEntry entry = cluster.nodes().get(0).diagnostics().supervisorRunners().get(0)
        .flightRecorder().get(1);

    assertThat(cluster.generatedAt()).isEqualTo("2026-11-27T03:13:24.987654+00:00");
    assertThat(entry.at()).isEqualTo("2026-11-27T03:13:02.000001+00:00");
    assertThat(cluster.nodes().get(0).diagnostics().supervisorRunners().get(0).statusSince())
        .isEqualTo("2026-11-27T03:12:58+00:00");
    assertThat(Timestamps.parse(entry.at())).isEqualTo(java.time.Instant.parse("2026-11-27T03:13:02.000001Z"));
  }

  @Test
  void absentOptionalFieldsTakeTheModelDefaults() {
    assertThat(STRICT.read("{}", NodeIdentity.class)).isEqualTo(NodeIdentity.unknown());
    assertThat(STRICT.read("{}", DiagnosticCaptureRequest.class)).isEqualTo(DiagnosticCaptureRequest.defaults());
    assertThat(STRICT.read("{\"includeProcessSamples\":false}", DiagnosticCaptureRequest.class))
        .isEqualTo(new DiagnosticCaptureRequest(null, null, false, 3.0));
    assertThat(STRICT.read("{\"pid\":7,\"role\":\"other\",\"command\":\"x\"}", DiagnosticsProcess.class).isChildOfSkulk())
        .isFalse();
    assertThat(STRICT.read("{}", SystemPerformanceProfile.class).gpuUsage()).isZero();
    assertThat(STRICT.read("{}", Memory.class)).isEqualTo(Memory.ZERO);
  }

  @Test
  void integersAreFineForFloatFieldsAndComeBackAsFloats() {
    SystemPerformanceProfile profile = STRICT.read("{\"gpuUsage\":97,\"temp\":-3}", SystemPerformanceProfile.class);

    assertThat(profile.gpuUsage()).isEqualTo(97.0);
    assertThat(STRICT.write(profile)).startsWith("{\"gpuUsage\":97.0,\"temp\":-3.0,");
  }

  /** Field names of every object in the tree, by JSON path. */
  private static Map<String, List<String>> keyOrder(JsonNode root) {
    Map<String, List<String>> order = new LinkedHashMap<>();
    collect("$", root, order);
    return order;
  }

  private static void collect(String path, JsonNode node, Map<String, List<String>> order) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        names.add(field.getKey());
        collect(path + "." + field.getKey(), field.getValue(), order);
      }
      order.put(path, names);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), order);
      }
    }
  }
}
