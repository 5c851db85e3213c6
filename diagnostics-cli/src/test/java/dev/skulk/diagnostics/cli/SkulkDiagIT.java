package dev.skulk.diagnostics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.ProcessRole;
import dev.skulk.diagnostics.server.DiagnosticsServer;
import dev.skulk.diagnostics.testkit.SampleBundles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code skulk-diag} against this real machine and real servers on loopback: the node bundle from
 * the default collectors, the cluster and timeline fan-out to a peer, a local capture, and the
 * {@code serve} command run from the packaged jar and stopped with SIGINT as Ctrl-C does.
 */
class SkulkDiagIT {

  private final DiagnosticsJson json = DiagnosticsJson.strict();

  @Test
  void nodeReportsThisMachineWithRealReadingsThatValidateStrictly() {
    // The first collection in a JVM loads OSHI and JNA; on a loaded 2-core machine that alone can
    // outlast a collector's 2 s timeout. A host polls a warm assembler, so the check is made warm.
    CliRun.of("node", "--node-id", "it-node");
    CliRun run = CliRun.of("node", "--node-id", "it-node");

    assertThat(run.exitCode()).as(run.err()).isZero();
    NodeDiagnostics bundle = json.read(run.out(), NodeDiagnostics.class);
    assertThat(bundle.runtime().nodeId()).isEqualTo("it-node");
    assertThat(bundle.runtime().hostname()).isNotBlank();
    assertThat(bundle.runtime().cwd()).isEqualTo(System.getProperty("user.dir"));
    assertThat(bundle.identity()).isNotNull();
    assertThat(bundle.identity().chipId()).isNotEqualTo("Unknown");
    assertThat(bundle.resources().currentMemory()).isNotNull();
    assertThat(bundle.resources().currentMemory().ramTotal().inBytes()).isPositive();
    assertThat(bundle.resources().disk()).isNotNull();
    assertThat(bundle.resources().disk().total().inBytes()).isPositive();
    assertThat(bundle.resources().system()).isNotNull();
    assertThat(bundle.resources().network()).isNotNull();
    assertThat(bundle.resources().network().interfaces()).isNotEmpty();
    long self = ProcessHandle.current().pid();
    DiagnosticsProcess me = bundle.processes().stream().filter(p -> p.pid() == self).findFirst().orElseThrow();
    assertThat(me.role()).isEqualTo(ProcessRole.SKULK);
    assertThat(me.isChildOfSkulk()).isTrue();
    assertThat(me.command()).contains("java");
    assertThat(bundle.warnings()).as("no collector failed").noneMatch(w -> w.startsWith("Collector "));
    if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")
        && !Files.exists(Path.of("/dev/nvidiactl")) && !Files.exists(Path.of("/sys/module/amdgpu"))) {
      assertThat(bundle.resources().system().accelerator().vendor()).isEqualTo(AcceleratorVendor.CPU);
    }
  }

  @Test
  void clusterAndTimelineFanOutToAPeerAndReportAFailedOne() throws Exception {
    try (DiagnosticsServer peer = DiagnosticsServer.builder()
        .bindAddress(InetAddress.getLoopbackAddress())
        .port(0)
        .nodeId(SampleBundles.STUDIO) // the node whose bundle it serves: one node id (issue 9)
        .localNode(SampleBundles::nodeWithTwoRunnersMidDecode)
        .build()
        .start()) {
      String peerArg = SampleBundles.STUDIO + "=http://127.0.0.1:" + peer.port();
      String refused = "offline=http://127.0.0.1:1";

      CliRun cluster = CliRun.of("cluster", "--node-id", "local", "--peer", peerArg, "--peer", refused, "--deadline", "8");
      assertThat(cluster.exitCode()).as(cluster.err()).isZero();
      ClusterDiagnostics bundle = json.read(cluster.out(), ClusterDiagnostics.class);
      assertThat(bundle.localNodeId()).isEqualTo("local");
      assertThat(bundle.nodes()).extracting(n -> n.nodeId()).containsExactly("local", SampleBundles.STUDIO, "offline");
      assertThat(bundle.nodes().get(0).ok()).isTrue();
      assertThat(bundle.nodes().get(0).url()).isNull();
      assertThat(bundle.nodes().get(1).ok()).isTrue();
      assertThat(bundle.nodes().get(1).diagnostics()).isEqualTo(SampleBundles.nodeWithTwoRunnersMidDecode());
      assertThat(bundle.nodes().get(2).ok()).isFalse();
      assertThat(bundle.nodes().get(2).error()).startsWith("ConnectError: ");

      CliRun timeline = CliRun.of("timeline", "--node-id", "local", "--peer", peerArg, "--peer", refused, "--deadline", "8");
      assertThat(timeline.exitCode()).as(timeline.err()).isZero();
      ClusterTimeline merged = json.read(timeline.out(), ClusterTimeline.class);
      assertThat(merged.runners()).hasSize(2);
      assertThat(merged.timeline()).hasSize(2 * 128);
      assertThat(merged.unreachableNodes()).singleElement().satisfies(u -> assertThat(u.nodeId()).isEqualTo("offline"));
    }
  }

  @Test
  void captureOfTheWholeNodeWithoutSamples() {
    CliRun run = CliRun.of("capture", "--node-id", "it-node", "--no-samples");

    assertThat(run.exitCode()).as(run.err()).isZero();
    DiagnosticCaptureResponse capture = json.read(run.out(), DiagnosticCaptureResponse.class);
    assertThat(capture.nodeId()).isEqualTo("it-node");
    assertThat(capture.nodeDiagnostics().runtime().nodeId()).isEqualTo("it-node");
    assertThat(capture.processSamples()).isEmpty();
  }

  @Test
  void captureOfAnUnknownRunnerSaysSoAndExitsOne() {
    CliRun run = CliRun.of("capture", "--node-id", "it-node", "--runner", "no-such-runner");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("No local runner matched the requested runnerId/taskId.");
  }

  @Test
  void serveAnswersOverHttpAndStopsCleanlyOnSigint() throws Exception {
    Path jar = Path.of("target", "skulk-diag.jar");
    assertThat(jar).as("the shaded jar is packaged before integration tests").exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process serve = new ProcessBuilder(java, "-jar", jar.toString(), "serve", "--port", "0", "--node-id", "served")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      BufferedReader err = new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> banner = CompletableFuture.supplyAsync(() -> {
        try {
          for (String line = err.readLine(); line != null; line = err.readLine()) {
            if (line.contains("serving node")) {
              return line;
            }
          }
          return "";
        } catch (java.io.IOException e) {
          return "";
        }
      }, SkulkDiagIT::onOwnThread);
      String line = banner.get(60, TimeUnit.SECONDS);
      Matcher port = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)").matcher(line);
      assertThat(port.find()).as(line).isTrue();
      String base = "http://127.0.0.1:" + port.group(1);

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpResponse<String> nodeId = http.send(HttpRequest.newBuilder(URI.create(base + "/node_id"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> node = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/diagnostics/node"))
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(nodeId.body()).isEqualTo("\"served\"");
      assertThat(node.statusCode()).isEqualTo(200);
      NodeDiagnostics served = json.read(node.body(), NodeDiagnostics.class);
      assertThat(served.runtime().nodeId()).isEqualTo("served");
      // Python Skulk starts every node as its own master: the dashboard's Node tab selects it.
      assertThat(served.runtime().isMaster()).isTrue();
      assertThat(served.runtime().masterNodeId()).isEqualTo("served");
      HttpResponse<String> cluster = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/diagnostics/cluster"))
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(cluster.statusCode()).isEqualTo(200);
      assertThat(json.read(cluster.body(), dev.skulk.diagnostics.model.ClusterDiagnostics.class).masterNodeId())
          .isEqualTo("served");

      new ProcessBuilder("kill", "-INT", Long.toString(serve.pid())).start().waitFor(10, TimeUnit.SECONDS);
      assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("serve stops on SIGINT").isTrue();
      assertThat(serve.exitValue()).isEqualTo(130);
    } finally {
      serve.destroyForcibly();
    }
  }

  @Test
  void aMissingHomeGetsNoDirectoriesAndNoStackTraces(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path jar = Path.of("target", "skulk-diag.jar");
    assertThat(jar).as("the shaded jar is packaged before integration tests").exists();
    Path home = tmp.resolve("no-such-home");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process node = new ProcessBuilder(java, "-Duser.home=" + home, "-jar", jar.toString(), "node")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(tmp.resolve("stderr.txt").toFile())
        .start();
    assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(tmp.resolve("stderr.txt"));
    assertThat(node.exitValue()).as(err).isZero();
    assertThat(home).as("JNA unpacks into the JVM's temp dir, not under a missing HOME").doesNotExist();
    assertThat(err).as("one line per degraded collector, the trace only at DEBUG").doesNotContain("\tat ");
  }

  @Test
  void theJarWritesUtf8UnderTheCLocaleAndFailsOnAFullDisk() throws Exception {
    Path jar = Path.of("target", "skulk-diag.jar");
    assertThat(jar).as("the shaded jar is packaged before integration tests").exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path input = Files.createTempFile("skulk-diag-it", ".json");
    Path output = Files.createTempFile("skulk-diag-it", ".out");
    try {
      String marker = "caf\u00e9 \u2014 \uD83D\uDE00";
      Files.writeString(input, json.write(SampleBundles.nodeWithTwoRunnersMidDecode())
          .replace("\"hostname\":\"", "\"hostname\":\"" + marker), StandardCharsets.UTF_8);
      ProcessBuilder normalize = new ProcessBuilder(java, "-jar", jar.toString(), "normalize", input.toString())
          .redirectOutput(output.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD);
      normalize.environment().remove("LANG");
      normalize.environment().put("LC_ALL", "C");
      Process run = normalize.start();
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(run.exitValue()).isZero();
      assertThat(Files.readString(output, StandardCharsets.UTF_8)).contains(marker);

      Path full = Path.of("/dev/full");
      org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "/dev/full exists (Linux)");
      Process toFull = new ProcessBuilder(java, "-jar", jar.toString(), "normalize", input.toString())
          .redirectOutput(full.toFile())
          .start();
      String err = new String(toFull.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(toFull.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(toFull.exitValue()).as(err).isEqualTo(1);
      assertThat(err.lines()).hasSize(1);
      assertThat(err).contains("cannot write to standard output");
    } finally {
      Files.deleteIfExists(input);
      Files.deleteIfExists(output);
    }
  }

  /** Blocking reads get a daemon thread of their own, never a worker of the shared pool. */
  private static void onOwnThread(Runnable task) {
    Thread thread = new Thread(task, "skulk-diag-it-reader");
    thread.setDaemon(true);
    thread.start();
  }
}
