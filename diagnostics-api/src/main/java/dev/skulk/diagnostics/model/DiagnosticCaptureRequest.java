package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Request body of an on-demand local or proxied diagnostics capture.
 *
 * <p>Immutable and thread-safe; build one with {@code DiagnosticCaptureRequestBuilder} (generated).
 *
 * @param runnerId Optional runner ID to focus the capture bundle. Optional.
 * @param taskId Optional task ID to find the relevant runner. Optional.
 * @param includeProcessSamples Whether to run heavyweight local process sampling commands;
 *     defaults to true.
 * @param sampleDurationSeconds Requested sampling duration in seconds, within 1..10; defaults to
 *     3.0.
 */
@Value.Builder
@JsonPropertyOrder({"runnerId", "taskId", "includeProcessSamples", "sampleDurationSeconds"})
public record DiagnosticCaptureRequest(
    @Nullable String runnerId,
    @Nullable String taskId,
    @Value.Default.Boolean(true) boolean includeProcessSamples,
    @Value.Default.Double(3.0) double sampleDurationSeconds) {

  /**
   * Checks and normalises the components: {@code sampleDurationSeconds} must be finite
   * (else {@code IllegalArgumentException}).
   */
  public DiagnosticCaptureRequest {
    Checks.finite(sampleDurationSeconds, "sampleDurationSeconds");
  }

  /** A capture of the whole node with the default samples (3 s). */
  public static DiagnosticCaptureRequest defaults() {
    return new DiagnosticCaptureRequestBuilder().build();
  }
}
