package dev.skulk.diagnostics.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.runner.RunnerFlightRecorder.Recorded;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RunnerFlightRecorderPropertyTest {

  @Test
  void aSnapshotIsTheNewestEntriesInOrder() {
    long seed = 20261127L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 300; i++) {
      int capacity = random.nextInt(1, 41);
      // sizes around the capacity matter most: empty, below, exactly at, just past and far past it
      int size = switch (i % 4) {
        case 0 -> random.nextInt(0, capacity + 1);
        case 1 -> capacity + random.nextInt(0, 3);
        default -> random.nextInt(0, 201);
      };
      List<Integer> entries = new ArrayList<>();
      for (int e = 0; e < size; e++) {
        entries.add(random.nextInt());
      }
      String where = "seed " + seed + ", case " + i + ": capacity " + capacity + ", entries " + entries;
      checkNewestInOrder(capacity, entries, where);
    }
  }

  private static void checkNewestInOrder(int capacity, List<Integer> entries, String where) {
    RunnerFlightRecorder<Integer> recorder = new RunnerFlightRecorder<>(capacity);
    entries.forEach(recorder::record);

    int kept = Math.min(capacity, entries.size());
    assertThat(recorder.snapshot()).as(where).containsExactlyElementsOf(
        entries.subList(entries.size() - kept, entries.size()));
    assertThat(recorder.recordedCount()).as(where).isEqualTo(entries.size());
    assertThat(recorder.overwrittenCount()).as(where).isEqualTo(entries.size() - kept);
    List<Recorded<Integer>> recorded = recorder.recordedSnapshot();
    for (int i = 0; i < recorded.size(); i++) {
      assertThat(recorded.get(i).sequence()).as(where).isEqualTo(entries.size() - kept + i);
    }
  }

  /** What one writer thread records: its id and its own running count. */
  record Mark(int writer, int count) {}

  @Test
  void concurrentSnapshotsAreContiguousOrderedRunsOfRealEntries() throws Exception {
    long seed = 20261127L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 25; i++) {
      int capacity = random.nextInt(1, 65);
      int writers = random.nextInt(2, 5);
      int recordsPerWriter = random.nextInt(1, 3001);
      String where = "seed " + seed + ", case " + i + ": capacity " + capacity + ", writers " + writers
          + ", records per writer " + recordsPerWriter;
      try {
        checkConcurrentSnapshots(capacity, writers, recordsPerWriter);
      } catch (AssertionError e) {
        throw new AssertionError(where + ": " + e.getMessage(), e);
      }
    }
  }

  private static void checkConcurrentSnapshots(int capacity, int writers, int recordsPerWriter) throws Exception {
    RunnerFlightRecorder<Mark> recorder = new RunnerFlightRecorder<>(capacity);
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(writers);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      Thread thread = new Thread(() -> {
        try {
          start.await();
          for (int count = 0; count < recordsPerWriter; count++) {
            recorder.record(new Mark(writer, count));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      }, "flight-recorder-writer-" + w);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }

    // Every sequence number must always name the same entry, in every snapshot.
    Map<Long, Mark> seen = new ConcurrentHashMap<>();
    start.countDown();
    int snapshots = 0;
    do {
      checkRun(recorder.recordedSnapshot(), capacity, seen);
      snapshots++;
    } while (done.getCount() > 0);
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    }
    assertThat(snapshots).isPositive();

    long total = (long) writers * recordsPerWriter;
    List<Recorded<Mark>> last = recorder.recordedSnapshot();
    checkRun(last, capacity, seen);
    int kept = (int) Math.min(capacity, total);
    assertThat(last).hasSize(kept);
    assertThat(last.get(0).sequence()).isEqualTo(total - kept);
    assertThat(recorder.recordedCount()).isEqualTo(total);
    assertThat(recorder.overwrittenCount()).isEqualTo(total - kept);
    // The newest entries overall hold the newest entries of each writer.
    Map<Integer, List<Integer>> byWriter = new HashMap<>();
    for (Recorded<Mark> recorded : last) {
      byWriter.computeIfAbsent(recorded.entry().writer(), w -> new ArrayList<>())
          .add(recorded.entry().count());
    }
    byWriter.forEach((writer, counts) -> {
      int first = recordsPerWriter - counts.size();
      for (int i = 0; i < counts.size(); i++) {
        assertThat(counts.get(i)).as("writer %d", writer).isEqualTo(first + i);
      }
    });
  }

  private static void checkRun(List<Recorded<Mark>> run, int capacity, Map<Long, Mark> seen) {
    assertThat(run.size()).isLessThanOrEqualTo(capacity);
    Map<Integer, Integer> lastCountByWriter = new HashMap<>();
    for (int i = 0; i < run.size(); i++) {
      Recorded<Mark> recorded = run.get(i);
      if (i > 0) {
        assertThat(recorded.sequence()).isEqualTo(run.get(i - 1).sequence() + 1);
      }
      Mark mark = recorded.entry();
      Mark earlier = seen.putIfAbsent(recorded.sequence(), mark);
      assertThat(earlier == null || earlier.equals(mark))
          .as("sequence %d was %s, now %s", recorded.sequence(), earlier, mark)
          .isTrue();
      Integer previous = lastCountByWriter.put(mark.writer(), mark.count());
      if (previous != null) {
        assertThat(mark.count()).isGreaterThan(previous);
      }
    }
  }
}
