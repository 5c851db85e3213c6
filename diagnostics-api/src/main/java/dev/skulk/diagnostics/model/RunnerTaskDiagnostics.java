package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Compact task information for a task known to a runner or to cluster state.
 *
 * <p>Immutable and thread-safe; build one with {@code RunnerTaskDiagnosticsBuilder} (generated).
 *
 * @param taskId Skulk task ID.
 * @param taskKind Concrete task model name.
 * @param taskStatus Current event-sourced task status.
 * @param instanceId Instance associated with the task.
 * @param commandId External command ID for user-facing inference tasks. Optional.
 * @param runnerId Runner assigned to the task, if known. Optional.
 * @param modelId Model associated with the task, if known. Optional.
 */
@Value.Builder
@JsonPropertyOrder({"taskId", "taskKind", "taskStatus", "instanceId", "commandId", "runnerId", "modelId"})
public record RunnerTaskDiagnostics(
    @JsonProperty(required = true) String taskId,
    @JsonProperty(required = true) String taskKind,
    @JsonProperty(required = true) String taskStatus,
    @JsonProperty(required = true) String instanceId,
    @Nullable String commandId,
    @Nullable String runnerId,
    @Nullable String modelId) {

  /**
   * Checks and normalises the components: {@code taskId}, {@code taskKind}, {@code
   * taskStatus}, {@code instanceId} are required (a null one throws {@code NullPointerException}).
   */
  public RunnerTaskDiagnostics {
    Checks.required(taskId, "taskId");
    Checks.required(taskKind, "taskKind");
    Checks.required(taskStatus, "taskStatus");
    Checks.required(instanceId, "instanceId");
  }
}
