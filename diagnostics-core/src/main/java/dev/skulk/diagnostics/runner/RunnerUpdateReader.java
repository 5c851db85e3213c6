package dev.skulk.diagnostics.runner;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's end of the cross-process channel: reads the JSON lines a {@link
 * RunnerUpdateWriter} (or any runner writing the same lines) sends, and hands each valid {@link
 * RunnerDiagnosticUpdate} to a sink, usually {@code tracker::applyUpdate}.
 *
 * <p>Each line is read STRICT, as a Python peer validates. A line that is not a valid update
 * (malformed JSON or UTF-8, a missing or unknown field) is skipped and counted in {@link
 * #invalidCount()}; a line longer than the limit (default {@value #DEFAULT_MAX_LINE_BYTES} bytes)
 * is skipped without being buffered and counted in {@link #oversizedCount()}; blank lines are
 * ignored; a sink that throws is counted in {@link #sinkFailureCount()}. None of these stops the
 * reading: only the end of the stream, a read error or {@link #close()} does. A final line without
 * a newline is still read.
 *
 * <p>Read on the calling thread with {@link #pump()}, or on a daemon thread with {@link #start()}.
 *
 * <p><b>Thread-safety.</b> One {@code pump()} or {@code start()} per reader; the counters and
 * {@link #close()} may be used from any thread. The reader owns the stream and closes it.
 *
 * <p><b>Cost.</b> An 8 KiB read buffer plus the current line; parsing is {@link DiagnosticsJson}'s.
 */
public final class RunnerUpdateReader implements AutoCloseable {

  /** The longest line, in bytes without its newline, read by default: 1 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(RunnerUpdateReader.class);

  private final InputStream in;
  private final RunnerDiagnosticSink sink;
  private final DiagnosticsJson json;
  private final int maxLineBytes;
  private final AtomicBoolean started = new AtomicBoolean();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong invalid = new AtomicLong();
  private final AtomicLong oversized = new AtomicLong();
  private final AtomicLong sinkFailures = new AtomicLong();
  private volatile boolean closed;

  /** A reader of {@code in} that sends updates to {@code sink}, with the default line limit. */
  public RunnerUpdateReader(InputStream in, RunnerDiagnosticSink sink) {
    this(in, sink, DEFAULT_MAX_LINE_BYTES);
  }

  /**
   * A reader of {@code in} that sends updates to {@code sink} and skips lines longer than {@code
   * maxLineBytes}.
   *
   * @throws IllegalArgumentException when {@code maxLineBytes} is less than 1
   */
  public RunnerUpdateReader(InputStream in, RunnerDiagnosticSink sink, int maxLineBytes) {
    this.in = Objects.requireNonNull(in, "in");
    this.sink = Objects.requireNonNull(sink, "sink");
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be at least 1, was " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
    this.json = DiagnosticsJson.strict();
  }

  /**
   * Reads lines on the calling thread until the end of the stream, then closes it.
   *
   * @throws IOException when reading fails (not when the reader was closed meanwhile)
   * @throws IllegalStateException when this reader was already pumped or started
   */
  public void pump() throws IOException {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("This reader is already reading");
    }
    readToEnd();
  }

  private void readToEnd() throws IOException {
    try {
      readLines();
    } catch (IOException e) {
      if (!closed) {
        throw e;
      }
    } finally {
      closeStream();
      ended.countDown();
    }
  }

  /**
   * Reads lines on a new daemon thread until the end of the stream; a read failure is logged at
   * WARN. Wait for the end with {@link #awaitEnd}.
   *
   * @return this reader
   * @throws IllegalStateException when this reader was already pumped or started
   */
  public RunnerUpdateReader start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("This reader is already reading");
    }
    Thread thread = new Thread(() -> {
      try {
        readToEnd();
      } catch (IOException e) {
        LOG.warn("Reading runner updates failed; the channel is closed", e);
      }
    }, "skulk-runner-update-reader");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /**
   * Waits until reading has ended (end of stream, read failure or {@link #close()}).
   *
   * @return whether it ended within {@code timeout}
   */
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Stops reading: closes the stream, which ends a blocked read of a pipe or socket. */
  @Override
  public void close() {
    closed = true;
    closeStream();
  }

  /** How many valid updates reached the sink. */
  public long acceptedCount() {
    return accepted.get();
  }

  /** How many lines were skipped because they were not a valid update. */
  public long invalidCount() {
    return invalid.get();
  }

  /** How many lines were skipped because they were longer than the limit. */
  public long oversizedCount() {
    return oversized.get();
  }

  /** How many valid updates the sink threw on. */
  public long sinkFailureCount() {
    return sinkFailures.get();
  }

  private void readLines() throws IOException {
    byte[] buffer = new byte[8192];
    byte[] line = new byte[256];
    int length = 0;
    boolean skipping = false;
    int read;
    while ((read = in.read(buffer)) != -1) {
      int start = 0;
      for (int i = 0; i < read; i++) {
        if (buffer[i] != '\n') {
          continue;
        }
        if (!skipping) {
          int chunk = i - start;
          if (length + chunk > maxLineBytes + 1) {
            oversized.incrementAndGet();
          } else {
            line = append(line, length, buffer, start, chunk);
            length += chunk;
            handle(line, length);
          }
        }
        skipping = false;
        length = 0;
        start = i + 1;
      }
      if (!skipping && start < read) {
        int chunk = read - start;
        // One byte of slack for a '\r' before the newline.
        if (length + chunk > maxLineBytes + 1) {
          oversized.incrementAndGet();
          skipping = true;
          length = 0;
        } else {
          line = append(line, length, buffer, start, chunk);
          length += chunk;
        }
      }
    }
    if (!skipping && length > 0) {
      handle(line, length);
    }
  }

  private void handle(byte[] line, int length) {
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    if (length > maxLineBytes) {
      oversized.incrementAndGet();
      return;
    }
    if (isBlank(line, length)) {
      return;
    }
    RunnerDiagnosticUpdate update;
    try {
      update = json.read(Arrays.copyOf(line, length), RunnerDiagnosticUpdate.class);
    } catch (RuntimeException e) {
      invalid.incrementAndGet();
      LOG.debug("Skipped an invalid runner update line", e);
      return;
    }
    try {
      sink.accept(update);
      accepted.incrementAndGet();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      sinkFailures.incrementAndGet();
      LOG.debug("Runner update sink failed", e);
    }
  }

  private static boolean isBlank(byte[] line, int length) {
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static byte[] append(byte[] line, int length, byte[] from, int offset, int count) {
    byte[] target = line;
    if (length + count > line.length) {
      target = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(from, offset, target, length, count);
    return target;
  }

  private void closeStream() {
    try {
      in.close();
    } catch (IOException e) {
      LOG.debug("Closing the runner update stream failed", e);
    }
  }
}
