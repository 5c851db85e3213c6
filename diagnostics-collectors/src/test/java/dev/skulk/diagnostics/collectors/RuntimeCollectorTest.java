package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.NodeIdentityBuilder;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnostics;
import dev.skulk.diagnostics.spi.HostFactsBuilder;
import dev.skulk.diagnostics.testkit.InMemoryClusterState;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.testkit.CollectorCompatibilityKit;

class RuntimeCollectorTest extends CollectorCompatibilityKit {

  @Override
  protected Collector<?> createCollector() {
    return new RuntimeCollector();
  }

  @Test
  void everyFieldFromInjectedHostFactsStateAndEnvironment(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("proc/sys/kernel"));
    Files.writeString(root.resolve("proc/sys/kernel/hostname"), "kite-03\n");
    Path cwd = Files.createDirectories(root.resolve("srv/skulk"));
    Files.writeString(cwd.resolve("skulk.yaml"), "x: 1\n");
    Map<String, String> env = new HashMap<>();
    env.put("SKULK_LIBP2P_NAMESPACE", "lab-cluster");
    env.put("PYTHONUNBUFFERED", "True");
    env.put("HOSTNAME", "not-this-one");
    env.put("HF_TOKEN", "hf_never_reported");
    FakeRunner runner = new FakeRunner();
    RuntimeCollector collector =
        new RuntimeCollector(new HostEnvironment(OsFamily.LINUX, env::get, root, runner, cwd.toString()));
    TestCollectContext context =
        TestCollectContext.builder()
            .nodeId("node-a")
            .hostFacts(
                new HostFactsBuilder()
                    .configPath("skulk.yaml")
                    .skulkVersion("1.4.2")
                    .skulkCommit("9f8e7d6c")
                    .structuredLoggingConfigured(true)
                    .loggingIngestUrl("https://ingest:s3cret@logs.example.com/v1?token=abc&env=prod")
                    .build())
            .state(
                InMemoryClusterState.builder("node-a")
                    .master("node-a")
                    .tracing(true)
                    .identity("node-a", new NodeIdentityBuilder().friendlyName("Kite 03").build())
                    .build())
            .build();

    NodeRuntimeDiagnostics runtime = collector.collect(context);

    // The redaction's placeholder is the one URL redactor's (issue 9); here only: no secret left.
    assertThat(runtime.loggingIngestUrl())
        .startsWith("https://")
        .contains("logs.example.com/v1?token=")
        .endsWith("&env=prod")
        .doesNotContain("ingest:")
        .doesNotContain("s3cret")
        .doesNotContain("abc");
    assertThat(runtime)
        .isEqualTo(
            new NodeRuntimeDiagnostics(
                "node-a",
                "kite-03",
                "Kite 03",
                true,
                "node-a",
                cwd.toString(),
                "skulk.yaml",
                true,
                "1.4.2",
                // upstream's _runtime_diagnostics: the state identity's commit whenever the state has
                // this node's identity (here the default, "Unknown"); the host fact only without one
                "Unknown",
                "lab-cluster",
                true,
                true,
                true,
                runtime.loggingIngestUrl()));
    assertThat(runtime.toString()).doesNotContain("hf_never_reported");
    assertThat(runner.commands).isEmpty();
  }

  @Test
  void hostCommitWhereTheStateHasNoIdentityOfThisNode(@TempDir Path root) {
    RuntimeCollector collector = new RuntimeCollector(
        new HostEnvironment(OsFamily.LINUX, name -> null, root, new FakeRunner(), root.toString()));
    TestCollectContext context = TestCollectContext.builder()
        .nodeId("node-a")
        .hostFacts(new HostFactsBuilder().skulkCommit(" 9f8e7d6c ").build())
        .state(InMemoryClusterState.builder("node-a")
            .identity("node-b", new NodeIdentityBuilder().skulkCommit("other").build())
            .build())
        .build();

    assertThat(collector.collect(context).skulkCommit()).isEqualTo("9f8e7d6c");
  }

  @Test
  void fallbacksWithoutHostFactsOrState(@TempDir Path root) {
    Map<String, String> env = new HashMap<>();
    env.put("SKULK_LIBP2P_NAMESPACE", "");
    env.put("PYTHONUNBUFFERED", "yes");
    FakeRunner runner = new FakeRunner().answer("uname", List.of("studio.local"));
    RuntimeCollector collector =
        new RuntimeCollector(new HostEnvironment(OsFamily.MACOS, env::get, root, runner, root.toString()));

    NodeRuntimeDiagnostics runtime = collector.collect(TestCollectContext.create());

    assertThat(runtime.hostname()).isEqualTo("studio.local");
    assertThat(runner.commands).containsExactly(List.of("uname", "-n"));
    assertThat(runtime.friendlyName()).isNull();
    // No election yet: upstream's node starts as its own master (main.py: self._master_node_id = node_id).
    assertThat(runtime.isMaster()).isTrue();
    assertThat(runtime.masterNodeId()).isEqualTo("test-node");
    assertThat(runtime.configPath()).isEqualTo("config.yaml");
    assertThat(runtime.configFileExists()).isFalse();
    assertThat(runtime.skulkVersion()).isEqualTo("unknown"); // tests run from classes: no manifest
    assertThat(runtime.skulkCommit()).isEqualTo("Unknown");
    assertThat(runtime.libp2pNamespace()).isEmpty(); // set but empty is reported, not null
    assertThat(runtime.pythonUnbuffered()).isFalse();
    assertThat(runtime.tracingEnabled()).isFalse();
    assertThat(runtime.structuredLoggingConfigured()).isFalse();
    assertThat(runtime.loggingIngestUrl()).isNull();
  }

  @Test
  void hostnameFromTheEnvironmentAndAMasterElsewhere(@TempDir Path root) {
    Map<String, String> env = Map.of("COMPUTERNAME", "WIN-NODE7", "PYTHONUNBUFFERED", "1");
    RuntimeCollector collector =
        new RuntimeCollector(new HostEnvironment(OsFamily.WINDOWS, env::get, root, new FakeRunner(), "C:\\skulk"));

    NodeRuntimeDiagnostics runtime =
        collector.collect(
            TestCollectContext.builder()
                .nodeId("node-a")
                .state(InMemoryClusterState.builder("node-a").master("node-b").build())
                .build());

    assertThat(runtime.hostname()).isEqualTo("WIN-NODE7");
    assertThat(runtime.isMaster()).isFalse();
    assertThat(runtime.masterNodeId()).isEqualTo("node-b");
    assertThat(runtime.pythonUnbuffered()).isTrue();
    assertThat(runtime.libp2pNamespace()).isNull();
  }

  @Test
  void thisProcess() {
    NodeRuntimeDiagnostics runtime =
        new RuntimeCollector().collect(TestCollectContext.builder().nodeId("node-a").build());

    assertThat(runtime.hostname()).isNotBlank().isNotEqualTo("unknown");
    assertThat(runtime.cwd()).isEqualTo(System.getProperty("user.dir"));
    assertThat(runtime.configFileExists()).isEqualTo(Files.exists(Path.of(System.getProperty("user.dir"), "config.yaml")));
    assertThat(runtime.nodeId()).isEqualTo("node-a");
  }
}
