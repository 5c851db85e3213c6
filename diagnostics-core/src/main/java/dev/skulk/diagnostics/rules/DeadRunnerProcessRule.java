package dev.skulk.diagnostics.rules;

import static dev.skulk.diagnostics.rules.ShortIds.shortId;

import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.spi.DiagnosticRule;
import dev.skulk.diagnostics.state.ClusterStateView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Extended (opt-in) rule: a runner whose subprocess was started (it has a pid) and is no longer
 * alive, while its supervisor's status is not a terminal one (default: only {@code RunnerFailed}).
 * The supervisor has not noticed the exit, so cluster state still counts on the runner. Text:
 * {@code Runner <r> process <pid> is not alive (exit code <c>) but its status is <status>; the
 * supervisor may not have noticed the exit.}
 *
 * <p>Immutable and thread-safe; linear in the number of supervisors.
 */
public final class DeadRunnerProcessRule implements DiagnosticRule {

  /** The rule's stable name. */
  public static final String NAME = "extended.dead-runner-process";

  /** The default terminal statuses: a failed runner is expected to be dead. */
  public static final Set<String> DEFAULT_TERMINAL_STATUSES = Set.of("RunnerFailed");

  private final Set<String> terminalStatuses;

  /** With the default terminal statuses. */
  public DeadRunnerProcessRule() {
    this(DEFAULT_TERMINAL_STATUSES);
  }

  /** @param terminalStatuses the status variant names under which a dead process is expected */
  public DeadRunnerProcessRule(Set<String> terminalStatuses) {
    this.terminalStatuses = Set.copyOf(terminalStatuses);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> evaluate(NodeDiagnostics draft, ClusterStateView state) {
    List<String> warnings = new ArrayList<>();
    for (RunnerSupervisorDiagnostics runner : draft.supervisorRunners()) {
      if (runner.pid() == null || runner.processAlive() || terminalStatuses.contains(runner.statusKind())) {
        continue;
      }
      String exit = runner.exitCode() == null ? "no exit code" : "exit code " + runner.exitCode();
      warnings.add("Runner " + shortId(runner.runnerId()) + " process " + runner.pid() + " is not alive ("
          + exit + ") but its status is " + runner.statusKind()
          + "; the supervisor may not have noticed the exit.");
    }
    return Warnings.sortedDistinct(warnings);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
