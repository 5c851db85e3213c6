package dev.skulk.diagnostics.assembly.internal;

import dev.skulk.diagnostics.support.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The assembler's default executor: a bounded pool of daemon threads named {@code
 * skulk-diag-collector-N} with a bounded queue; idle threads end after 30 seconds, so an idle
 * assembler holds none. A full pool rejects work rather than queueing without bound. Not a stable
 * API.
 */
public final class CollectorThreads {

  /** The prefix of every thread the default pool starts. */
  public static final String THREAD_NAME_PREFIX = "skulk-diag-collector-";

  private CollectorThreads() {}

  /**
   * A new pool.
   *
   * @param threads the most threads it runs at once (at least 1)
   * @param queueCapacity the most tasks it holds waiting (at least 1)
   */
  public static ExecutorService newPool(int threads, int queueCapacity) {
    ThreadFactory factory = DaemonThreads.named(THREAD_NAME_PREFIX.substring(0, THREAD_NAME_PREFIX.length() - 1));
    ThreadPoolExecutor pool = new ThreadPoolExecutor(Math.max(1, threads), Math.max(1, threads), 30,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(Math.max(1, queueCapacity)), factory,
        new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
