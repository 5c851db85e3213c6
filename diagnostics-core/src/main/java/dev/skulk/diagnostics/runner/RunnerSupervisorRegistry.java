package dev.skulk.diagnostics.runner;

import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The runner supervisor trackers a host has live, by runner id. A host registers a tracker when it
 * starts supervising a runner and unregisters it when the runner is gone; {@link #get()} is the
 * source of the bundle's {@code supervisorRunners}, so a registry can be handed to an assembler as
 * its {@code Supplier} of supervisor diagnostics.
 *
 * <p>Trackers are listed in registration order, as upstream's worker lists its runner supervisors
 * (its runners dict, in insertion order); a tracker registered again after being unregistered
 * goes last.
 *
 * <p><b>Thread-safety.</b> Thread-safe: registering, unregistering and reading may happen
 * concurrently. One private lock is held only to change or copy the map, never while a snapshot
 * is taken; {@link #get()} sees each tracker registered before it began and none unregistered
 * before it began.
 *
 * <p><b>Cost.</b> Lookups are O(1); {@link #get()} copies the tracker list and takes one snapshot
 * per tracker.
 */
public final class RunnerSupervisorRegistry implements Supplier<List<RunnerSupervisorDiagnostics>> {

  private final Object lock = new Object();
  // Guarded by lock.
  private final Map<String, RunnerSupervisorTracker> trackers = new LinkedHashMap<>();

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
    RunnerSupervisorTracker existing;
    synchronized (lock) {
      existing = trackers.putIfAbsent(tracker.runnerId(), tracker);
    }
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
    synchronized (lock) {
      return Optional.ofNullable(trackers.remove(runnerId));
    }
  }

  /**
   * Unregisters {@code tracker} if it is the one registered under its runner id (a tracker that
   * replaced it is left alone).
   *
   * @return whether it was removed
   */
  public boolean unregister(RunnerSupervisorTracker tracker) {
    Objects.requireNonNull(tracker, "tracker");
    synchronized (lock) {
      return trackers.remove(tracker.runnerId(), tracker);
    }
  }

  /** The tracker registered under {@code runnerId}, if any. */
  public Optional<RunnerSupervisorTracker> tracker(String runnerId) {
    Objects.requireNonNull(runnerId, "runnerId");
    synchronized (lock) {
      return Optional.ofNullable(trackers.get(runnerId));
    }
  }

  /** The registered trackers, in registration order, as an immutable list. */
  public List<RunnerSupervisorTracker> trackers() {
    synchronized (lock) {
      return List.copyOf(trackers.values());
    }
  }

  /** A snapshot of every registered tracker, in registration order, as an immutable list. */
  @Override
  public List<RunnerSupervisorDiagnostics> get() {
    List<RunnerSupervisorTracker> registered = trackers();
    List<RunnerSupervisorDiagnostics> snapshots = new ArrayList<>(registered.size());
    for (RunnerSupervisorTracker tracker : registered) {
      snapshots.add(tracker.snapshot());
    }
    return List.copyOf(snapshots);
  }
}
