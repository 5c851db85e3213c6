package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.time.Duration;
import java.util.List;
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
 */
public record AssemblyReport(
    NodeDiagnostics bundle,
    List<CollectorOutcome> outcomes,
    @Nullable MlxMemorySnapshot mlxMemory,
    Duration elapsed) {

  public AssemblyReport {
    Objects.requireNonNull(bundle, "bundle");
    outcomes = List.copyOf(outcomes);
    Objects.requireNonNull(elapsed, "elapsed");
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
