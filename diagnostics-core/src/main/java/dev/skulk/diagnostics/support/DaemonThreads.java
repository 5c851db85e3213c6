package dev.skulk.diagnostics.support;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one factory of the SDK's own threads: daemon threads (so the SDK never keeps a host's JVM
 * alive) with a recognisable name. Thread-safe.
 */
public final class DaemonThreads {

  private DaemonThreads() {}

  /**
   * A factory of daemon threads named {@code <prefix>-1}, {@code <prefix>-2}, ...
   *
   * @param prefix the name prefix, for example {@code skulk-diag-fanout}
   * @return a new factory with its own counter
   */
  public static ThreadFactory named(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
