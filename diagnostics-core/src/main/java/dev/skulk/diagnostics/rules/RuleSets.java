package dev.skulk.diagnostics.rules;

import dev.skulk.diagnostics.spi.DiagnosticRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in rule lists. {@link #skulk()} is the assembler's default: exactly Python Skulk's
 * warnings. {@link #extended()} adds our own heuristics with their default thresholds; build a list
 * by hand (for example {@code new StuckPhaseRule(Duration.ofSeconds(120), StuckPhaseRule.WAIT_PHASES)})
 * to change one.
 *
 * <p>Stateless and thread-safe; the lists are immutable and their rules stateless.
 */
public final class RuleSets {

  private static final List<DiagnosticRule> SKULK =
      List.of(new PlacementWarningsRule(), new RunnerDivergenceRule(), new LeakedWiredMemoryRule());

  private RuleSets() {}

  /** Python Skulk's rules: placement, runner divergence, leaked wired memory. */
  public static List<DiagnosticRule> skulk() {
    return SKULK;
  }

  /** Our opt-in rules alone, with default thresholds. */
  public static List<DiagnosticRule> ours() {
    return List.of(new StuckPhaseRule(), new RankDisagreementRule(), new DeadRunnerProcessRule(),
        new LowAvailableMemoryRule(), new SwapPressureRule());
  }

  /** {@link #skulk()} followed by {@link #ours()}. */
  public static List<DiagnosticRule> extended() {
    List<DiagnosticRule> rules = new ArrayList<>(SKULK);
    rules.addAll(ours());
    return List.copyOf(rules);
  }
}
