package dev.skulk.diagnostics.jfr.internal;

import dev.skulk.diagnostics.jfr.SkulkEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import org.jspecify.annotations.Nullable;

/**
 * JFR event {@value SkulkEvents#COLLECTOR_OUTCOME}: what one collector did in one assembly. Fields are set by {@link JfrHooks} only.
 *
 * <p>Not thread-safe: one instance per emission, on the emitting thread.
 */
@Name(SkulkEvents.COLLECTOR_OUTCOME)
@Label("Collector Outcome")
@Description("what one collector did in one assembly.")
@Category({SkulkEvents.CATEGORY, "Assembly"})
@StackTrace(false)
public final class CollectorOutcomeEvent extends Event {
  @Label("Collector")
  @Nullable String collector;

  @Label("Slot")
  @Nullable String slot;

  @Label("Status")
  @Nullable String status;

  @Label("Elapsed")
  @Description("how long the assembler spent on the collector, on its ticker")
  @Timespan(Timespan.NANOSECONDS)
  long elapsed;
}
