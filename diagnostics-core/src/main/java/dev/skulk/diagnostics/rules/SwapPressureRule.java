package dev.skulk.diagnostics.rules;

import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.spi.DiagnosticRule;
import dev.skulk.diagnostics.state.ClusterStateView;
import java.util.List;

/**
 * Extended (opt-in) rule: swap in use (total minus available) above a fraction of total swap
 * (default 50%), on a node that has swap. Live reading first, gathered one otherwise. Text: {@code
 * Swap use is high: <u> GB of <t> GB (<p>%) in use, over the 50% threshold.}
 *
 * <p>Immutable and thread-safe; constant cost.
 */
public final class SwapPressureRule implements DiagnosticRule {

  /** The rule's stable name. */
  public static final String NAME = "extended.swap-pressure";

  /** The default threshold, as a fraction of total swap. */
  public static final double DEFAULT_RATIO = 0.50;

  private final double ratio;

  /** With the default threshold. */
  public SwapPressureRule() {
    this(DEFAULT_RATIO);
  }

  /** @param ratio the fraction of total swap above which swap use is high, in (0, 1) */
  public SwapPressureRule(double ratio) {
    this.ratio = Thresholds.ratio(ratio, "ratio");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> evaluate(NodeDiagnostics draft, ClusterStateView state) {
    MemoryUsage memory = LowAvailableMemoryRule.memory(draft);
    if (memory == null || memory.swapTotal().inBytes() <= 0) {
      return List.of();
    }
    long total = memory.swapTotal().inBytes();
    long used = total - memory.swapAvailable().inBytes();
    double share = (double) used / total;
    if (share <= ratio) {
      return List.of();
    }
    return List.of("Swap use is high: " + GigabyteFormat.gib(used) + " GB of " + GigabyteFormat.gib(total)
        + " GB (" + GigabyteFormat.oneDecimal(share * 100) + "%) in use, over the "
        + Thresholds.percentText(ratio) + "% threshold.");
  }

  @Override
  public String toString() {
    return NAME + "(" + ratio + ")";
  }
}
