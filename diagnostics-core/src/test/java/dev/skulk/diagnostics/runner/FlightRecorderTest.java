package dev.skulk.diagnostics.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.runner.FlightRecorder.Recorded;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FlightRecorderTest {

  @Test
  void startsEmptyWithTheDefaultCapacity() {
    FlightRecorder<String> recorder = new FlightRecorder<>();

    assertThat(recorder.capacity()).isEqualTo(128);
    assertThat(recorder.snapshot()).isEmpty();
    assertThat(recorder.recordedCount()).isZero();
    assertThat(recorder.overwrittenCount()).isZero();
  }

  @Test
  void rejectsACapacityBelowOne() {
    assertThatThrownBy(() -> new FlightRecorder<String>(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
  }

  @Test
  void keepsEverythingUntilFullOldestFirst() {
    FlightRecorder<String> recorder = new FlightRecorder<>(3);
    recorder.record("a");
    recorder.record("b");

    assertThat(recorder.snapshot()).containsExactly("a", "b");
    assertThat(recorder.overwrittenCount()).isZero();
  }

  @Test
  void keepsTheNewestEntriesWhenFull() {
    FlightRecorder<Integer> recorder = new FlightRecorder<>(128);
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
    FlightRecorder<String> recorder = new FlightRecorder<>(2);
    recorder.record("a");
    recorder.record(null);

    assertThat(recorder.snapshot()).containsExactly("a");
    assertThat(recorder.recordedCount()).isEqualTo(1);
    assertThat(recorder.ignoredNullCount()).isEqualTo(1);
  }

  @Test
  void snapshotsAreImmutableAndDetachedFromLaterRecords() {
    FlightRecorder<String> recorder = new FlightRecorder<>(2);
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
    FlightRecorder<String> recorder = new FlightRecorder<>(2);
    recorder.record("a");
    recorder.record("b");
    recorder.record("c");

    assertThat(recorder.recordedSnapshot())
        .containsExactly(new Recorded<>(1, "b"), new Recorded<>(2, "c"));
  }

  @Test
  void aCapacityOfOneKeepsTheLastEntry() {
    FlightRecorder<String> recorder = new FlightRecorder<>(1);
    recorder.record("a");
    recorder.record("b");

    assertThat(recorder.snapshot()).containsExactly("b");
    assertThat(recorder.overwrittenCount()).isEqualTo(1);
  }

  // The tests below replay, one step at a time, interleavings that racing threads produce rarely.

  @Test
  void aSnapshotEndsBeforeAnEntryStillBeingWritten() {
    FlightRecorder<String> recorder = new FlightRecorder<>(4);
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
    FlightRecorder<String> recorder = new FlightRecorder<>(1);
    long paused = recorder.claim();
    recorder.record("b");

    recorder.publish(paused, "a");

    assertThat(recorder.recordedSnapshot()).containsExactly(new Recorded<>(1, "b"));
    assertThat(recorder.overwrittenCount()).isEqualTo(1);
  }

  @Test
  void aPausedWriterPastTheWindowDoesNotHideNewerEntries() {
    FlightRecorder<String> recorder = new FlightRecorder<>(2);
    long paused = recorder.claim();
    recorder.record("b");
    recorder.record("c");

    assertThat(recorder.snapshot()).containsExactly("b", "c");
    recorder.publish(paused, "a");
    assertThat(recorder.snapshot()).containsExactly("b", "c");
  }

  @Test
  void aScanOvertakenByWritersRestartsAfterTheEvictedEntries() {
    FlightRecorder<String> recorder = new FlightRecorder<>(3);
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
    FlightRecorder<String> recorder = new FlightRecorder<>(3);
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
