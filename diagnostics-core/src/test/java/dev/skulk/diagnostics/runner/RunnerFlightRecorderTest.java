package dev.skulk.diagnostics.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.runner.RunnerFlightRecorder.Recorded;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunnerFlightRecorderTest {

  @Test
  void startsEmptyWithTheDefaultCapacity() {
    RunnerFlightRecorder<String> recorder = new RunnerFlightRecorder<>();

    assertThat(recorder.capacity()).isEqualTo(128);
    assertThat(recorder.snapshot()).isEmpty();
    assertThat(recorder.recordedCount()).isZero();
    assertThat(recorder.overwrittenCount()).isZero();
  }

  @Test
  void rejectsACapacityBelowOne() {
    assertThatThrownBy(() -> new RunnerFlightRecorder<String>(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
  }

  @Test
  void keepsEverythingUntilFullOldestFirst() {
    RunnerFlightRecorder<String> recorder = new RunnerFlightRecorder<>(3);
    recorder.record("a");
    recorder.record("b");

    assertThat(recorder.snapshot()).containsExactly("a", "b");
    assertThat(recorder.overwrittenCount()).isZero();
  }

  @Test
  void keepsTheNewestEntriesWhenFull() {
    RunnerFlightRecorder<Integer> recorder = new RunnerFlightRecorder<>(128);
    IntStream.range(0, 140).forEach(recorder::record);

    List<Integer> snapshot = recorder.snapshot();
    assertThat(snapshot).hasSize(128);
    assertThat(snapshot.get(0)).isEqualTo(12);
    assertThat(snapshot.get(127)).isEqualTo(139);
    assertThat(recorder.recordedCount()).isEqualTo(140);
    assertThat(recorder.overwrittenCount()).isEqualTo(12);
  }

  @Test
  void ignoresAndCountsNullEntries() {
    RunnerFlightRecorder<String> recorder = new RunnerFlightRecorder<>(2);
    recorder.record("a");
    recorder.record(null);

    assertThat(recorder.snapshot()).containsExactly("a");
    assertThat(recorder.recordedCount()).isEqualTo(1);
    assertThat(recorder.ignoredNullCount()).isEqualTo(1);
  }

  @Test
  void snapshotsAreImmutableAndDetachedFromLaterRecords() {
    RunnerFlightRecorder<String> recorder = new RunnerFlightRecorder<>(2);
    recorder.record("a");
    List<String> before = recorder.snapshot();
    recorder.record("b");
    recorder.record("c");

    assertThat(before).containsExactly("a");
    assertThatThrownBy(() -> before.add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> recorder.recordedSnapshot().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void recordedSnapshotCarriesSequenceNumbers() {
    RunnerFlightRecorder<String> recorder = new RunnerFlightRecorder<>(2);
    recorder.record("a");
    recorder.record("b");
    recorder.record("c");

    assertThat(recorder.recordedSnapshot())
        .containsExactly(new Recorded<>(1, "b"), new Recorded<>(2, "c"));
  }

  @Test
  void aCapacityOfOneKeepsTheLastEntry() {
    RunnerFlightRecorder<String> recorder = new RunnerFlightRecorder<>(1);
    recorder.record("a");
    recorder.record("b");

    assertThat(recorder.snapshot()).containsExactly("b");
    assertThat(recorder.overwrittenCount()).isEqualTo(1);
  }

  // The tests below replay, one step at a time, interleavings that racing threads produce rarely.

  @Test
  void aSnapshotEndsBeforeAnEntryStillBeingWritten() {
    RunnerFlightRecorder<String> recorder = new RunnerFlightRecorder<>(4);
    recorder.record("a");
    long paused = recorder.claim();
    recorder.record("c");

    assertThat(recorder.snapshot()).containsExactly("a");
    assertThat(recorder.recordedCount()).isEqualTo(3);

    recorder.publish(paused, "b");
    assertThat(recorder.snapshot()).containsExactly("a", "b", "c");
  }

  @Test
  void aPausedWriterNeverOverwritesANewerEntry() {
    RunnerFlightRecorder<String> recorder = new RunnerFlightRecorder<>(1);
    long paused = recorder.claim();
    recorder.record("b");

    recorder.publish(paused, "a");

    assertThat(recorder.recordedSnapshot()).containsExactly(new Recorded<>(1, "b"));
    assertThat(recorder.overwrittenCount()).isEqualTo(1);
  }

  @Test
  void aPausedWriterPastTheWindowDoesNotHideNewerEntries() {
    RunnerFlightRecorder<String> recorder = new RunnerFlightRecorder<>(2);
    long paused = recorder.claim();
    recorder.record("b");
    recorder.record("c");

    assertThat(recorder.snapshot()).containsExactly("b", "c");
    recorder.publish(paused, "a");
    assertThat(recorder.snapshot()).containsExactly("b", "c");
  }

  @Test
  void aScanOvertakenByWritersRestartsAfterTheEvictedEntries() {
    RunnerFlightRecorder<String> recorder = new RunnerFlightRecorder<>(3);
    recorder.record("a");
    recorder.record("b");
    recorder.record("c");
    long endSeenByAScan = recorder.recordedCount();
    recorder.record("d");
    recorder.record("e");

    // The scan saw three entries recorded; by the time it reads them, a and b are gone.
    assertThat(recorder.scan(endSeenByAScan)).containsExactly(new Recorded<>(2, "c"));
  }

  @Test
  void aScanThatFindsAGapBehindItDropsWhatPrecedesTheGap() {
    RunnerFlightRecorder<String> recorder = new RunnerFlightRecorder<>(3);
    recorder.record("a");
    recorder.record("b");
    recorder.record("c");
    long endSeenByAScan = recorder.recordedCount();
    long paused = recorder.claim();
    recorder.record("e");

    // a is still in its slot but b is not: returning a and c would skip b.
    assertThat(recorder.scan(endSeenByAScan)).containsExactly(new Recorded<>(2, "c"));
    recorder.publish(paused, "d");
    assertThat(recorder.snapshot()).containsExactly("c", "d", "e");
  }
}
