package dev.skulk.diagnostics.runner;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's end of the cross-process channel: writes each {@link RunnerDiagnosticUpdate} as one
 * line of compact JSON (the wire form, as {@link DiagnosticsJson} writes it) onto a stream, such as
 * the pipe or socket a supervisor reads with {@link RunnerUpdateReader}. Any runner that writes the
 * same lines, in any language, can feed a Java supervisor.
 *
 * <p>{@link #offer} never blocks: it puts the update in a bounded queue (default {@value
 * #DEFAULT_QUEUE_CAPACITY}) that one daemon thread drains onto the stream, flushing whenever the
 * queue runs empty. An update that does not fit, arrives after {@link #close}, cannot be written
 * as JSON, or is offered after the stream failed is dropped and counted in {@link
 * #droppedCount()}. The first stream failure is logged at WARN with its cause.
 *
 * <p><b>Thread-safety.</b> Thread-safe: any number of threads may offer concurrently. The writer
 * owns the stream and closes it.
 *
 * <p><b>Cost.</b> {@code offer} is a counter increment and a queue insertion; serialising and
 * writing happen on the writer's thread. One platform thread per writer.
 */
public final class RunnerUpdateWriter implements RunnerDiagnosticSink, AutoCloseable {

  /** The queue capacity of a writer started with {@link #start(OutputStream)}. */
  public static final int DEFAULT_QUEUE_CAPACITY = 1024;

  /** How long {@link #close()} waits for queued updates to be written. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(RunnerUpdateWriter.class);
  private static final byte[] NEWLINE = {'\n'};
  // Tells the drain thread to stop; never counted against the capacity, so it always fits.
  private static final Object END = new Object();

  private final OutputStream raw;
  private final OutputStream out;
  private final int capacity;
  private final BlockingQueue<Object> queue;
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Thread drainer;
  private volatile boolean broken;
  // Updates written into the buffer but not yet flushed; touched only by the drain thread.
  private int unflushed;

  private RunnerUpdateWriter(OutputStream out, int capacity) {
    this.raw = out;
    this.out = new BufferedOutputStream(out);
    this.capacity = capacity;
    this.queue = new ArrayBlockingQueue<>(capacity + 1);
    this.drainer = new Thread(this::drain, "skulk-runner-update-writer");
    this.drainer.setDaemon(true);
  }

  /** A writer onto {@code out} with a queue of {@value #DEFAULT_QUEUE_CAPACITY} updates, started. */
  public static RunnerUpdateWriter start(OutputStream out) {
    return start(out, DEFAULT_QUEUE_CAPACITY);
  }

  /**
   * A writer onto {@code out} with a queue of {@code queueCapacity} updates, started.
   *
   * @throws IllegalArgumentException when {@code queueCapacity} is less than 1
   */
  public static RunnerUpdateWriter start(OutputStream out, int queueCapacity) {
    Objects.requireNonNull(out, "out");
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
    }
    RunnerUpdateWriter writer = new RunnerUpdateWriter(out, queueCapacity);
    writer.drainer.start();
    return writer;
  }

  /**
   * Queues an update for writing, without blocking.
   *
   * @return whether it was queued; when not, it was dropped and counted
   */
  public boolean offer(RunnerDiagnosticUpdate update) {
    Objects.requireNonNull(update, "update");
    if (closed.get() || broken) {
      dropped.incrementAndGet();
      return false;
    }
    if (queued.incrementAndGet() > capacity) {
      queued.decrementAndGet();
      dropped.incrementAndGet();
      return false;
    }
    queue.add(update);
    if (closed.get() && queue.remove(update)) {
      // Raced with close(): the drain thread may already be gone, so take it back.
      queued.decrementAndGet();
      dropped.incrementAndGet();
      return false;
    }
    return true;
  }

  /** Same as {@link #offer}, for use as a {@link RunnerDiagnosticSink}. */
  @Override
  public void accept(RunnerDiagnosticUpdate update) {
    offer(update);
  }

  /** How many updates were written to the stream and flushed. */
  public long writtenCount() {
    return written.get();
  }

  /** How many updates were dropped: queue full, closed, not writable as JSON, or stream failed. */
  public long droppedCount() {
    return dropped.get();
  }

  /**
   * Closes, waiting up to {@link #DEFAULT_CLOSE_TIMEOUT} (2 seconds) for queued updates; see {@link
   * #close(Duration)}.
   */
  @Override
  public void close() {
    close(DEFAULT_CLOSE_TIMEOUT);
  }

  /**
   * Stops accepting updates, waits up to {@code timeout} for the queued ones to be written and
   * flushed, and closes the stream. When the stream is still blocked after the timeout, the writer
   * gives up: it closes the stream (which unblocks a pipe or a socket), interrupts its thread and
   * counts what was left as dropped. Calling it again does nothing but wait.
   *
   * @return whether every queued update was written and the stream closed within the timeout
   */
  public boolean close(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (closed.compareAndSet(false, true)) {
      queue.add(END);
    }
    try {
      drainer.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!drainer.isAlive()) {
      return !broken;
    }
    // The drain thread is stuck in a write: closing the raw stream unblocks a pipe or a socket
    // (closing the buffered one would try to flush and block too).
    broken = true;
    LOG.warn("Runner update stream still blocked after {}; closing it and dropping what is queued",
        timeout);
    closeRawQuietly();
    drainer.interrupt();
    return false;
  }

  private void drain() {
    try {
      while (true) {
        Object next = queue.take();
        if (next == END) {
          break;
        }
        queued.decrementAndGet();
        if (broken) {
          dropped.incrementAndGet();
          continue;
        }
        write((RunnerDiagnosticUpdate) next);
        if (queue.isEmpty() && !broken) {
          flush();
        }
      }
    } catch (InterruptedException e) {
      // close() gave up on a blocked stream.
    } finally {
      // Updates that raced with close() past the END marker, or were left when close() gave up.
      for (Object left; (left = queue.poll()) != null; ) {
        if (left != END) {
          dropped.incrementAndGet();
        }
      }
      if (!broken) {
        flush();
      }
      dropped.addAndGet(unflushed);
      unflushed = 0;
      closeRawQuietly();
    }
  }

  private void write(RunnerDiagnosticUpdate update) {
    byte[] line;
    try {
      line = DiagnosticsJson.strict().writeBytes(update);
    } catch (RuntimeException e) {
      dropped.incrementAndGet();
      LOG.debug("Dropped a runner update that cannot be written as JSON", e);
      return;
    }
    try {
      out.write(line);
      out.write(NEWLINE);
      unflushed++;
    } catch (IOException e) {
      dropped.addAndGet(unflushed + 1L);
      unflushed = 0;
      failed(e);
    }
  }

  private void flush() {
    try {
      out.flush();
      written.addAndGet(unflushed);
    } catch (IOException e) {
      dropped.addAndGet(unflushed);
      failed(e);
    }
    unflushed = 0;
  }

  private void failed(IOException e) {
    if (!broken) {
      broken = true;
      LOG.warn("Runner update stream failed; further updates are dropped", e);
    }
  }

  private void closeRawQuietly() {
    try {
      raw.close();
    } catch (IOException e) {
      LOG.debug("Closing the runner update stream failed", e);
    }
  }
}
