package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One assembly: the wire bundle plus what only a Java host sees — each collector's outcome and the
 * readings that have no field of their own in the bundle.
 *
 * <p>Immutable and thread-safe.
 *
 * @param bundle the node bundle, exactly what {@link DiagnosticsAssembler#assembleNode()} returns
 * @param outcomes one per registered collector, in registration order
 * @param mlxMemory the {@link dev.skulk.diagnostics.spi.Slot#MLX_MEMORY} reading of this process,
 *     when a collector had one
 * @param elapsed how long the assembly took, on the assembler's ticker
 * @param warningsBySource how many distinct warnings of the bundle each source gave: the {@link
 *     dev.skulk.diagnostics.spi.DiagnosticRule#name() name} of the rule that returned them, or
 *     {@value #ASSEMBLER_SOURCE} for the assembler's own (collector and rule failures, state and
 *     supervisor failures, a closed assembler); sources that gave none are absent. A text given by
 *     two sources counts for each.
 */
public record AssemblyReport(
    NodeDiagnostics bundle,
    List<CollectorOutcome> outcomes,
    @Nullable MlxMemorySnapshot mlxMemory,
    Duration elapsed,
    Map<String, Integer> warningsBySource) {

  /** The {@link #warningsBySource()} key of the warnings the assembler writes itself. */
  public static final String ASSEMBLER_SOURCE = "assembler";

  public AssemblyReport {
    Objects.requireNonNull(bundle, "bundle");
    outcomes = List.copyOf(outcomes);
    Objects.requireNonNull(elapsed, "elapsed");
    warningsBySource = Map.copyOf(warningsBySource);
  }

  /** A report whose warnings are not attributed to sources ({@link #warningsBySource()} empty). */
  public AssemblyReport(
      NodeDiagnostics bundle, List<CollectorOutcome> outcomes, @Nullable MlxMemorySnapshot mlxMemory,
      Duration elapsed) {
    this(bundle, outcomes, mlxMemory, elapsed, Map.of());
  }

  /** The outcome of the collector with this name (the first, if several share it), or null. */
  public @Nullable CollectorOutcome outcome(String collectorName) {
    for (CollectorOutcome outcome : outcomes) {
      if (outcome.collectorName().equals(collectorName)) {
        return outcome;
      }
    }
    return null;
  }
}
