package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Resource readings for one node, from gathered (event-sourced) state and live local readings.
 *
 * <p>Immutable and thread-safe; build one with {@code NodeResourceDiagnosticsBuilder} (generated).
 *
 * @param gatheredMemory Last event-sourced memory reading for this node. Optional.
 * @param currentMemory Live memory reading from the API process. Optional.
 * @param currentWired Live OS-level wired (unpageable) memory in use (macOS only); null where the
 *     OS has no such figure. Optional.
 * @param disk Last event-sourced disk reading for this node. Optional.
 * @param system Last event-sourced system performance reading. Optional.
 * @param network Last event-sourced network interface reading. Optional.
 */
@Value.Builder
@JsonPropertyOrder({"gatheredMemory", "currentMemory", "currentWired", "disk", "system", "network"})
public record NodeResourceDiagnostics(
    @Nullable MemoryUsage gatheredMemory,
    @Nullable MemoryUsage currentMemory,
    @Nullable Memory currentWired,
    @Nullable DiskUsage disk,
    @Nullable SystemPerformanceProfile system,
    @Nullable NodeNetworkInfo network) {


  /** Resources with every reading absent. */
  public static NodeResourceDiagnostics empty() {
    return new NodeResourceDiagnosticsBuilder().build();
  }
}
