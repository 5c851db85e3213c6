package dev.skulk.diagnostics.jfr.internal;

import dev.skulk.diagnostics.jfr.SkulkEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.Nullable;

/**
 * JFR event {@value SkulkEvents#SUPERVISED_PHASE}: a runner phase as its supervisor saw it, from the update that entered it to the one that left it (any runner, Python or Java, in any process). Fields are set by {@link JfrHooks} only.
 *
 * <p>Not thread-safe: a tracker holds one, under its lock, from the phase's start to its end.
 */
@Name(SkulkEvents.SUPERVISED_PHASE)
@Label("Supervised Runner Phase")
@Description("a runner phase as its supervisor saw it, from the update that entered it to the one that left it.")
@Category({SkulkEvents.CATEGORY, "Runner"})
@StackTrace(false)
public final class SupervisedPhaseEvent extends RunnerEvent {
  @Label("Phase")
  @Nullable String phase;

  @Label("Detail")
  @Description("the detail of the update that entered the phase")
  @Nullable String detail;

  @Label("Task Id")
  @Description("the task id of the update that entered the phase")
  @Nullable String taskId;
}
