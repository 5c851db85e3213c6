package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Read-only diagnostic bundle for one Skulk node (the body of {@code GET /v1/diagnostics/node}).
 *
 * <p>Immutable and thread-safe; build one with {@code NodeDiagnosticsBuilder} (generated).
 *
 * @param generatedAt UTC timestamp when this bundle was built.
 * @param runtime Runtime identity and config.
 * @param identity Last gathered node identity data. Optional.
 * @param resources Resource readings.
 * @param processes Relevant local OS processes, sorted by pid. Empty when absent.
 * @param supervisorRunners Live local runner-supervisor diagnostics. Empty when absent.
 * @param placements Event-sourced placement analysis for current instances. Empty when absent.
 * @param warnings Top-level diagnostic warnings for this node. Empty when absent.
 */
@Value.Builder
@JsonPropertyOrder({"generatedAt", "runtime", "identity", "resources", "processes", "supervisorRunners", "placements", "warnings"})
public record NodeDiagnostics(
    @JsonProperty(required = true) String generatedAt,
    @JsonProperty(required = true) NodeRuntimeDiagnostics runtime,
    @Nullable NodeIdentity identity,
    @JsonProperty(required = true) NodeResourceDiagnostics resources,
    List<DiagnosticsProcess> processes,
    List<RunnerSupervisorDiagnostics> supervisorRunners,
    List<InstancePlacementDiagnostics> placements,
    List<String> warnings) {

  /**
   * Checks and normalises the components: {@code generatedAt}, {@code runtime}, {@code
   * resources} are required (a null one throws {@code NullPointerException}); {@code processes},
   * {@code supervisorRunners}, {@code placements}, {@code warnings} are copied, unmodifiable, with
   * null read as empty and a null element refused.
   */
  public NodeDiagnostics {
    Checks.required(generatedAt, "generatedAt");
    Checks.required(runtime, "runtime");
    Checks.required(resources, "resources");
    processes = Checks.listOrEmpty(processes, "processes");
    supervisorRunners = Checks.listOrEmpty(supervisorRunners, "supervisorRunners");
    placements = Checks.listOrEmpty(placements, "placements");
    warnings = Checks.listOrEmpty(warnings, "warnings");
  }
}
