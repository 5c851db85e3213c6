package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;

/**
 * RAM and swap figures of one node.
 *
 * <p>Immutable and thread-safe; build one with {@code MemoryUsageBuilder} (generated).
 *
 * @param ramTotal Total physical memory.
 * @param ramAvailable Physical memory available to new work.
 * @param swapTotal Total swap.
 * @param swapAvailable Free swap; may be negative where a platform tool reports it so.
 */
@Value.Builder
@JsonPropertyOrder({"ramTotal", "ramAvailable", "swapTotal", "swapAvailable"})
public record MemoryUsage(
    @JsonProperty(required = true) Memory ramTotal,
    @JsonProperty(required = true) Memory ramAvailable,
    @JsonProperty(required = true) Memory swapTotal,
    @JsonProperty(required = true) Memory swapAvailable) {

  /**
   * Checks and normalises the components: {@code ramTotal}, {@code ramAvailable}, {@code
   * swapTotal}, {@code swapAvailable} are required (a null one throws {@code
   * NullPointerException}).
   */
  public MemoryUsage {
    Checks.required(ramTotal, "ramTotal");
    Checks.required(ramAvailable, "ramAvailable");
    Checks.required(swapTotal, "swapTotal");
    Checks.required(swapAvailable, "swapAvailable");
  }
}
