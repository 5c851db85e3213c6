package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Bounded live milestone recorded by a runner supervisor.
 *
 * <p>Immutable and thread-safe; build one with {@code RunnerLifecycleMilestoneBuilder} (generated).
 *
 * @param at UTC timestamp when the milestone was recorded.
 * @param name Short milestone name.
 * @param detail Optional compact detail for the milestone. Optional.
 */
@Value.Builder
@JsonPropertyOrder({"at", "name", "detail"})
public record RunnerLifecycleMilestone(
    @JsonProperty(required = true) String at,
    @JsonProperty(required = true) String name,
    @Nullable String detail) {

  /**
   * Checks and normalises the components: {@code at}, {@code name} are required (a null one
   * throws {@code NullPointerException}).
   */
  public RunnerLifecycleMilestone {
    Checks.required(at, "at");
    Checks.required(name, "name");
  }
}
