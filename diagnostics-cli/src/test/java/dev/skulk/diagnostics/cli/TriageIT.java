package dev.skulk.diagnostics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.skulk.diagnostics.model.Timestamps;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.nio.file.Path;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import org.junit.jupiter.api.io.TempDir;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code skulk-diag triage http://...}: the cluster view fetched from a node on loopback. */
class TriageIT {

  private HttpServer server;
  private final AtomicReference<String> body = new AtomicReference<>("{}");
  private final AtomicReference<String> path = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      path.set(exchange.getRequestURI().getPath());
      byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(path.get().equals("/v1/diagnostics/cluster") ? 200 : 404, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void fetchesTheClusterViewAndTriagesIt() throws IOException {
    // The fixture was stamped on 2026-11-27; served today, the serving node's clock looks days
    // behind this machine's, which is exactly what triage must say about a live answer.
    body.set(Files.readString(TriageCommandTest.fixture("python-cluster-unreachable-peer.json")));

    CliRun run = CliRun.of("triage", url());

    assertThat(path.get()).isEqualTo("/v1/diagnostics/cluster");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.out()).contains("  CRITICAL  rank-disagreement  node 12D3KooW…AAAA  runner runner-0…5d1e"
        + "  supervisorRunners[0].phase = decode_barrier");
    assertThat(run.out()).contains("  WARNING   clock-offset  node 12D3KooW…AAAA  generatedAt = 2026-11-27T03:13:13.500000+00:00");
    assertThat(run.out()).contains("before this machine asked for it");
  }

  @Test
  void aNodeWhoseClockAgreesGetsNoClockFinding() throws IOException {
    // The healthy fixture with every timestamp moved by the same amount, so that it was made now.
    Duration shift = Duration.between(Instant.parse("2026-11-27T03:13:13.500Z"), Instant.now());
    Matcher stamp = Pattern.compile("2026-11-27T[0-9:.]+\\+00:00")
        .matcher(Files.readString(TriageCommandTest.fixture("node-healthy.json")));
    body.set(stamp.replaceAll(m -> Timestamps.format(Timestamps.parse(m.group()).plus(shift))));

    CliRun run = CliRun.of("triage", url() + "/");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).contains("Findings: none");
  }

  @Test
  void aNodeThatCannotBeReadExitsOneWithOneLine() {
    CliRun run = CliRun.of("triage", url() + "/elsewhere");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("cannot read " + url() + "/elsewhere/v1/diagnostics/cluster: HTTP 404");
  }

  @Test
  void watchOncePrintsOneCompactFrameOfANodesClusterView() throws IOException {
    body.set(Files.readString(TriageCommandTest.fixture("python-cluster-unreachable-peer.json")));

    CliRun run = CliRun.of("watch", "--once", "--url", url());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).matches("skulk-diag watch  \\S+  3 nodes \\(1 unreachable\\)  findings: 1 critical, 2 warnings");
    assertThat(lines.subList(1, lines.size())).containsExactly(
        "  unreachable  12D3KooW…CCCC  ConnectError: All connection attempts failed",
        "instance…lama (mlx-community/Llama-3.3-70B-Instruct-4bit)",
        "  NODE           RANK  STATUS         PHASE           IN PHASE  ALIVE  TASK",
        "  12D3KooW…AAAA  0/3   RunnerRunning  decode_barrier  95.5 s    yes    task-91c4e0d2",
        "  12D3KooW…BBBB  1/3   RunnerRunning  decode_stream   2.2 s     yes    task-91c4e0d2",
        "  12D3KooW…CCCC  2/3   RunnerRunning  (not reported)  -         ?      -",
        "CRITICAL rank-disagreement: Rank 0 of instance instance…lama has waited in decode_barrier for 95.5 s (over"
            + " the 30.0 s threshold) while its peers moved on: rank 1 in decode_stream.",
        lines.get(8), // the served node's clock: the fixture is days old (checked in fetchesTheClusterViewAndTriagesIt)
        "WARNING unreachable-node: Node 12D3KooW…CCCC did not answer; its ranks are unknown: ConnectError: All"
            + " connection attempts failed");
    assertThat(lines.get(8)).startsWith("WARNING clock-offset: Clock of 12D3KooW…AAAA is off by at least ");
  }

  @Test
  void watchOnceCollectsThisMachineAndItsPeers() {
    // Port 1 on loopback refuses connections: the peer is unreachable at once.
    CliRun run = CliRun.of("watch", "--once", "--node-id", "here", "--peer", "gone=http://127.0.0.1:1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).matches("skulk-diag watch  \\S+  2 nodes \\(1 unreachable\\)  findings: .*");
    assertThat(lines).anyMatch(line -> line.startsWith("  unreachable  gone  ConnectError"));
    assertThat(lines).anyMatch(line -> line.startsWith("WARNING unreachable-node: Node gone did not answer"));
  }

  private static Map<String, String> unzip(Path zip) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  @Test
  void bundleOfANodesViewHoldsEverythingWithSecretsRedacted(@TempDir Path dir) throws IOException {
    body.set(Files.readString(TriageCommandTest.fixture("python-cluster-unreachable-peer.json"))
        .replace("http://192.168.1.21:52415", "http://ops:hunter2@192.168.1.21:52415/?api_token=s3cr3t&x=1"));
    Path zip = dir.resolve("report.zip");

    CliRun run = CliRun.of("bundle", "--url", url(), "--out", zip.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().strip()).isEqualTo("skulk-diag: wrote " + zip + " (6 files; 1 critical finding(s))");
    Map<String, String> entries = unzip(zip);
    assertThat(entries.keySet()).containsExactly("cluster.json", "timeline.json", "triage.txt", "triage.json",
        "versions.txt", "errors.txt");
    for (var entry : entries.entrySet()) {
      assertThat(entry.getValue()).as(entry.getKey()).doesNotContain("hunter2", "s3cr3t", "ops:");
    }
    assertThat(entries.get("cluster.json")).contains("\"url\": \"http://192.168.1.21:52415/?api_token=<redacted>&x=1\"");
    assertThat(DiagnosticsJson.strict().read(entries.get("cluster.json"), ClusterDiagnostics.class).nodes()).hasSize(3);
    assertThat(DiagnosticsJson.strict().read(entries.get("timeline.json"), ClusterTimeline.class).unreachableNodes())
        .hasSize(1);
    assertThat(entries.get("triage.txt")).contains("  CRITICAL  rank-disagreement  node 12D3KooW…AAAA");
    assertThat(entries.get("versions.txt").lines()).contains(
        "node 12D3KooWStudioAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA: skulk 1.3.0 commit 32275ad",
        "node 12D3KooWOfflineCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC: unreachable");
    assertThat(entries.get("errors.txt")).startsWith("captures: not taken");
  }

  @Test
  void bundleCollectedHereHoldsTheClusterViewAndRefusesAPeerUrlWithAPassword(@TempDir Path dir) throws IOException {
    Path zip = dir.resolve("here.zip");

    CliRun run = CliRun.of("bundle", "--node-id", "here", "--peer", "gone=http://127.0.0.1:1", "--no-samples",
        "--out", zip.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, String> entries = unzip(zip);
    assertThat(entries.get("cluster.json")).contains("\"nodeId\": \"gone\"");
    assertThat(entries.get("errors.txt")).isEqualTo("none\n");
    assertThat(entries.get("triage.txt")).contains("unreachable-node  node gone");

    CliRun secret = CliRun.of("bundle", "--node-id", "here", "--peer", "gone=http://ops:hunter2@127.0.0.1:1",
        "--out", dir.resolve("never.zip").toString());
    assertThat(secret.exitCode()).isEqualTo(2);
    assertThat(dir.resolve("never.zip")).doesNotExist();
  }
}
