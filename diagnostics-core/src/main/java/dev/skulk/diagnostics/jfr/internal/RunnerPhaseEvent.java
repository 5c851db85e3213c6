package dev.skulk.diagnostics.jfr.internal;

import dev.skulk.diagnostics.jfr.SkulkEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.Nullable;

/**
 * JFR event {@value SkulkEvents#RUNNER_PHASE}: a runner phase, from its scope's opening to its closing. Fields are set by {@link JfrHooks} only.
 *
 * <p>Not thread-safe: one instance per emission, on the emitting thread.
 */
@Name(SkulkEvents.RUNNER_PHASE)
@Label("Runner Phase")
@Description("a runner phase, from its scope's opening to its closing.")
@Category({SkulkEvents.CATEGORY, "Runner"})
@StackTrace(false)
public final class RunnerPhaseEvent extends RunnerEvent {
  @Label("Phase")
  @Nullable String phase;

  @Label("Detail")
  @Nullable String detail;

  @Label("Task Id")
  @Nullable String taskId;

  @Label("Command Id")
  @Nullable String commandId;

  @Label("Outcome")
  @Description("exit, or fail when the body failed")
  @Nullable String outcome;

  @Label("Error")
  @Description("SimpleClassName: message of the failure, when the phase failed")
  @Nullable String error;
}
