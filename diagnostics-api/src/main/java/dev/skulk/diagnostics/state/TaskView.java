package dev.skulk.diagnostics.state;

import java.util.Objects;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One task as cluster state tracks it.
 *
 * @param taskId the task id
 * @param taskKind the concrete task type name (for example {@code ChatCompletion})
 * @param taskStatus the task status name ({@code Pending}, {@code Running}, {@code Complete},
 *     {@code Failed}, {@code Cancelled}, ...)
 * @param instanceId the instance the task runs on
 * @param commandId the external command id of a user-facing task, when any
 * @param modelId the model of the task, when known
 */
@Value.Builder
public record TaskView(
    String taskId,
    String taskKind,
    String taskStatus,
    String instanceId,
    @Nullable String commandId,
    @Nullable String modelId) {

  public TaskView {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(taskKind, "taskKind");
    Objects.requireNonNull(taskStatus, "taskStatus");
    Objects.requireNonNull(instanceId, "instanceId");
  }

  /** Whether the status is one of the active ones, {@code Pending} or {@code Running}. */
  public boolean isActive() {
    return "Pending".equals(taskStatus) || "Running".equals(taskStatus);
  }
}
