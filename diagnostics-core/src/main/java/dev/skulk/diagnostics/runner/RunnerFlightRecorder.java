package dev.skulk.diagnostics.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * An always-on, bounded ring of the newest entries recorded, in the spirit of the JDK Flight
 * Recorder: recording is cheap and never blocks or throws, and taking a snapshot never stops the
 * writers. A runner supervisor keeps one per runner (default {@value #DEFAULT_CAPACITY} entries),
 * written on every phase change and possibly on every token.
 *
 * <p><b>Record order.</b> Every {@link #record} call that accepts an entry claims the next sequence
 * number (0, 1, 2, ...) from one atomic counter; that is the record order. For one thread it is
 * program order; between threads it is the order in which their calls claimed a number.
 *
 * <p><b>Snapshot guarantee.</b> {@link #snapshot()} returns entries oldest first, and what it
 * returns is always a contiguous run of the record order: the entries with sequence numbers {@code
 * a, a+1, ..., b-1} for some {@code a <= b}, each exactly the entry recorded with that number
 * (never torn, never duplicated, never reordered, never one that was not recorded), with {@code b -
 * a <= capacity} and {@code b} at most the {@link #recordedCount()} read when the call began. When no
 * {@code record} call runs concurrently with the snapshot, the run is exactly the newest {@code
 * min(capacity, recordedCount())} entries. With concurrent writers the run may be shorter at either
 * end: it stops just before the oldest entry still being written (rather than skip it and show a
 * later one), and it starts later when writers evict its oldest entries while it reads. {@link
 * #recordedSnapshot()} returns the same run with the sequence numbers, so a poller can tell what it
 * missed between two snapshots.
 *
 * <p><b>Thread-safety.</b> Lock-free and safe for any number of writers and concurrent
 * snapshots. A writer that finds its slot already taken by an entry at least {@code capacity}
 * records newer (it was descheduled between claiming its number and publishing) discards its entry,
 * which was evicted before it could be seen; it never overwrites a newer one.
 *
 * <p><b>Cost.</b> {@code record} is one atomic increment, one small allocation (the slot holder,
 * a {@link Recorded} of the entry and its sequence number) and usually one compare-and-set: tens of
 * nanoseconds uncontended; many writers contend only on the shared counter. A snapshot reads each
 * slot once and allocates two arrays of at most {@code capacity} references.
 *
 * @param <E> the type of entry; entries should be immutable, since snapshots hand out the same
 *     instances that were recorded
 */
public final class RunnerFlightRecorder<E> {

  /** The capacity of a recorder made with {@link #RunnerFlightRecorder()}. */
  public static final int DEFAULT_CAPACITY = 128;

  private final int capacity;
  private final AtomicReferenceArray<@Nullable Recorded<E>> slots;
  private final AtomicLong nextSequence = new AtomicLong();
  private final AtomicLong ignoredNulls = new AtomicLong();

  /** A recorder that keeps the newest {@value #DEFAULT_CAPACITY} entries. */
  public RunnerFlightRecorder() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * A recorder that keeps the newest {@code capacity} entries.
   *
   * @throws IllegalArgumentException when {@code capacity} is less than 1
   */
  public RunnerFlightRecorder(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.slots = new AtomicReferenceArray<>(capacity);
  }

  /**
   * Records an entry, evicting the oldest one when the recorder is full. Never blocks and never
   * throws; a null entry is ignored and counted in {@link #ignoredNullCount()}.
   */
  public void record(@Nullable E entry) {
    if (entry == null) {
      ignoredNulls.incrementAndGet();
      return;
    }
    publish(claim(), entry);
  }

  // record() in two steps, so that tests can pause a writer between them deterministically.
  long claim() {
    return nextSequence.getAndIncrement();
  }

  void publish(long sequence, E entry) {
    Recorded<E> mine = new Recorded<>(sequence, entry);
    int index = indexOf(sequence);
    @Nullable Recorded<E> current = slots.get(index);
    // Slot sequence numbers only ever grow: a writer that lost a race to a newer one backs off.
    while (current == null || current.sequence < sequence) {
      @Nullable Recorded<E> witness = slots.compareAndExchange(index, current, mine);
      if (witness == current) {
        return;
      }
      current = witness;
    }
  }

  /**
   * The retained entries, oldest first, as an immutable list; see the class javadoc for the exact
   * guarantee under concurrent writers.
   */
  public List<E> snapshot() {
    List<Recorded<E>> run = scan();
    List<E> entries = new ArrayList<>(run.size());
    for (Recorded<E> recorded : run) {
      entries.add(recorded.entry());
    }
    return Collections.unmodifiableList(entries);
  }

  /**
   * The same contiguous run as {@link #snapshot()}, each entry with its sequence number, oldest
   * first, as an immutable list.
   */
  public List<Recorded<E>> recordedSnapshot() {
    return Collections.unmodifiableList(scan());
  }

  /**
   * How many entries were ever recorded (null entries excluded), including any still being written.
   */
  public long recordedCount() {
    return nextSequence.get();
  }

  /** How many recorded entries have been evicted to make room: {@code max(0, recorded - capacity)}. */
  public long overwrittenCount() {
    return Math.max(0, nextSequence.get() - capacity);
  }

  /** How many null entries {@link #record} was given and ignored. */
  public long ignoredNullCount() {
    return ignoredNulls.get();
  }

  /** The most entries this recorder retains. */
  public int capacity() {
    return capacity;
  }

  private ArrayList<Recorded<E>> scan() {
    return scan(nextSequence.get());
  }

  // Package-private so that tests can replay a scan that read the counter before later records.
  ArrayList<Recorded<E>> scan(long end) {
    long start = Math.max(0, end - capacity);
    ArrayList<Recorded<E>> run = new ArrayList<>((int) (end - start));
    for (long sequence = start; sequence < end; sequence++) {
      @Nullable Recorded<E> slot = slots.get(indexOf(sequence));
      if (slot == null || slot.sequence < sequence) {
        // Claimed but not yet published: end the run here rather than skip over it.
        break;
      }
      if (slot.sequence > sequence) {
        // Evicted while we read: everything gathered so far is older still, so restart after it.
        run.clear();
        continue;
      }
      run.add(slot);
    }
    return run;
  }

  private int indexOf(long sequence) {
    return (int) (sequence % capacity);
  }

  /**
   * One entry as a recorder holds it: the entry and its sequence number in record order (0 for the
   * first entry ever recorded). Immutable.
   *
   * @param sequence the entry's position in record order, from 0
   * @param entry the recorded entry
   * @param <E> the type of entry
   */
  public record Recorded<E>(long sequence, E entry) {}
}
