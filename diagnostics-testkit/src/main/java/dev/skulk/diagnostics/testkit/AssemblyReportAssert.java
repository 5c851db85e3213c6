package dev.skulk.diagnostics.testkit;

import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.assembly.CollectorOutcome;
import dev.skulk.diagnostics.assembly.CollectorOutcome.Status;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on an {@link AssemblyReport}; get one from {@link
 * DiagnosticsAssertions#assertThat(AssemblyReport)}. Not thread-safe.
 */
public final class AssemblyReportAssert extends AbstractAssert<AssemblyReportAssert, AssemblyReport> {

  AssemblyReportAssert(AssemblyReport actual) {
    super(actual, AssemblyReportAssert.class);
  }

  /** The collector with this name has this status. */
  public AssemblyReportAssert hasOutcome(String collectorName, Status status) {
    isNotNull();
    CollectorOutcome outcome = actual.outcome(collectorName);
    if (outcome == null) {
      failWithMessage("Expected an outcome for collector <%s> but the collectors were %s", collectorName,
          actual.outcomes().stream().map(CollectorOutcome::collectorName).collect(Collectors.toList()));
    } else if (outcome.status() != status) {
      failWithMessage("Expected collector <%s> to be <%s> but it was <%s> (cause %s)", collectorName, status,
          outcome.status(), outcome.cause());
    }
    return this;
  }

  /** Every outcome is one of these statuses. */
  public AssemblyReportAssert hasOnlyOutcomes(Status... statuses) {
    isNotNull();
    java.util.Set<Status> allowed = java.util.Set.of(statuses);
    for (CollectorOutcome outcome : actual.outcomes()) {
      if (!allowed.contains(outcome.status())) {
        failWithMessage("Expected only outcomes %s but collector <%s> was <%s>", allowed, outcome.collectorName(),
            outcome.status());
      }
    }
    return this;
  }

  /** An MLX memory reading came back. */
  public AssemblyReportAssert hasMlxMemory() {
    isNotNull();
    if (actual.mlxMemory() == null) {
      failWithMessage("Expected an MLX memory reading but there was none");
    }
    return this;
  }

  /** Assertions on the report's bundle. */
  public NodeDiagnosticsAssert bundle() {
    isNotNull();
    return new NodeDiagnosticsAssert(actual.bundle());
  }
}
