package dev.skulk.diagnostics.assembly;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The assembler's own warning texts (ours, not Python Skulk's; documented on {@link
 * DiagnosticsAssembler}).
 */
final class Texts {

  private static final int MAX_MESSAGE = 500;

  private Texts() {}

  static String collectorFailed(String name, Throwable cause) {
    return "Collector " + name + " failed: " + describe(cause);
  }

  static String collectorTimedOut(String name, Duration budget) {
    return "Collector " + name + " timed out after " + budget.toMillis() + " ms";
  }

  static String collectorBusy(String name) {
    return "Collector " + name + " skipped: its previous call has not returned";
  }

  static String ruleFailed(String name, Throwable cause) {
    return "Rule " + name + " failed: " + describe(cause);
  }

  static String ruleTimedOut(String name, Duration deadline) {
    return "Rule " + name + " timed out: the assembly deadline of " + deadline.toMillis() + " ms passed";
  }

  static String ruleBusy(String name) {
    return "Rule " + name + " skipped: its previous call has not returned";
  }

  static String providerFailed(String provider, Throwable cause) {
    return "Collector provider " + provider + " could not be loaded: " + describe(cause);
  }

  static String stateFailed(Throwable cause) {
    return "Cluster state view failed: " + describe(cause);
  }

  static String supervisorsFailed(Throwable cause) {
    return "Runner supervisor diagnostics failed: " + describe(cause);
  }

  static String assemblyFailed(Throwable cause) {
    return "Diagnostics assembly failed: " + describe(cause);
  }

  static final String CLOSED = "Diagnostics assembler is closed; live readings were not collected";

  /**
   * {@code SimpleName: message}, or the simple name alone without a message; an anonymous class by
   * its full name. The message is put on one line and cut at 500 characters.
   */
  static String describe(Throwable cause) {
    String type = cause.getClass().getSimpleName();
    if (type.isEmpty()) {
      type = cause.getClass().getName();
    }
    String message = oneLine(safeMessage(cause));
    return message.isEmpty() ? type : type + ": " + message;
  }

  private static String safeMessage(Throwable cause) {
    try {
      @Nullable String message = cause.getMessage();
      return message == null ? "" : message;
    } catch (RuntimeException | LinkageError e) {
      return "";
    }
  }

  private static String oneLine(String message) {
    String flat = message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    return flat.length() <= MAX_MESSAGE ? flat : flat.substring(0, MAX_MESSAGE) + "…";
  }
}
