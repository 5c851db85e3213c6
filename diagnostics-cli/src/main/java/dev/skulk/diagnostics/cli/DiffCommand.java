package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.cli.triage.BundleDiff;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skulk-diag diff}: is it wedged or just slow? Two snapshots, compared. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    header = "Compares two bundles of the same node or cluster: is it wedged or just slow?",
    description = {
      "Compares two node, cluster or capture bundles taken some seconds apart. Per runner: progress",
      "(new flight-recorder entries, a phase change, completed tasks) or STUCK (busy and nothing moved);",
      "RAM, swap and wired deltas; processes that appeared or vanished; new and cleared warnings.",
      "OLD and NEW are files, - for standard input (one of them), or a node's base URL."
    })
final class DiffCommand implements Callable<Integer> {

  enum Format { text, json }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Option(names = "--lenient", description = "Ignore unknown fields (for documents from newer peers).")
  boolean lenient;

  @Option(names = "--max-input-bytes", paramLabel = "BYTES",
      description = "Refuse a document larger than this many bytes (default: ${DEFAULT-VALUE}, 64 MiB).")
  long maxInputBytes = DocumentOptions.DEFAULT_MAX_INPUT_BYTES;

  @Parameters(index = "0", paramLabel = "OLD", description = "The older bundle.")
  String older = "-";

  @Parameters(index = "1", paramLabel = "NEW", description = "The newer bundle.")
  String newer = "-";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DocumentOptions.checkMaxInputBytes(spec, maxInputBytes);
    if ("-".equals(older) && "-".equals(newer)) {
      throw new IllegalArgumentException("OLD and NEW cannot both be standard input");
    }
    @Nullable Object before = load(older);
    if (before == null) {
      return 1;
    }
    @Nullable Object after = load(newer);
    if (after == null) {
      return 1;
    }
    BundleDiff diff;
    try {
      diff = BundleDiff.of(before, after);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(diff.json());
    } else {
      diff.text().forEach(out::println);
    }
    out.flush();
    return 0;
  }

  private @Nullable Object load(String source) {
    return TriageCommand.Loaded.load(source, null, lenient, maxInputBytes, Duration.ofSeconds(15),
        LiveSource.CLUSTER_PATH, spec).document();
  }
}
