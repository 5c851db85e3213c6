package dev.skulk.diagnostics.rules;

import static dev.skulk.diagnostics.rules.ShortIds.shortId;

import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.spi.DiagnosticRule;
import dev.skulk.diagnostics.state.ClusterStateView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Extended (opt-in) rule: the live local runners of one instance report different phases, and
 * have for longer than a threshold (default 30 s). The disagreement started when the most recent
 * of them entered its phase, so its age is the smallest {@code secondsInPhase} of the group. Text:
 * {@code Ranks of instance <i> have disagreed on their phase for <s> s, over the <t> s threshold:
 * rank 0 in decode_barrier, rank 1 in prefill_barrier.}
 *
 * <p>Only the runners this node supervises are compared (a node sees its own ranks live). Immutable
 * and thread-safe; O(n log n) in the number of supervisors.
 */
public final class RankDisagreementRule implements DiagnosticRule {

  /** The rule's stable name. */
  public static final String NAME = "extended.rank-disagreement";

  /** The default threshold. */
  public static final Duration DEFAULT_THRESHOLD = Duration.ofSeconds(30);

  private final Duration threshold;

  /** With the default threshold. */
  public RankDisagreementRule() {
    this(DEFAULT_THRESHOLD);
  }

  /** @param threshold how long ranks may disagree; positive */
  public RankDisagreementRule(Duration threshold) {
    this.threshold = Thresholds.positive(threshold, "threshold");
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
    Map<String, List<RunnerSupervisorDiagnostics>> byInstance = new LinkedHashMap<>();
    for (RunnerSupervisorDiagnostics runner : draft.supervisorRunners()) {
      if (runner.processAlive()) {
        byInstance.computeIfAbsent(runner.instanceId(), k -> new ArrayList<>()).add(runner);
      }
    }
    double limit = Thresholds.seconds(threshold);
    List<String> warnings = new ArrayList<>();
    byInstance.forEach(
        (instanceId, runners) -> {
          long phases = runners.stream().map(RunnerSupervisorDiagnostics::phase).distinct().count();
          double age = runners.stream().mapToDouble(RunnerSupervisorDiagnostics::secondsInPhase).min().orElse(0);
          if (phases < 2 || age <= limit) {
            return;
          }
          String ranks = runners.stream()
              .sorted(Comparator.comparingInt(RunnerSupervisorDiagnostics::deviceRank)
                  .thenComparing(RunnerSupervisorDiagnostics::runnerId))
              .map(r -> "rank " + r.deviceRank() + " in " + r.phase().wireValue())
              .collect(Collectors.joining(", "));
          warnings.add("Ranks of instance " + shortId(instanceId) + " have disagreed on their phase for "
              + GigabyteFormat.oneDecimal(age) + " s, over the " + Thresholds.secondsText(threshold)
              + " s threshold: " + ranks + ".");
        });
    return Warnings.sortedDistinct(warnings);
  }

  @Override
  public String toString() {
    return NAME + "(" + threshold + ")";
  }
}
