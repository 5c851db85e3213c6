package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.cli.triage.ReportStyle;
import dev.skulk.diagnostics.cli.triage.Triage;
import dev.skulk.diagnostics.cli.triage.TriageRenderer;
import dev.skulk.diagnostics.cli.triage.TriageReport;
import dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient;
import dev.skulk.diagnostics.model.Timestamps;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code skulk-diag watch}: a live, compact view of the cluster's ranks and phases. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    header = "Shows the cluster's ranks, phases and findings, refreshed until Ctrl-C.",
    description = {
      "Every --interval, collects the cluster view (this machine and every --peer, or a node's own view",
      "with --url) and shows its ranks, phases and triage findings, redrawn in place on a terminal.",
      "With --once, prints one frame and exits as triage does (0, or 3 on a critical finding)."
    })
final class WatchCommand implements Callable<Integer> {

  @Mixin LocalNodeOptions local;

  @Mixin PeerOptions peers;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s", converter = IntervalConverter.class,
      description = "Time between frames: 500ms, 2s, 1m or plain seconds, 100ms to 1h (default: ${DEFAULT-VALUE}).")
  Duration interval = Duration.ofSeconds(2);

  @Option(names = "--url", paramLabel = "URL",
      description = "Watch this node's own cluster view (http://HOST:52415) instead of collecting from here.")
  @Nullable String url;

  @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "12",
      description = "Deadline of each collection, in seconds (default: ${DEFAULT-VALUE}).")
  double deadlineSeconds = 12;

  @Option(names = "--once", description = "Print one frame and exit.")
  boolean once;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Duration deadline = Durations.ofSeconds(deadlineSeconds, "--deadline");
    PrintWriter out = spec.commandLine().getOut();
    ReportStyle style = Terminal.stdoutStyle();
    try (DiagnosticsAssembler assembler = url == null ? local.newAssembler() : null;
        ClusterDiagnosticsClient client =
            assembler == null ? null : ClusterClients.newClient(local, peers, assembler, deadline)) {
      while (true) {
        @Nullable TriageReport report = frame(client, deadline);
        if (report == null) {
          return 1;
        }
        if (style.colour() && !once) {
          out.print("\u001b[H\u001b[2J"); // home and clear: redraw in place
        }
        TriageRenderer.compact(report, Timestamps.format(Instant.now()), style).forEach(out::println);
        out.flush();
        if (once) {
          return report.hasCritical() ? TriageCommand.CRITICAL : 0;
        }
        Thread.sleep(interval.toMillis());
      }
    }
  }

  private @Nullable TriageReport frame(@Nullable ClusterDiagnosticsClient client, Duration deadline) {
    if (client != null) {
      return Triage.withDefaults().analyse(client.collect(deadline));
    }
    String source = Objects.requireNonNull(url, "without peers a watch reads --url");
    TriageCommand.Loaded loaded = TriageCommand.Loaded.load(source, null, false, DocumentOptions.DEFAULT_MAX_INPUT_BYTES,
        deadline, LiveSource.CLUSTER_PATH, spec);
    return loaded.document() == null ? null : Triage.withDefaults().analyse(loaded.document(), loaded.window());
  }

  /** {@code 500ms}, {@code 2s}, {@code 1m} or plain seconds ({@code 1.5}), between 100 ms and 1 h. */
  static final class IntervalConverter implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

    @Override
    public Duration convert(String value) {
      Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new TypeConversionException("'" + value + "' is not a duration such as 500ms, 2s or 1m");
      }
      double number = Double.parseDouble(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      double millis = switch (unit) {
        case "ms" -> number;
        case "m" -> number * 60_000;
        default -> number * 1000;
      };
      if (millis < 100 || millis > 3_600_000) {
        throw new TypeConversionException("'" + value + "' is outside 100ms to 1h");
      }
      return Duration.ofMillis((long) millis);
    }
  }
}
