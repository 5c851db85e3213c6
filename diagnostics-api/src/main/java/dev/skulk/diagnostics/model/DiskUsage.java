package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;

/**
 * Total and available space of the volume that holds the models directory.
 *
 * <p>Immutable and thread-safe; build one with {@code DiskUsageBuilder} (generated).
 *
 * @param total Total space of the volume.
 * @param available Space available to this process.
 */
@Value.Builder
@JsonPropertyOrder({"total", "available"})
public record DiskUsage(
    @JsonProperty(required = true) Memory total,
    @JsonProperty(required = true) Memory available) {

  /**
   * Checks and normalises the components: {@code total}, {@code available} are required (a
   * null one throws {@code NullPointerException}).
   */
  public DiskUsage {
    Checks.required(total, "total");
    Checks.required(available, "available");
  }
}
