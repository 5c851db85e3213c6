package dev.skulk.diagnostics.testkit;

import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.model.NodeDiagnostics;

/**
 * The entry point of the testkit's AssertJ assertions: {@code import static
 * dev.skulk.diagnostics.testkit.DiagnosticsAssertions.assertThat;}. Stateless and thread-safe.
 */
public final class DiagnosticsAssertions {

  private DiagnosticsAssertions() {}

  /** Assertions on a node bundle. */
  public static NodeDiagnosticsAssert assertThat(NodeDiagnostics actual) {
    return new NodeDiagnosticsAssert(actual);
  }

  /** Assertions on an assembly report (bundle and collector outcomes). */
  public static AssemblyReportAssert assertThat(AssemblyReport actual) {
    return new AssemblyReportAssert(actual);
  }
}
