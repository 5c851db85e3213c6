package dev.skulk.diagnostics.runner;

import static dev.skulk.diagnostics.runner.RunnerFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import dev.skulk.diagnostics.model.RunnerPhase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunnerUpdateChannelTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MutableClock clock = MutableClock.at(START);
  private final List<RunnerDiagnosticUpdate> received = new CopyOnWriteArrayList<>();

  /** Updates as a runner would emit them, with every kind of attribute and optional field. */
  private List<RunnerDiagnosticUpdate> emitted(int count) {
    List<RunnerDiagnosticUpdate> updates = new ArrayList<>();
    RunnerDiagnostics diagnostics = RunnerDiagnostics.builder(RunnerFixtures.context())
        .clock(clock)
        .sink(updates::add)
        .mlxMemory(() -> RunnerFixtures.mlx("2026-11-27T03:13:13+00:00", 123_456_789L))
        .build();
    for (int i = 0; i < count; i++) {
      Map<String, Object> attrs = new LinkedHashMap<>();
      attrs.put("token", i);
      attrs.put("rate", i / 8.0);
      attrs.put("final", i == count - 1);
      attrs.put("stops", List.of("</s>", "\n"));
      attrs.put("note", "naïve … \"quoted\"");
      diagnostics.record(RunnerPhase.DECODE_STREAM, "token_" + i, i % 2 == 0 ? null : "odd",
          attrs, "task-1", i % 3 == 0 ? "cmd-1" : null, i % 10 == 0);
      clock.advance(Duration.ofNanos(1_500));
    }
    return updates;
  }

  @Test
  void updatesCrossAPipeIntact() throws Exception {
    PipedInputStream supervisorEnd = new PipedInputStream(64 * 1024);
    PipedOutputStream runnerEnd = new PipedOutputStream(supervisorEnd);
    RunnerSupervisorTracker tracker = RunnerFixtures.tracker(clock, new FakeTicker()).build();
    RunnerUpdateReader reader = new RunnerUpdateReader(supervisorEnd, update -> {
      received.add(update);
      tracker.applyUpdate(update);
    }).start();
    List<RunnerDiagnosticUpdate> sent = emitted(300);

    RunnerUpdateWriter writer = RunnerUpdateWriter.start(runnerEnd);
    sent.forEach(writer::offer);
    assertThat(writer.close(WAIT)).isTrue();
    assertThat(reader.awaitEnd(WAIT)).isTrue();

    assertThat(received).containsExactlyElementsOf(sent);
    assertThat(writer.writtenCount()).isEqualTo(300);
    assertThat(writer.droppedCount()).isZero();
    assertThat(reader.acceptedCount()).isEqualTo(300);
    assertThat(reader.invalidCount()).isZero();
    assertThat(tracker.snapshot().flightRecorder()).last()
        .extracting(entry -> entry.event()).isEqualTo("token_299");
  }

  @Test
  void writesOneCompactJsonLinePerUpdate() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<RunnerDiagnosticUpdate> sent = emitted(2);

    RunnerUpdateWriter writer = RunnerUpdateWriter.start(out);
    sent.forEach(writer::accept);
    assertThat(writer.close(WAIT)).isTrue();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
        DiagnosticsJson.strict().write(sent.get(0)) + "\n"
            + DiagnosticsJson.strict().write(sent.get(1)) + "\n");
  }

  @Test
  void skipsAndCountsLinesThatAreNotUpdates() throws IOException {
    List<RunnerDiagnosticUpdate> sent = emitted(4);
    String[] valid = sent.stream().map(DiagnosticsJson.strict()::write).toArray(String[]::new);
    String unknownField = valid[1].replaceFirst("\\{", "{\"surprise\":1,");
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    lines.writeBytes((valid[0] + "\n").getBytes(StandardCharsets.UTF_8));
    lines.writeBytes("not json at all\n".getBytes(StandardCharsets.UTF_8));
    lines.writeBytes("{}\n".getBytes(StandardCharsets.UTF_8));
    lines.writeBytes((unknownField + "\n").getBytes(StandardCharsets.UTF_8));
    lines.writeBytes("\n   \n".getBytes(StandardCharsets.UTF_8));
    lines.writeBytes(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
    lines.writeBytes((valid[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    lines.writeBytes(("{\"at\":\"" + "x".repeat(5_000) + "\"}\n").getBytes(StandardCharsets.UTF_8));
    lines.writeBytes((valid[2] + "\n").getBytes(StandardCharsets.UTF_8));
    lines.writeBytes(valid[3].substring(0, valid[3].length() / 2).getBytes(StandardCharsets.UTF_8));
    lines.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    lines.writeBytes(valid[3].getBytes(StandardCharsets.UTF_8));

    RunnerUpdateReader reader = new RunnerUpdateReader(
        new ByteArrayInputStream(lines.toByteArray()), received::add, 4_000);
    reader.pump();

    assertThat(received).containsExactly(sent.get(0), sent.get(1), sent.get(2), sent.get(3));
    assertThat(reader.acceptedCount()).isEqualTo(4);
    // not json, {}, the unknown field, the bad UTF-8 and the cut-off line
    assertThat(reader.invalidCount()).isEqualTo(5);
    assertThat(reader.oversizedCount()).isEqualTo(1);
  }

  @Test
  void aLineLongerThanTheLimitIsSkippedEvenAcrossReads() throws IOException {
    String valid = DiagnosticsJson.strict().write(emitted(1).get(0));
    byte[] stream = (
        "y".repeat(100_000) + "\n" + valid + "\n" + "z".repeat(3_000) + "\r\n" + valid)
        .getBytes(StandardCharsets.UTF_8);

    RunnerUpdateReader reader =
        new RunnerUpdateReader(new ByteArrayInputStream(stream), received::add, 2_999);
    reader.pump();

    assertThat(received).hasSize(2);
    assertThat(reader.oversizedCount()).isEqualTo(2);
    assertThat(reader.invalidCount()).isZero();
  }

  @Test
  void aSinkThatThrowsIsCountedAndReadingGoesOn() throws IOException {
    String valid = DiagnosticsJson.strict().write(emitted(1).get(0));
    RunnerUpdateReader reader = new RunnerUpdateReader(
        new ByteArrayInputStream((valid + "\n" + valid + "\n").getBytes(StandardCharsets.UTF_8)),
        update -> {
          throw new IllegalStateException("tracker gone");
        });

    reader.pump();

    assertThat(reader.sinkFailureCount()).isEqualTo(2);
    assertThat(reader.acceptedCount()).isZero();
  }

  @Test
  void aBlockedStreamMakesTheWriterDropNotBlock() throws Exception {
    BlockingOutputStream stream = new BlockingOutputStream();
    RunnerUpdateWriter writer = RunnerUpdateWriter.start(stream, 4);
    List<RunnerDiagnosticUpdate> updates = emitted(8);

    assertThat(writer.offer(updates.get(0))).isTrue();
    assertThat(stream.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    // The writer's thread is now stuck writing the first update; four more fit in the queue.
    for (int i = 1; i <= 4; i++) {
      assertThat(writer.offer(updates.get(i))).isTrue();
    }
    for (int i = 5; i < 8; i++) {
      assertThat(writer.offer(updates.get(i))).isFalse();
    }
    assertThat(writer.droppedCount()).isEqualTo(3);

    stream.release.countDown();
    assertThat(writer.close(WAIT)).isTrue();
    assertThat(writer.writtenCount()).isEqualTo(5);
    assertThat(stream.closed).isTrue();
    assertThat(stream.lines()).hasSize(5);
  }

  @Test
  void closeGivesUpOnAStreamThatStaysBlocked() throws Exception {
    BlockingOutputStream stream = new BlockingOutputStream();
    RunnerUpdateWriter writer = RunnerUpdateWriter.start(stream, 4);
    List<RunnerDiagnosticUpdate> updates = emitted(3);
    writer.offer(updates.get(0));
    assertThat(stream.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    writer.offer(updates.get(1));

    assertThat(writer.close(Duration.ofMillis(50))).isFalse();

    assertThat(stream.closed).isTrue();
    assertThat(writer.offer(updates.get(2))).isFalse();
    assertThat(writer.writtenCount()).isZero();
  }

  @Test
  void closingTheReaderEndsABlockedRead() throws Exception {
    BlockingInputStream stream = new BlockingInputStream();
    RunnerUpdateReader reader = new RunnerUpdateReader(stream, received::add).start();
    assertThat(stream.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

    reader.close();

    assertThat(reader.awaitEnd(WAIT)).isTrue();
    assertThat(received).isEmpty();
  }

  /** A stream whose writes wait until released, as a full pipe nobody reads does. */
  private static final class BlockingOutputStream extends OutputStream {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    volatile boolean closed;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new InterruptedIOException("interrupted while blocked");
      }
      synchronized (bytes) {
        bytes.write(b, off, len);
      }
    }

    @Override
    public void close() {
      closed = true;
    }

    List<String> lines() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
      }
    }
  }

  /** A stream whose reads wait until it is closed, as an idle pipe's do. */
  private static final class BlockingInputStream extends InputStream {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public int read() throws IOException {
      entered.countDown();
      try {
        closed.await();
      } catch (InterruptedException e) {
        throw new InterruptedIOException();
      }
      throw new IOException("Stream closed");
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return read();
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }
}
