package dev.skulk.diagnostics.runner;

import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * The runner supervisor trackers a host has live, by runner id. A host registers a tracker when it
 * starts supervising a runner and unregisters it when the runner is gone; {@link #get()} is the
 * source of the bundle's {@code supervisorRunners}, so a registry can be handed to an assembler as
 * its {@code Supplier} of supervisor diagnostics.
 *
 * <p><b>Thread-safety.</b> Thread-safe and non-blocking: registering, unregistering and reading
 * may happen concurrently; {@link #get()} sees each tracker registered before it began and none
 * unregistered before it began, and may or may not see those changed while it runs.
 *
 * <p><b>Cost.</b> Lookups are O(log n); {@link #get()} takes one snapshot per tracker.
 */
public final class RunnerSupervisorRegistry implements Supplier<List<RunnerSupervisorDiagnostics>> {

  private final ConcurrentNavigableMap<String, RunnerSupervisorTracker> trackers =
      new ConcurrentSkipListMap<>();

  /** An empty registry. */
  public RunnerSupervisorRegistry() {}

  /**
   * Registers a tracker under its runner id.
   *
   * @throws IllegalStateException when another tracker is registered under that id (registering
   *     the same tracker twice is allowed and changes nothing)
   */
  public void register(RunnerSupervisorTracker tracker) {
    Objects.requireNonNull(tracker, "tracker");
    RunnerSupervisorTracker existing = trackers.putIfAbsent(tracker.runnerId(), tracker);
    if (existing != null && existing != tracker) {
      throw new IllegalStateException(
          "A tracker is already registered for runner " + tracker.runnerId());
    }
  }

  /**
   * Unregisters the tracker registered under {@code runnerId}.
   *
   * @return the tracker removed, or empty when none was registered
   */
  public Optional<RunnerSupervisorTracker> unregister(String runnerId) {
    Objects.requireNonNull(runnerId, "runnerId");
    return Optional.ofNullable(trackers.remove(runnerId));
  }

  /**
   * Unregisters {@code tracker} if it is the one registered under its runner id (a tracker that
   * replaced it is left alone).
   *
   * @return whether it was removed
   */
  public boolean unregister(RunnerSupervisorTracker tracker) {
    Objects.requireNonNull(tracker, "tracker");
    return trackers.remove(tracker.runnerId(), tracker);
  }

  /** The tracker registered under {@code runnerId}, if any. */
  public Optional<RunnerSupervisorTracker> tracker(String runnerId) {
    Objects.requireNonNull(runnerId, "runnerId");
    return Optional.ofNullable(trackers.get(runnerId));
  }

  /** The registered trackers, ordered by runner id, as an immutable list. */
  public List<RunnerSupervisorTracker> trackers() {
    return List.copyOf(trackers.values());
  }

  /** A snapshot of every registered tracker, ordered by runner id, as an immutable list. */
  @Override
  public List<RunnerSupervisorDiagnostics> get() {
    List<RunnerSupervisorDiagnostics> snapshots = new ArrayList<>(trackers.size());
    for (RunnerSupervisorTracker tracker : trackers.values()) {
      snapshots.add(tracker.snapshot());
    }
    return List.copyOf(snapshots);
  }
}
