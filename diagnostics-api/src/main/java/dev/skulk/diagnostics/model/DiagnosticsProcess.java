package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One local operating-system process relevant to Skulk diagnostics.
 *
 * <p>Immutable and thread-safe; build one with {@code DiagnosticsProcessBuilder} (generated).
 *
 * @param pid Operating-system process ID.
 * @param parentPid Operating-system parent process ID, when visible. Optional.
 * @param role Best-effort Skulk role inferred from process lineage and command line.
 * @param command Joined process command line, with secrets redacted.
 * @param status Operating-system process status such as running or sleeping. Optional.
 * @param cpuPercent CPU percentage since the previous collection (100 = one core). Optional.
 * @param memoryPercent Percent of physical memory used by this process. Optional.
 * @param rss Resident set size for this process, when available. Optional.
 * @param elapsedSeconds Seconds since process creation, when available. Optional.
 * @param isChildOfSkulk Whether this process is in the current Skulk API process tree.
 */
@Value.Builder
@JsonPropertyOrder({"pid", "parentPid", "role", "command", "status", "cpuPercent", "memoryPercent", "rss", "elapsedSeconds", "isChildOfSkulk"})
public record DiagnosticsProcess(
    @JsonProperty(required = true) long pid,
    @Nullable Long parentPid,
    @JsonProperty(required = true) ProcessRole role,
    @JsonProperty(required = true) String command,
    @Nullable String status,
    @Nullable Double cpuPercent,
    @Nullable Double memoryPercent,
    @Nullable Memory rss,
    @Nullable Double elapsedSeconds,
    @Value.Default.Boolean(false) boolean isChildOfSkulk) {

  /**
   * Checks and normalises the components: {@code role}, {@code command} are required (a
   * null one throws {@code NullPointerException}); a non-finite {@code cpuPercent}, {@code
   * memoryPercent}, {@code elapsedSeconds} becomes null.
   */
  public DiagnosticsProcess {
    Checks.required(role, "role");
    Checks.required(command, "command");
    cpuPercent = Checks.finiteOrNull(cpuPercent);
    memoryPercent = Checks.finiteOrNull(memoryPercent);
    elapsedSeconds = Checks.finiteOrNull(elapsedSeconds);
  }
}
