package dev.skulk.diagnostics.cli.triage;

import static dev.skulk.diagnostics.rules.ShortIds.shortId;

import dev.skulk.diagnostics.cli.triage.TriageReport.BundleWarning;
import dev.skulk.diagnostics.cli.triage.TriageReport.InstanceTable;
import dev.skulk.diagnostics.cli.triage.TriageReport.NodeLine;
import dev.skulk.diagnostics.cli.triage.TriageReport.RankRow;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link TriageReport} as text (for a person on a terminal), markdown (for a ticket) or
 * JSON (for a script). Text and markdown shorten node and runner ids as Skulk's warnings do; JSON
 * keeps them whole.
 *
 * <p>Stateless and thread-safe.
 */
public final class TriageRenderer {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TriageRenderer() {}

  /** The report as text lines, decorated by {@code style}. */
  public static List<String> text(TriageReport report, ReportStyle style) {
    List<String> lines = new ArrayList<>();
    lines.add(style.bold("Triage of a " + report.kind() + " bundle from " + shortId(report.localNodeId())
        + ", generated " + report.generatedAt()
        + (report.masterNodeId() != null ? "; master " + shortId(report.masterNodeId()) : "; master unknown")));
    lines.add("");
    lines.add(style.bold("Nodes"));
    List<List<String>> nodeRows = new ArrayList<>();
    for (NodeLine node : report.nodes()) {
      nodeRows.add(node.ok()
          ? List.of("ok", shortId(node.nodeId()), orDash(node.friendlyName()),
              node.generatedAt() != null ? "generated " + node.generatedAt() : "")
          : List.of("unreachable", shortId(node.nodeId()), "-", orDash(node.error())));
    }
    for (String row : table(null, nodeRows)) {
      String decorated = row.startsWith("ok ") ? style.green("ok") + row.substring(2)
          : row.startsWith("unreachable") ? style.red("unreachable") + row.substring("unreachable".length()) : row;
      lines.add("  " + decorated);
    }
    for (InstanceTable instance : report.instances()) {
      lines.add("");
      lines.add(style.bold("Instance " + shortId(instance.instanceId()) + " (" + instance.modelId() + ")"));
      for (String row : table(List.of("NODE", "RANK", "LAYERS", "STATUS", "PHASE", "IN PHASE", "ALIVE", "TASK"),
          rankCells(instance.ranks()))) {
        lines.add("  " + row);
      }
    }
    lines.add("");
    lines.add(style.bold("Warnings in the bundle" + (report.warnings().isEmpty() ? ": none" : " (" + report.warnings().size() + ")")));
    for (BundleWarning warning : report.warnings()) {
      lines.add(ReportStyle.clean("  " + shortId(warning.nodeId()) + "  " + warning.text()));
    }
    lines.add("");
    lines.add(style.bold("Findings: " + summary(report)));
    for (Finding f : report.findings()) {
      String label = f.severity().name();
      lines.add("  " + style.severity(f.severity(), label) + ReportStyle.clean(" ".repeat(10 - label.length())
          + f.code() + "  node " + shortId(f.nodeId()) + (f.runnerId() != null ? "  runner " + shortId(f.runnerId()) : "")
          + "  " + f.field() + " = " + f.value()));
      lines.add(ReportStyle.clean("            " + f.message()));
    }
    return lines.stream().map(line -> style.fit(line.stripTrailing())).toList();
  }

  /**
   * One compact frame of {@code skulk-diag watch}: a status line, the rank tables and one line per
   * finding, without the bundle's warnings or the findings' evidence.
   */
  public static List<String> compact(TriageReport report, String takenAt, ReportStyle style) {
    List<String> lines = new ArrayList<>();
    long unreachable = report.nodes().stream().filter(n -> !n.ok()).count();
    lines.add(style.bold("skulk-diag watch  " + takenAt + "  " + report.nodes().size() + " node"
        + (report.nodes().size() == 1 ? "" : "s") + (unreachable > 0 ? " (" + unreachable + " unreachable)" : "")
        + "  findings: " + summary(report)));
    for (NodeLine node : report.nodes()) {
      if (!node.ok()) {
        lines.add("  " + style.red("unreachable") + ReportStyle.clean("  " + shortId(node.nodeId()) + "  "
            + orDash(node.error())));
      }
    }
    for (InstanceTable instance : report.instances()) {
      lines.add(style.bold(shortId(instance.instanceId()) + " (" + instance.modelId() + ")"));
      for (String row : table(List.of("NODE", "RANK", "STATUS", "PHASE", "IN PHASE", "ALIVE", "TASK"),
          rankCells(instance.ranks()).stream().map(r -> List.of(r.get(0), r.get(1), r.get(3), r.get(4), r.get(5),
              r.get(6), r.get(7))).toList())) {
        lines.add("  " + row);
      }
    }
    for (Finding f : report.findings()) {
      lines.add(style.severity(f.severity(), f.severity().name()) + ReportStyle.clean(" " + f.code() + ": " + f.message()));
    }
    return lines.stream().map(line -> style.fit(line.stripTrailing())).toList();
  }

  /** The report as GitHub-flavoured markdown lines. */
  public static List<String> markdown(TriageReport report) {
    List<String> lines = new ArrayList<>();
    lines.add("# Triage of a " + report.kind() + " bundle from `" + shortId(report.localNodeId()) + "`");
    lines.add("");
    lines.add("Generated " + report.generatedAt() + "; master "
        + (report.masterNodeId() != null ? "`" + shortId(report.masterNodeId()) + "`" : "unknown") + ".");
    lines.add("");
    lines.add("## Nodes");
    lines.add("");
    lines.add("| node | state | detail |");
    lines.add("|---|---|---|");
    for (NodeLine node : report.nodes()) {
      lines.add("| `" + shortId(node.nodeId()) + "` | " + (node.ok() ? "ok" : "unreachable") + " | "
          + cell(node.ok() ? (node.friendlyName() != null ? node.friendlyName() + ", " : "") + "generated "
              + orDash(node.generatedAt()) : orDash(node.error())) + " |");
    }
    for (InstanceTable instance : report.instances()) {
      lines.add("");
      lines.add("## Instance `" + shortId(instance.instanceId()) + "` (" + cell(instance.modelId()) + ")");
      lines.add("");
      lines.add("| node | rank | layers | status | phase | in phase | alive | task |");
      lines.add("|---|---|---|---|---|---|---|---|");
      for (List<String> row : rankCells(instance.ranks())) {
        lines.add("| " + String.join(" | ", row.stream().map(TriageRenderer::cell).toList()) + " |");
      }
    }
    lines.add("");
    lines.add("## Warnings in the bundle");
    lines.add("");
    if (report.warnings().isEmpty()) {
      lines.add("None.");
    }
    for (BundleWarning warning : report.warnings()) {
      lines.add("- `" + shortId(warning.nodeId()) + "`: " + warning.text());
    }
    lines.add("");
    lines.add("## Findings: " + summary(report));
    if (!report.findings().isEmpty()) {
      lines.add("");
    }
    for (Finding f : report.findings()) {
      lines.add("- **" + f.severity().label() + "** `" + f.code() + "` on `" + shortId(f.nodeId()) + "`"
          + (f.runnerId() != null ? ", runner `" + shortId(f.runnerId()) + "`" : "") + " (`" + f.field() + "` = `"
          + f.value().replace("`", "'") + "`): " + f.message());
    }
    return lines.stream().map(ReportStyle::clean).toList();
  }

  /** The report as one JSON document (ids whole), pretty-printed. */
  public static String json(TriageReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("kind", report.kind());
    root.put("generatedAt", report.generatedAt());
    root.put("localNodeId", report.localNodeId());
    root.put("masterNodeId", report.masterNodeId());
    root.put("critical", report.count(Severity.CRITICAL));
    root.put("warning", report.count(Severity.WARNING));
    ArrayNode nodes = root.putArray("nodes");
    for (NodeLine node : report.nodes()) {
      ObjectNode n = nodes.addObject();
      n.put("nodeId", node.nodeId());
      n.put("ok", node.ok());
      n.put("friendlyName", node.friendlyName());
      n.put("generatedAt", node.generatedAt());
      n.put("error", node.error());
    }
    ArrayNode instances = root.putArray("instances");
    for (InstanceTable instance : report.instances()) {
      ObjectNode i = instances.addObject();
      i.put("instanceId", instance.instanceId());
      i.put("modelId", instance.modelId());
      ArrayNode ranks = i.putArray("ranks");
      for (RankRow r : instance.ranks()) {
        ObjectNode o = ranks.addObject();
        o.put("nodeId", r.nodeId());
        o.put("runnerId", r.runnerId());
        o.put("rank", r.rank());
        o.put("worldSize", r.worldSize());
        o.put("layers", r.layers());
        o.put("status", r.status());
        o.put("phase", r.phase());
        o.put("secondsInPhase", r.secondsInPhase());
        o.put("alive", r.alive());
        o.put("activeTaskId", r.activeTaskId());
        o.put("reported", r.reported());
      }
    }
    ArrayNode warnings = root.putArray("warnings");
    for (BundleWarning warning : report.warnings()) {
      warnings.addObject().put("nodeId", warning.nodeId()).put("text", warning.text());
    }
    ArrayNode findings = root.putArray("findings");
    for (Finding f : report.findings()) {
      ObjectNode o = findings.addObject();
      o.put("severity", f.severity().label());
      o.put("code", f.code());
      o.put("nodeId", f.nodeId());
      o.put("runnerId", f.runnerId());
      o.put("field", f.field());
      o.put("value", f.value());
      o.put("message", f.message());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  private static String summary(TriageReport report) {
    long critical = report.count(Severity.CRITICAL);
    long warning = report.count(Severity.WARNING);
    if (critical == 0 && warning == 0) {
      return "none";
    }
    return critical + " critical, " + warning + (warning == 1 ? " warning" : " warnings");
  }

  private static List<List<String>> rankCells(List<RankRow> ranks) {
    List<List<String>> rows = new ArrayList<>();
    for (RankRow r : ranks) {
      rows.add(List.of(shortId(r.nodeId()), r.rank() + "/" + r.worldSize(), orDash(r.layers()), orDash(r.status()),
          r.reported() ? orDash(r.phase()) : "(not reported)",
          r.secondsInPhase() != null ? Numbers.oneDecimal(r.secondsInPhase()) + " s" : "-",
          r.alive() == null ? "?" : r.alive() ? "yes" : "NO", orDash(r.activeTaskId())));
    }
    return rows;
  }

  /** Left-aligned columns two spaces apart, widths from the widest cell (code points). */
  private static List<String> table(@Nullable List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    if (header != null) {
      all.add(header);
    }
    rows.forEach(row -> all.add(row.stream().map(ReportStyle::clean).toList()));
    int columns = all.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : all) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], length(row.get(c)));
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        line.append(row.get(c));
        if (c < row.size() - 1) {
          line.append(" ".repeat(widths[c] - length(row.get(c)) + 2));
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  private static String orDash(@Nullable String text) {
    return text == null ? "-" : text;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
