package dev.skulk.diagnostics.spi;

import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.state.ClusterStateView;
import java.util.List;

/**
 * A named heuristic that explains a stuck node: a pure function of the draft bundle (everything but
 * the warnings) and the host's state view, returning warning texts. The assembler merges the
 * warnings of all rules, sorted and de-duplicated. A rule that throws is isolated like a collector.
 */
public interface DiagnosticRule {

  /** A stable, non-blank name. */
  String name();

  /** The warnings this rule raises for the draft; empty when none. Must not mutate anything. */
  List<String> evaluate(NodeDiagnostics draft, ClusterStateView state);
}
