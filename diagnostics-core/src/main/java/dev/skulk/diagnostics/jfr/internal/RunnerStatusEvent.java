package dev.skulk.diagnostics.jfr.internal;

import dev.skulk.diagnostics.jfr.SkulkEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.Nullable;

/**
 * JFR event {@value SkulkEvents#RUNNER_STATUS}: a runner's status changed, as its supervisor saw it. Fields are set by {@link JfrHooks} only.
 *
 * <p>Not thread-safe: one instance per emission, on the emitting thread.
 */
@Name(SkulkEvents.RUNNER_STATUS)
@Label("Runner Status Change")
@Description("a runner's status changed, as its supervisor saw it.")
@Category({SkulkEvents.CATEGORY, "Runner"})
@StackTrace(false)
public final class RunnerStatusEvent extends RunnerEvent {
  @Label("Previous Status")
  @Nullable String previousStatus;

  @Label("Status")
  @Nullable String status;
}
