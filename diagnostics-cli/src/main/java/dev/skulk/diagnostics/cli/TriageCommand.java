package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.cli.triage.Triage;
import dev.skulk.diagnostics.cli.triage.TriageRenderer;
import dev.skulk.diagnostics.cli.triage.TriageReport;
import dev.skulk.diagnostics.json.DiagnosticsFormatException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skulk-diag triage}: what is wrong in a bundle, on one screen. */
@Command(
    name = "triage",
    mixinStandardHelpOptions = true,
    header = "Says what is wrong in a bundle (file, stdin or a live node), worst first.",
    description = {
      "Reads a node, cluster, timeline or capture bundle (Python- or Java-written) and prints one line per",
      "node, a table of ranks per instance, every warning the bundle carries, and our own findings, each",
      "naming its evidence (node, runner, field, value): ranks that disagree, dead runners with work,",
      "runners without progress, leaked wired memory, RAM and swap pressure, a master outside its placement,",
      "collector failures, clock offsets and unreachable nodes. Thresholds are the core rules' defaults.",
      "SOURCE is a file, - for standard input, or a node's base URL (http://127.0.0.1:52415), whose",
      "cluster view is fetched. Colour and width only when standard output is a terminal.",
      "Exit 0 when no finding is critical, 3 when one is, 1 when the source cannot be read."
    })
final class TriageCommand implements Callable<Integer> {

  /** Exit status when a finding is critical. */
  static final int CRITICAL = 3;

  enum Format { text, markdown, json }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Option(names = "--type", paramLabel = "TYPE",
      description = "Document type: ${COMPLETION-CANDIDATES}. Detected from the top-level keys when not given.")
  @Nullable BundleType type;

  @Option(names = "--lenient", description = "Ignore unknown fields (for documents from newer peers).")
  boolean lenient;

  @Option(names = "--max-input-bytes", paramLabel = "BYTES",
      description = "Refuse a document larger than this many bytes (default: ${DEFAULT-VALUE}, 64 MiB).")
  long maxInputBytes = DocumentOptions.DEFAULT_MAX_INPUT_BYTES;

  @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "15",
      description = "For a URL: how long to wait for the node's answer, in seconds (default: ${DEFAULT-VALUE}).")
  double deadlineSeconds = 15;

  @Parameters(index = "0", paramLabel = "SOURCE",
      description = "A bundle file, - for standard input, or a node's base URL (http://HOST:52415).")
  String source = "-";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DocumentOptions.checkMaxInputBytes(spec, maxInputBytes);
    Duration deadline = Durations.ofSeconds(deadlineSeconds, "--deadline");
    Loaded loaded = Loaded.load(source, type, lenient, maxInputBytes, deadline, LiveSource.CLUSTER_PATH, spec);
    if (loaded.document() == null) {
      return 1;
    }
    TriageReport report = Triage.withDefaults().analyse(loaded.document(), loaded.window());
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> out.println(TriageRenderer.json(report));
      case markdown -> TriageRenderer.markdown(report).forEach(out::println);
      case text -> TriageRenderer.text(report, Terminal.stdoutStyle()).forEach(out::println);
    }
    out.flush();
    return report.hasCritical() ? CRITICAL : 0;
  }

  /**
   * A document read from a file, stdin or a live node, or null after saying on stderr why it could
   * not be (a parse error names the JSON path).
   */
  record Loaded(@Nullable Object document, Triage.@Nullable FetchWindow window) {

    static Loaded load(String source, @Nullable BundleType type, boolean lenient, long maxInputBytes,
        Duration deadline, String livePath, CommandSpec spec) {
      DocumentOptions document = new DocumentOptions();
      document.type = type;
      document.lenient = lenient;
      document.maxInputBytes = maxInputBytes;
      document.file = source;
      try {
        if (LiveSource.isUrl(source)) {
          LiveSource.Fetched fetched = LiveSource.fetch(source, livePath, deadline, maxInputBytes);
          return new Loaded(document.read(fetched.body()), new Triage.FetchWindow(fetched.sent(), fetched.received()));
        }
        return new Loaded(document.read(document.readBytes(System.in)), null);
      } catch (DiagnosticsFormatException | UncheckedIOException e) {
        spec.commandLine().getErr().println(e.getMessage());
        spec.commandLine().getErr().flush();
        return new Loaded(null, null);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println(e.getMessage());
        spec.commandLine().getErr().flush();
        return new Loaded(null, null);
      }
    }
  }
}
