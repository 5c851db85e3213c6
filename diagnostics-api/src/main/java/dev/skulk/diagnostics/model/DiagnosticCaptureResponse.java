package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * On-demand diagnostics capture bundle of a local or proxied node.
 *
 * <p>Immutable and thread-safe; build one with {@code DiagnosticCaptureResponseBuilder} (generated).
 *
 * @param generatedAt UTC timestamp when capture completed.
 * @param nodeId Node that produced the capture bundle.
 * @param nodeDiagnostics Full live node diagnostics at capture time.
 * @param runner Matched runner diagnostics, when a runner or task filter matched. Optional.
 * @param flightRecorder Flight-recorder entries retained for the matched runner. Empty when
 *     absent.
 * @param mlxMemory Most recent MLX memory snapshot reported by the matched runner. Optional.
 * @param processSamples Heavyweight process sampling results, when requested. Empty when absent.
 * @param warnings Capture warnings and partial-failure notes. Empty when absent.
 */
@Value.Builder
@JsonPropertyOrder({"generatedAt", "nodeId", "nodeDiagnostics", "runner", "flightRecorder", "mlxMemory", "processSamples", "warnings"})
public record DiagnosticCaptureResponse(
    @JsonProperty(required = true) String generatedAt,
    @JsonProperty(required = true) String nodeId,
    @JsonProperty(required = true) NodeDiagnostics nodeDiagnostics,
    @Nullable RunnerSupervisorDiagnostics runner,
    List<RunnerFlightRecorderEntry> flightRecorder,
    @Nullable MlxMemorySnapshot mlxMemory,
    List<DiagnosticProcessSample> processSamples,
    List<String> warnings) {

  /**
   * Checks and normalises the components: {@code generatedAt}, {@code nodeId}, {@code
   * nodeDiagnostics} are required (a null one throws {@code NullPointerException}); {@code
   * flightRecorder}, {@code processSamples}, {@code warnings} are copied, unmodifiable, with null
   * read as empty and a null element refused.
   */
  public DiagnosticCaptureResponse {
    Checks.required(generatedAt, "generatedAt");
    Checks.required(nodeId, "nodeId");
    Checks.required(nodeDiagnostics, "nodeDiagnostics");
    flightRecorder = Checks.listOrEmpty(flightRecorder, "flightRecorder");
    processSamples = Checks.listOrEmpty(processSamples, "processSamples");
    warnings = Checks.listOrEmpty(warnings, "warnings");
  }
}
