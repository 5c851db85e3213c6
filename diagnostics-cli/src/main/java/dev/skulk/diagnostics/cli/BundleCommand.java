package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.cli.triage.ReportStyle;
import dev.skulk.diagnostics.cli.triage.Triage;
import dev.skulk.diagnostics.cli.triage.TriageRenderer;
import dev.skulk.diagnostics.cli.triage.TriageReport;
import dev.skulk.diagnostics.cluster.CaptureService;
import dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient;
import dev.skulk.diagnostics.cluster.ClusterTimelines;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequest;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequestBuilder;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skulk-diag bundle}: one archive to attach to a bug report. */
@Command(
    name = "bundle",
    mixinStandardHelpOptions = true,
    header = "Writes one zip to attach to a bug report: cluster view, timeline, captures, triage, versions.",
    description = {
      "Collects the cluster view (this machine and every --peer, or a node's own view with --url) and",
      "writes one zip: cluster.json, timeline.json, a capture of every runner on a reachable node",
      "(captures/NODE/RUNNER.json; with process samples unless --no-samples; not with --url),",
      "triage.txt and triage.json, versions.txt and errors.txt. Command lines were redacted where they",
      "were collected; user names, passwords and secret-looking query values in URLs are redacted here."
    })
final class BundleCommand implements Callable<Integer> {

  @Mixin LocalNodeOptions local;

  @Mixin PeerOptions peers;

  @Option(names = "--out", paramLabel = "FILE.zip", defaultValue = "skulk-diag-bundle.zip",
      description = "The archive to write (default: ${DEFAULT-VALUE}); an existing file is replaced.")
  Path out = Path.of("skulk-diag-bundle.zip");

  @Option(names = "--url", paramLabel = "URL",
      description = "Bundle this node's own cluster view (http://HOST:52415) instead of collecting from here.")
  @Nullable String url;

  @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "12",
      description = "Deadline of the collection, in seconds (default: ${DEFAULT-VALUE}).")
  double deadlineSeconds = 12;

  @Option(names = "--no-samples", description = "Capture runners without process samples (faster).")
  boolean noSamples;

  @Spec CommandSpec spec;

  private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@'\"]+@");
  private static final Pattern SECRET_QUERY = Pattern.compile(
      "(?i)([?&][^=&\\s'\"]*(?:token|key|secret|password|passwd|auth|signature|sig)[^=&\\s'\"]*=)[^&\\s'\"#]+");

  @Override
  public Integer call() {
    Duration deadline = Durations.ofSeconds(deadlineSeconds, "--deadline");
    DiagnosticsJson json = DiagnosticsJson.strict();
    Map<String, String> files = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    ClusterDiagnostics cluster;
    TriageReport report;
    if (url != null) {
      TriageCommand.Loaded loaded = TriageCommand.Loaded.load(url, BundleType.CLUSTER, false,
          DocumentOptions.DEFAULT_MAX_INPUT_BYTES, deadline, LiveSource.CLUSTER_PATH, spec);
      if (loaded.document() == null) {
        return 1;
      }
      cluster = (ClusterDiagnostics) loaded.document();
      report = Triage.withDefaults().analyse(cluster, loaded.window());
      errors.add("captures: not taken (--url bundles a node's view; run bundle on that node for captures)");
    } else {
      try (DiagnosticsAssembler assembler = local.newAssembler();
          ClusterDiagnosticsClient client = ClusterClients.newClient(local, peers, assembler, deadline)) {
        cluster = client.collect(deadline, ClusterClients.progressOn(spec.commandLine().getErr()));
        report = Triage.withDefaults().analyse(cluster);
        CaptureService localCaptures = CaptureService.builder(assembler::assembleNode).nodeId(local.resolvedNodeId()).build();
        for (ClusterNodeDiagnostics node : cluster.nodes()) {
          NodeDiagnostics bundle = node.diagnostics();
          if (!node.ok() || bundle == null) {
            continue;
          }
          for (RunnerSupervisorDiagnostics runner : bundle.supervisorRunners()) {
            DiagnosticCaptureRequest request = new DiagnosticCaptureRequestBuilder().runnerId(runner.runnerId())
                .includeProcessSamples(!noSamples).sampleDurationSeconds(1.0).build();
            try {
              Object capture = node.nodeId().equals(cluster.localNodeId())
                  // a 1 s sample plus the CLI's 30 s margin, as `capture` gives a proxied capture
                  ? localCaptures.capture(request)
                  : client.capturePeer(node.nodeId(), request, java.time.Duration.ofSeconds(31));
              files.put("captures/" + safe(node.nodeId()) + "/" + safe(runner.runnerId()) + ".json", json.writePretty(capture));
            } catch (Exception e) { // one failed capture must not cost the operator the archive
              errors.add("capture of runner " + runner.runnerId() + " on " + node.nodeId() + ": " + e.getMessage());
            }
          }
        }
      }
    }
    Map<String, String> archive = new LinkedHashMap<>();
    archive.put("cluster.json", json.writePretty(cluster));
    archive.put("timeline.json", json.writePretty(ClusterTimelines.build(cluster)));
    archive.putAll(files);
    archive.put("triage.txt", String.join("\n", TriageRenderer.text(report, ReportStyle.PLAIN)) + "\n");
    archive.put("triage.json", TriageRenderer.json(report) + "\n");
    archive.put("versions.txt", versions(cluster));
    archive.put("errors.txt", errors.isEmpty() ? "none\n" : String.join("\n", errors) + "\n");
    try {
      write(out, archive);
    } catch (IOException e) {
      spec.commandLine().getErr().println("cannot write " + out + ": " + DocumentOptions.why(e));
      return 1;
    }
    spec.commandLine().getErr().println("skulk-diag: wrote " + out + " (" + archive.size() + " files; "
        + report.count(dev.skulk.diagnostics.cli.triage.Severity.CRITICAL) + " critical finding(s))");
    return 0;
  }

  /** Redacts what a URL may carry that is not ours to share, in every file of the archive. */
  static String redact(String text) {
    String withoutUsers = USER_INFO.matcher(text).replaceAll("$1");
    return SECRET_QUERY.matcher(withoutUsers).replaceAll("$1<redacted>");
  }

  private static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private String versions(ClusterDiagnostics cluster) {
    StringBuilder text = new StringBuilder();
    for (String line : new VersionProvider().getVersion()) {
      text.append(line).append('\n');
    }
    for (ClusterNodeDiagnostics node : cluster.nodes()) {
      NodeDiagnostics bundle = node.diagnostics();
      text.append("node ").append(node.nodeId()).append(": ");
      if (bundle == null) {
        text.append("unreachable\n");
      } else {
        text.append("skulk ").append(bundle.runtime().skulkVersion()).append(" commit ")
            .append(bundle.runtime().skulkCommit()).append('\n');
      }
    }
    return text.toString();
  }

  private static void write(Path out, Map<String, String> archive) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(parent, ".skulk-diag-bundle", ".zip");
    try {
      try (OutputStream file = Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING);
          ZipOutputStream zip = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
        for (Map.Entry<String, String> entry : archive.entrySet()) {
          zip.putNextEntry(new ZipEntry(entry.getKey()));
          zip.write(redact(entry.getValue()).getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
        }
      }
      Files.move(temp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | UncheckedIOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }
}
