package dev.skulk.diagnostics.rules;

import static dev.skulk.diagnostics.rules.ShortIds.shortId;

import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.spi.DiagnosticRule;
import dev.skulk.diagnostics.state.ClusterStateView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Extended (opt-in) rule: a live runner that has sat in a barrier or wait phase for longer than a
 * threshold, the usual sign of a peer rank that is stuck or gone. Default phases: {@code
 * connect_group}, {@code task_agreement}, {@code prefill_barrier}, {@code decode_barrier}, {@code
 * decode_wait_first_token}; default threshold 60 s. Text: {@code Runner <r> has been in phase
 * <phase> for <s> s, over the <t> s threshold for a barrier or wait phase; a peer rank may be stuck
 * or unreachable.}
 *
 * <p>Immutable and thread-safe; linear in the number of supervisors.
 */
public final class StuckPhaseRule implements DiagnosticRule {

  /** The rule's stable name. */
  public static final String NAME = "extended.stuck-phase";

  /** The default threshold. */
  public static final Duration DEFAULT_THRESHOLD = Duration.ofSeconds(60);

  /** The phases in which a runner waits on its peers. */
  public static final Set<RunnerPhase> WAIT_PHASES =
      Set.copyOf(EnumSet.of(RunnerPhase.CONNECT_GROUP, RunnerPhase.TASK_AGREEMENT,
          RunnerPhase.PREFILL_BARRIER, RunnerPhase.DECODE_BARRIER, RunnerPhase.DECODE_WAIT_FIRST_TOKEN));

  private final Duration threshold;
  private final Set<RunnerPhase> phases;

  /** With the default threshold and phases. */
  public StuckPhaseRule() {
    this(DEFAULT_THRESHOLD, WAIT_PHASES);
  }

  /**
   * @param threshold how long a runner may stay in one of {@code phases}; positive
   * @param phases the phases watched
   */
  public StuckPhaseRule(Duration threshold, Set<RunnerPhase> phases) {
    this.threshold = Thresholds.positive(threshold, "threshold");
    this.phases = Set.copyOf(phases);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The threshold in use. */
  public Duration threshold() {
    return threshold;
  }

  @Override
  public List<String> evaluate(NodeDiagnostics draft, ClusterStateView state) {
    double limit = Thresholds.seconds(threshold);
    List<String> warnings = new ArrayList<>();
    for (RunnerSupervisorDiagnostics runner : draft.supervisorRunners()) {
      if (runner.processAlive() && phases.contains(runner.phase()) && runner.secondsInPhase() > limit) {
        warnings.add("Runner " + shortId(runner.runnerId()) + " has been in phase "
            + runner.phase().wireValue() + " for " + GigabyteFormat.oneDecimal(runner.secondsInPhase())
            + " s, over the " + Thresholds.secondsText(threshold)
            + " s threshold for a barrier or wait phase; a peer rank may be stuck or unreachable.");
      }
    }
    return Warnings.sortedDistinct(warnings);
  }

  @Override
  public String toString() {
    return NAME + "(" + threshold + ")";
  }
}
