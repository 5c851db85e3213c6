package dev.skulk.diagnostics.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.RuntimeSection;
import dev.skulk.diagnostics.collectors.RuntimeCollector;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Area 4 of the parity issue (and issue 14): the {@code runtime} and {@code resources} sections
 * against upstream's {@code _runtime_diagnostics} and {@code _resource_diagnostics} on the same
 * facts: gathered identity, readings and network from the state view, live memory and wired
 * readings (present, absent, failing), master elected or not, tracing, the logging config.
 *
 * <p>Through the assembler, both ways a runtime section is built: by {@link RuntimeCollector} and by
 * the assembler itself when no runtime collector is registered. Host facts the JVM owns (hostname,
 * working directory, the two environment variables) are this machine's: they are handed to
 * upstream as they are here, and whether the config path exists is checked by the test. Then
 * {@link RuntimeSection#build} alone on injected host facts (every {@code PYTHONUNBUFFERED} value,
 * namespace set or not, logging enabled or not with a null, empty, blank or real URL), and the
 * departures, each shown against upstream's output.
 */
class RuntimeResourcesDifferentialTest {

  private static final long SEED = 0x5EED_0004L;
  private static final int GENERATED = 300;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DiagnosticsJson WIRE = DiagnosticsJson.strict();

  @Test
  void runtimeAndResourcesThroughTheAssemblerMatchUpstream() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    List<String> mismatches = new ArrayList<>();
    int cases = 0;
    try (UpstreamOracle upstream = UpstreamOracle.start("node")) {
      for (int i = 0; i < GENERATED; i++) {
        NodeScenario scenario = NodeScenario.generate(random).withRuntime(random);
        scenario.configPath = i % 3 == 0 ? "pom.xml" : scenario.configPath; // one that exists here
        boolean viaCollector = i % 2 == 0;
        NodeDiagnostics ours = viaCollector
            ? NodeWarningsDifferentialTest.assemble(scenario, new RuntimeCollector())
            : NodeWarningsDifferentialTest.assemble(scenario);
        thisHost(scenario, ours.runtime());
        JsonNode expected = JSON.readTree(upstream.call(scenario.caseJson()));
        String path = viaCollector ? " (RuntimeCollector)" : " (assembler's own)";
        NodeWarningsDifferentialTest.compare(mismatches, i, scenario, "runtime" + path, expected, "runtime",
            WIRE.write(ours.runtime()));
        NodeWarningsDifferentialTest.compare(mismatches, i, scenario, "resources", expected, "resources",
            WIRE.write(ours.resources()));
        cases++;
      }
    }
    System.out.printf("RuntimeResourcesDifferentialTest (assembler): seed %d, %d cases, %d mismatching sections %s%n",
        SEED, cases, mismatches.size(), NodeWarningsDifferentialTest.byLabel(mismatches));
    assertThat(mismatches.size()).as("seed %d: sections whose JSON differs from upstream's (first ones printed)", SEED)
        .isZero();
  }

  /** The facts only this JVM knows, given to upstream as they are here. */
  static void thisHost(NodeScenario scenario, NodeRuntimeDiagnostics ours) {
    scenario.hostname = ours.hostname();
    scenario.cwd = System.getProperty("user.dir");
    scenario.configExists = Files.exists(Path.of(scenario.cwd).resolve(scenario.configPath));
    scenario.env.clear();
    for (String name : List.of("SKULK_LIBP2P_NAMESPACE", "PYTHONUNBUFFERED")) {
      String value = System.getenv(name);
      if (value != null) {
        scenario.env.put(name, value);
      }
    }
  }

  @Test
  void runtimeSectionBuilderMatchesUpstreamOnInjectedHostFacts() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    List<NodeScenario> scenarios = new ArrayList<>();
    for (String master : new String[] {null, "local-node", "peer-a"}) {
      for (String friendly : new String[] {null, "Unknown", "", "kite-1 🚀"}) {
        for (String unbuffered : new String[] {null, "1", "true", "True", "TRUE", "0", ""}) {
          NodeScenario s = new NodeScenario();
          s.master = master;
          if (friendly != null) {
            s.identities.put(s.nodeId, new dev.skulk.diagnostics.model.NodeIdentity("Mac16,1", "Apple M4", friendly,
                "15.1", "24B83", "1.3.0", "abc1234"));
          }
          if (unbuffered != null) {
            s.env.put("PYTHONUNBUFFERED", unbuffered);
          }
          scenarios.add(s);
        }
      }
    }
    for (String url : new String[] {null, "", " ", "http://vector.local:9000/ingest"}) {
      for (Boolean enabled : new Boolean[] {null, false, true}) {
        NodeScenario s = new NodeScenario();
        s.loggingEnabled = enabled;
        s.ingestUrl = url;
        s.env.put("SKULK_LIBP2P_NAMESPACE", url == null ? "" : "ns-" + url.length());
        scenarios.add(s);
      }
    }
    for (int i = 0; i < GENERATED; i++) {
      scenarios.add(NodeScenario.generate(random).withRuntime(random));
    }
    List<String> mismatches = new ArrayList<>();
    try (UpstreamOracle upstream = UpstreamOracle.start("node")) {
      for (int i = 0; i < scenarios.size(); i++) {
        NodeScenario s = scenarios.get(i);
        NodeRuntimeDiagnostics ours = RuntimeSection.build(s.nodeId, s.state(), s.hostFacts(), null,
            new RuntimeSection.Host(s.hostname, s.cwd, s.configExists, s.env::get, "unused"));
        JsonNode expected = JSON.readTree(upstream.call(s.caseJson()));
        NodeWarningsDifferentialTest.compare(mismatches, i, s, "runtime", expected, WIRE.write(ours));
      }
    }
    System.out.printf("RuntimeResourcesDifferentialTest (RuntimeSection): seed %d, %d cases, %d mismatches%n",
        SEED + 1, scenarios.size(), mismatches.size());
    assertThat(mismatches.size()).as("seed %d: runtime sections that differ from upstream's", SEED + 1).isZero();
  }

  /** Departure: a secret in the ingest URL is not reported; everything else as upstream. */
  @Test
  void ingestUrlSecretsAreRedactedWhereUpstreamReportsThem() throws Exception {
    NodeScenario s = new NodeScenario();
    s.loggingEnabled = true;
    s.ingestUrl = "https://user:hunter2@logs.example/v1?token=abc&stream=skulk";
    NodeRuntimeDiagnostics ours = RuntimeSection.build(s.nodeId, s.state(), s.hostFacts(), null,
        new RuntimeSection.Host(s.hostname, s.cwd, s.configExists, s.env::get, "unused"));
    try (UpstreamOracle upstream = UpstreamOracle.start("node")) {
      String expected = JSON.readTree(upstream.call(s.caseJson())).get("runtime").asString();
      assertThat(expected).contains("\"loggingIngestUrl\":\"https://user:hunter2@logs.example/v1?token=abc&stream=skulk\"");
      assertThat(WIRE.write(ours)).isEqualTo(expected.replace("https://user:hunter2@logs.example/v1?token=abc&stream=skulk",
          "https://***@logs.example/v1?token=***&stream=skulk"));
    }
  }

  /**
   * Departures: where the state view has no disk, system or network reading of this node, ours are
   * the live collectors' (upstream's are null); where it has no identity, the friendly name is the
   * live identity's (upstream's is null); a failing live reading is null in both, and ours also
   * says which collector failed.
   */
  @Test
  void liveReadingsFillWhatTheStateLacks() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED + 2);
    NodeScenario s = new NodeScenario();
    s.currentWired = NodeScenario.FAIL;
    var disk = dev.skulk.diagnostics.testkit.DiagnosticsGenerators.diskUsage(random);
    var network = dev.skulk.diagnostics.testkit.DiagnosticsGenerators.nodeNetworkInfo(random);
    var identity = new dev.skulk.diagnostics.model.NodeIdentity("m", "c", "kite-live", "o", "b", "v", "Unknown");
    NodeDiagnostics ours = NodeWarningsDifferentialTest.assemble(s,
        dev.skulk.diagnostics.testkit.FakeCollector.returning(dev.skulk.diagnostics.spi.Slot.DISK, disk),
        dev.skulk.diagnostics.testkit.FakeCollector.returning(dev.skulk.diagnostics.spi.Slot.NETWORK, network),
        dev.skulk.diagnostics.testkit.FakeCollector.returning(dev.skulk.diagnostics.spi.Slot.IDENTITY, identity));
    thisHost(s, ours.runtime());
    try (UpstreamOracle upstream = UpstreamOracle.start("node")) {
      JsonNode expected = JSON.readTree(upstream.call(s.caseJson()));
      assertThat(expected.get("resources").asString())
          .isEqualTo("{\"gatheredMemory\":null,\"currentMemory\":null,\"currentWired\":null,\"disk\":null,"
              + "\"system\":null,\"network\":null}");
      assertThat(ours.resources().currentWired()).isNull();
      assertThat(ours.resources().disk()).isEqualTo(disk);
      assertThat(ours.resources().network()).isEqualTo(network);
      assertThat(expected.get("runtime").asString()).contains("\"friendlyName\":null");
      assertThat(ours.runtime().friendlyName()).isEqualTo("kite-live");
      assertThat(WIRE.write(ours.runtime()))
          .isEqualTo(expected.get("runtime").asString().replace("\"friendlyName\":null", "\"friendlyName\":\"kite-live\""));
      assertThat(expected.get("warnings").asString()).isEqualTo("[]");
      assertThat(ours.warnings()).singleElement().asString().startsWith("Collector fake-throwing-currentWired");
    }
  }
}
