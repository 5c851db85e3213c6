package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Best-effort snapshot of memory reported by MLX/Metal inside a runner process.
 *
 * <p>Immutable and thread-safe; build one with {@code MlxMemorySnapshotBuilder} (generated).
 *
 * @param generatedAt UTC timestamp when the snapshot was taken.
 * @param active Currently active MLX memory, when the runtime exposes it. Optional.
 * @param cache MLX cache memory, when the runtime exposes it. Optional.
 * @param peak Peak MLX memory since the last reset, when available. Optional.
 * @param wiredLimit Configured MLX wired memory limit when known. Optional.
 * @param source Runtime module that supplied the measurement, such as {@code mlx.core} or {@code
 *     mlx-c}.
 */
@Value.Builder
@JsonPropertyOrder({"generatedAt", "active", "cache", "peak", "wiredLimit", "source"})
public record MlxMemorySnapshot(
    @JsonProperty(required = true) String generatedAt,
    @Nullable Memory active,
    @Nullable Memory cache,
    @Nullable Memory peak,
    @Nullable Memory wiredLimit,
    @JsonProperty(required = true) String source) {

  /**
   * Checks and normalises the components: {@code generatedAt}, {@code source} are required
   * (a null one throws {@code NullPointerException}).
   */
  public MlxMemorySnapshot {
    Checks.required(generatedAt, "generatedAt");
    Checks.required(source, "source");
  }
}
