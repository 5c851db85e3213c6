package dev.skulk.diagnostics.support;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Logs a persistent fault once at WARN and every later occurrence of the same fault at DEBUG, so a
 * dashboard polling a broken node every second does not fill the host's log. A fault is identified
 * by a key chosen by the caller (for example a collector's name and the cause's class). The number
 * of distinct keys kept is bounded; past the bound every fault is logged at DEBUG only.
 * Thread-safe; one instance per component.
 */
public final class WarnOnceLog {

  /** The most distinct keys remembered, so free text in keys cannot grow the set without bound. */
  static final int MAX_KEYS = 1024;

  private final Logger logger;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  /**
   * A log writing to {@code logger}.
   *
   * @param logger where the lines go
   */
  public WarnOnceLog(Logger logger) {
    this.logger = Objects.requireNonNull(logger, "logger");
  }

  /**
   * Logs {@code message} as one line at WARN the first time {@code key} is seen, and at DEBUG
   * afterwards. The cause's stack trace always goes out at DEBUG (never dropped, never on an
   * operator's console for an expected fault); the message should already name the cause.
   *
   * @param key what identifies this fault
   * @param message the line, without the stack trace
   * @param cause the cause, or null
   * @return true when the line went out at WARN
   */
  public boolean warn(String key, String message, @org.jspecify.annotations.Nullable Throwable cause) {
    boolean first = warned.size() < MAX_KEYS && warned.add(key);
    if (first) {
      logger.warn(message);
    }
    if (logger.isDebugEnabled() && (cause != null || !first)) {
      logger.debug(message, cause);
    }
    return first;
  }

  /**
   * Forgets {@code key}, so the next occurrence of that fault is a WARN again (call it when the
   * fault cleared).
   *
   * @param key the fault that cleared
   */
  public void cleared(String key) {
    warned.remove(key);
  }
}
