package dev.skulk.diagnostics.rules;

import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.spi.DiagnosticRule;
import dev.skulk.diagnostics.state.ClusterStateView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Extended (opt-in) rule: available RAM under a fraction of total RAM (default 10%), from the live
 * reading ({@code currentMemory}) or, without one, the gathered one. Text: {@code Available RAM is
 * low: <a> GB of <t> GB (<p>%) available, under the 10% threshold.}
 *
 * <p>Immutable and thread-safe; constant cost.
 */
public final class LowAvailableMemoryRule implements DiagnosticRule {

  /** The rule's stable name. */
  public static final String NAME = "extended.low-available-memory";

  /** The default threshold, as a fraction of total RAM. */
  public static final double DEFAULT_RATIO = 0.10;

  private final double ratio;

  /** With the default threshold. */
  public LowAvailableMemoryRule() {
    this(DEFAULT_RATIO);
  }

  /** @param ratio the fraction of total RAM under which available RAM is low, in (0, 1) */
  public LowAvailableMemoryRule(double ratio) {
    this.ratio = Thresholds.ratio(ratio, "ratio");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> evaluate(NodeDiagnostics draft, ClusterStateView state) {
    MemoryUsage memory = memory(draft);
    if (memory == null || memory.ramTotal().inBytes() <= 0) {
      return List.of();
    }
    long total = memory.ramTotal().inBytes();
    long available = memory.ramAvailable().inBytes();
    double share = (double) available / total;
    if (share >= ratio) {
      return List.of();
    }
    return List.of("Available RAM is low: " + GigabyteFormat.gib(available) + " GB of "
        + GigabyteFormat.gib(total) + " GB (" + GigabyteFormat.oneDecimal(share * 100) + "%) available, under the "
        + Thresholds.percentText(ratio) + "% threshold.");
  }

  static @Nullable MemoryUsage memory(NodeDiagnostics draft) {
    MemoryUsage current = draft.resources().currentMemory();
    return current != null ? current : draft.resources().gatheredMemory();
  }

  @Override
  public String toString() {
    return NAME + "(" + ratio + ")";
  }
}
