package dev.skulk.diagnostics.jfr.internal;

import dev.skulk.diagnostics.jfr.SkulkEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.Nullable;

/**
 * JFR event {@value SkulkEvents#RUNNER_TASK}: a runner's task was sent, acknowledged, completed or cancelled, as its supervisor saw it. Fields are set by {@link JfrHooks} only.
 *
 * <p>Not thread-safe: one instance per emission, on the emitting thread.
 */
@Name(SkulkEvents.RUNNER_TASK)
@Label("Runner Task Change")
@Description("a runner's task was sent, acknowledged, completed or cancelled, as its supervisor saw it.")
@Category({SkulkEvents.CATEGORY, "Runner"})
@StackTrace(false)
public final class RunnerTaskEvent extends RunnerEvent {
  @Label("Task Id")
  @Nullable String taskId;

  @Label("Change")
  @Description("sent, acknowledged, completed or cancelled")
  @Nullable String change;
}
