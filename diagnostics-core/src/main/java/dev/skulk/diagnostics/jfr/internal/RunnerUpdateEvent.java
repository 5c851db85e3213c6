package dev.skulk.diagnostics.jfr.internal;

import dev.skulk.diagnostics.jfr.SkulkEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.Nullable;

/**
 * JFR event {@value SkulkEvents#RUNNER_UPDATE}: one runner update applied by a supervisor tracker (per update, so disabled by default). Fields are set by {@link JfrHooks} only.
 *
 * <p>Not thread-safe: one instance per emission, on the emitting thread.
 */
@Name(SkulkEvents.RUNNER_UPDATE)
@Label("Runner Update")
@Description("one runner update applied by a supervisor tracker (per update, so disabled by default).")
@Category({SkulkEvents.CATEGORY, "Runner"})
@StackTrace(false)
@Enabled(false)
public final class RunnerUpdateEvent extends RunnerEvent {
  @Label("Phase")
  @Nullable String phase;

  @Label("Event")
  @Nullable String event;

  @Label("Detail")
  @Nullable String detail;

  @Label("Task Id")
  @Nullable String taskId;
}
