package dev.skulk.diagnostics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SKULK_DIAG_NODE_ID, SKULK_DIAG_PEERS and SKULK_DIAG_PORT, read by the packaged jar from its environment. */
class EnvironmentDefaultsIT {

  private record Result(int exitCode, String out, String err) {}

  private static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    Path jar = Path.of("target", "skulk-diag.jar");
    assertThat(jar).as("the shaded jar is packaged before integration tests").exists();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("SKULK_DIAG_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    var err = process.getErrorStream();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String errText = new String(err.readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out, errText);
  }

  @Test
  void nodeIdComesFromTheEnvironmentUnlessTheOptionIsGiven() throws Exception {
    Result fromEnv = run(Map.of("SKULK_DIAG_NODE_ID", "env-node"), "node");
    assertThat(fromEnv.exitCode()).as(fromEnv.err()).isZero();
    assertThat(DiagnosticsJson.strict().read(fromEnv.out(), NodeDiagnostics.class).runtime().nodeId()).isEqualTo("env-node");

    Result option = run(Map.of("SKULK_DIAG_NODE_ID", "env-node"), "node", "--node-id", "option-node");
    assertThat(DiagnosticsJson.strict().read(option.out(), NodeDiagnostics.class).runtime().nodeId()).isEqualTo("option-node");
  }

  @Test
  void peersComeFromTheEnvironmentCommaSeparated() throws Exception {
    // Port 1 on loopback refuses connections: each peer is an ok:false entry, quickly.
    Result run = run(Map.of("SKULK_DIAG_PEERS", "peer-a=http://127.0.0.1:1,peer-b=http://127.0.0.1:1"),
        "cluster", "--node-id", "here", "--deadline", "10");

    assertThat(run.exitCode()).as(run.err()).isZero();
    ClusterDiagnostics cluster = DiagnosticsJson.strict().read(run.out(), ClusterDiagnostics.class);
    assertThat(cluster.nodes()).extracting(ClusterNodeDiagnostics::nodeId).containsExactly("here", "peer-a", "peer-b");
    assertThat(cluster.nodes().get(1).ok()).isFalse();
  }

  @Test
  void portComesFromTheEnvironmentAndIsCheckedLikeTheOption() throws Exception {
    Result run = run(Map.of("SKULK_DIAG_PORT", "70000"), "serve", "--node-id", "here");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--port", "70000");
  }
}
