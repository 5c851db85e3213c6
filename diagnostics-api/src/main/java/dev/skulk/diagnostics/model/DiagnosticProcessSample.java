package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One process-sampling command result in a capture bundle.
 *
 * <p>Immutable and thread-safe; build one with {@code DiagnosticProcessSampleBuilder} (generated).
 *
 * @param name Sampling command name.
 * @param command Command argv that was attempted.
 * @param ok Whether the sampling command completed cleanly.
 * @param exitCode Process exit code, when a command was launched. Optional.
 * @param durationSeconds Wall-clock seconds spent waiting for the command.
 * @param stdout Truncated standard output of the command. Optional.
 * @param stderr Truncated standard error of the command. Optional.
 * @param error Structured failure reason when the command could not run. Optional.
 */
@Value.Builder
@JsonPropertyOrder({"name", "command", "ok", "exitCode", "durationSeconds", "stdout", "stderr", "error"})
public record DiagnosticProcessSample(
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) List<String> command,
    @JsonProperty(required = true) boolean ok,
    @Nullable Integer exitCode,
    @JsonProperty(required = true) double durationSeconds,
    @Nullable String stdout,
    @Nullable String stderr,
    @Nullable String error) {

  /**
   * Checks and normalises the components: {@code name} and {@code command} are required (a null
   * one throws {@code NullPointerException}); {@code command} is copied, unmodifiable, and a null
   * element is refused; {@code durationSeconds} must be finite (else {@code
   * IllegalArgumentException}).
   */
  public DiagnosticProcessSample {
    Checks.required(name, "name");
    command = List.copyOf(Checks.required(command, "command"));
    Checks.finite(durationSeconds, "durationSeconds");
  }
}
