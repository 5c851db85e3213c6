package dev.skulk.diagnostics.cli.triage;

import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing triage thinks is wrong, with the evidence it rests on: the node and runner it was read
 * from, and the field and value that show it, so an operator can check it in the raw bundle.
 *
 * <p>Immutable and thread-safe.
 *
 * @param severity how bad it is
 * @param code a stable kebab-case name (for scripts): {@code rank-disagreement}, {@code stuck-phase},
 *     {@code dead-runner}, {@code no-progress}, {@code leaked-wired-memory}, {@code low-memory},
 *     {@code swap-pressure}, {@code master-outside-placement}, {@code collector-failure}, {@code
 *     clock-offset}, {@code unreachable-node}
 * @param nodeId the node the evidence comes from
 * @param runnerId the runner, when the finding is about one
 * @param field the bundle field that shows it, as a path inside the node bundle
 * @param value that field's value, as text
 * @param message one sentence for a person
 */
public record Finding(
    Severity severity,
    String code,
    String nodeId,
    @Nullable String runnerId,
    String field,
    String value,
    String message) {

  /** Worst first, then by code, node, runner and message, so a report reads the same every time. */
  public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
      .thenComparing(Finding::code)
      .thenComparing(Finding::nodeId)
      .thenComparing(f -> f.runnerId() == null ? "" : f.runnerId())
      .thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(message, "message");
  }
}
