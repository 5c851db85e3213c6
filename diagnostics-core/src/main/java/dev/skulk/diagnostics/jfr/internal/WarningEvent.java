package dev.skulk.diagnostics.jfr.internal;

import dev.skulk.diagnostics.jfr.SkulkEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.Nullable;

/**
 * JFR event {@value SkulkEvents#WARNING}: one warning of an assembled diagnostics bundle. Fields are set by {@link JfrHooks} only.
 *
 * <p>Not thread-safe: one instance per emission, on the emitting thread.
 */
@Name(SkulkEvents.WARNING)
@Label("Diagnostic Warning")
@Description("one warning of an assembled diagnostics bundle.")
@Category({SkulkEvents.CATEGORY, "Assembly"})
@StackTrace(false)
public final class WarningEvent extends Event {
  @Label("Source")
  @Description("the rule that returned the warning, or assembler for the assembler's own")
  @Nullable String source;

  @Label("Text")
  @Nullable String text;
}
