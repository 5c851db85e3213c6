package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One retained runner flight-recorder entry.
 *
 * <p>Immutable and thread-safe; build one with {@code RunnerFlightRecorderEntryBuilder} (generated).
 *
 * @param at UTC timestamp when the runner emitted the update.
 * @param phase Runner phase at this entry.
 * @param event Short event name within the phase.
 * @param detail Compact human-readable detail for diagnostics. Optional.
 * @param attrs Structured low-cardinality diagnostic attributes, in insertion order. Empty when
 *     absent.
 * @param context Stable runner identity fields for this entry.
 * @param taskId Task ID associated with the entry, when known. Optional.
 * @param commandId Command ID associated with the entry, when known. Optional.
 * @param mlxMemory MLX memory snapshot captured with this entry, when present. Optional.
 */
@Value.Builder
@JsonPropertyOrder({"at", "phase", "event", "detail", "attrs", "context", "taskId", "commandId", "mlxMemory"})
public record RunnerFlightRecorderEntry(
    @JsonProperty(required = true) String at,
    @JsonProperty(required = true) RunnerPhase phase,
    @JsonProperty(required = true) String event,
    @Nullable String detail,
    Map<String, RunnerDiagnosticValue> attrs,
    @JsonProperty(required = true) RunnerDiagnosticContext context,
    @Nullable String taskId,
    @Nullable String commandId,
    @Nullable MlxMemorySnapshot mlxMemory) {

  /**
   * Checks and normalises the components: {@code at}, {@code phase}, {@code event}, {@code
   * context} are required (a null one throws {@code NullPointerException}); {@code attrs} is copied
   * in order, unmodifiable, with null read as empty and null keys or values refused.
   */
  public RunnerFlightRecorderEntry {
    Checks.required(at, "at");
    Checks.required(phase, "phase");
    Checks.required(event, "event");
    attrs = Checks.orderedMapOrEmpty(attrs, "attrs");
    Checks.required(context, "context");
  }

  /** The entry a supervisor retains for one runner update: the same fields. */
  public static RunnerFlightRecorderEntry of(RunnerDiagnosticUpdate update) {
    return new RunnerFlightRecorderEntry(update.at(), update.phase(), update.event(), update.detail(),
        update.attrs(), update.context(), update.taskId(), update.commandId(), update.mlxMemory());
  }
}
