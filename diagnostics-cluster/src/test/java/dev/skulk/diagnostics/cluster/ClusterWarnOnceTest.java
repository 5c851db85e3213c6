package dev.skulk.diagnostics.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fault that persists while a dashboard polls (here a peer directory that always throws) is one
 * WARN line, then DEBUG, not one WARN per poll. slf4j-simple, this module's test binding, writes to
 * the System.err of the moment of each call, so the lines are caught there.
 */
class ClusterWarnOnceTest {

  @Test
  void aDirectoryThatKeepsFailingIsWarnedAboutOnce() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (ClusterDiagnosticsClient client = ClusterDiagnosticsClient.builder()
        .localNodeId("local")
        .localNode(() -> TestBundles.node("local"))
        .peerDirectory(() -> {
          throw new IllegalStateException("state unavailable");
        })
        .build()) {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (int poll = 0; poll < 3; poll++) {
        assertThat(client.collect().nodes()).hasSize(1);
      }
    } finally {
      System.setErr(original);
    }
    List<String> warnings = Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
        .filter(line -> line.contains("WARN") && line.contains("Peer directory"))
        .toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("state unavailable").contains("the cluster view holds the local node only");
  }
}
