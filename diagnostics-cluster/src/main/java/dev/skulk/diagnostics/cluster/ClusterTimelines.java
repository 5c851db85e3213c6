package dev.skulk.diagnostics.cluster;

import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.ClusterTimelineEntry;
import dev.skulk.diagnostics.model.ClusterTimelineRunner;
import dev.skulk.diagnostics.model.ClusterTimelineUnreachable;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntry;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.Timestamps;
import dev.skulk.diagnostics.rules.Warnings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds the cross-node {@link ClusterTimeline} from a {@link ClusterDiagnostics}: every runner of
 * every node that answered, all their flight-recorder entries merged in time order, and the nodes
 * that did not answer, as upstream's {@code API.get_cluster_timeline}: a node that is not ok or has
 * no diagnostics is unreachable with its error, or {@value #NO_PAYLOAD} when the error is null or
 * empty; text tie-breaks compare by Unicode code point, as Python does.
 *
 * <p>Stateless and thread-safe. Cost: one pass over the bundle plus two sorts, O(n log n) in the
 * number of flight-recorder entries (128 per runner at most); timestamps are parsed once each.
 */
public final class ClusterTimelines {

  /** The error of a node listed as unreachable without a reason of its own. */
  public static final String NO_PAYLOAD = "Node diagnostics returned no payload.";

  /* Texts compare by code point, as Python's str comparison does (not String.compareTo's UTF-16). */
  private static final Comparator<String> TEXT = Warnings.CODE_POINT_ORDER;

  private static final Comparator<ClusterTimelineRunner> RUNNER_ORDER =
      Comparator.comparing(ClusterTimelineRunner::modelId, TEXT)
          .thenComparingInt(ClusterTimelineRunner::deviceRank)
          .thenComparing(ClusterTimelineRunner::runnerId, TEXT);

  /*
   * Parsed time first (never the string: "+00:00", "Z" and other offsets sort wrongly as text),
   * then node id, then rank; entries whose time does not parse come last, by their text. The sort
   * is stable, so ties keep each recorder's own order.
   */
  private static final Comparator<Keyed> ENTRY_ORDER =
      Comparator.<Keyed, Boolean>comparing(k -> k.time == null)
          .thenComparing(k -> k.time, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(k -> k.time == null ? k.entry.at() : "", TEXT)
          .thenComparing(k -> k.entry.nodeId(), TEXT)
          .thenComparingInt(k -> k.entry.deviceRank());

  private ClusterTimelines() {}

  /** The timeline of {@code cluster}; its generatedAt and node ids are the cluster bundle's. */
  public static ClusterTimeline build(ClusterDiagnostics cluster) {
    List<ClusterTimelineRunner> runners = new ArrayList<>();
    List<Keyed> entries = new ArrayList<>();
    List<ClusterTimelineUnreachable> unreachable = new ArrayList<>();
    for (ClusterNodeDiagnostics node : cluster.nodes()) {
      if (!node.ok() || node.diagnostics() == null) {
        // Upstream: node.error or "Node diagnostics returned no payload." (an empty error is falsy;
        // an ok node without diagnostics keeps its error when it has one).
        String error = node.error() == null || node.error().isEmpty() ? NO_PAYLOAD : node.error();
        unreachable.add(new ClusterTimelineUnreachable(node.nodeId(), node.url(), error));
        continue;
      }
      for (RunnerSupervisorDiagnostics runner : node.diagnostics().supervisorRunners()) {
        runners.add(runnerOf(runner));
        for (RunnerFlightRecorderEntry entry : runner.flightRecorder()) {
          ClusterTimelineEntry lifted = entryOf(runner, entry);
          entries.add(new Keyed(lifted, Timestamps.tryParse(entry.at())));
        }
      }
    }
    runners.sort(RUNNER_ORDER);
    entries.sort(ENTRY_ORDER);
    List<ClusterTimelineEntry> timeline = new ArrayList<>(entries.size());
    for (Keyed keyed : entries) {
      timeline.add(keyed.entry);
    }
    return new ClusterTimeline(
        cluster.generatedAt(),
        cluster.localNodeId(),
        cluster.masterNodeId(),
        runners,
        timeline,
        unreachable);
  }

  private static ClusterTimelineRunner runnerOf(RunnerSupervisorDiagnostics r) {
    return new ClusterTimelineRunner(
        r.nodeId(),
        r.runnerId(),
        r.instanceId(),
        r.modelId(),
        r.deviceRank(),
        r.worldSize(),
        r.pid(),
        r.processAlive(),
        r.statusKind(),
        r.phase(),
        r.phaseDetail(),
        r.secondsInPhase(),
        r.lastProgressAt(),
        r.activeTaskId(),
        r.activeCommandId(),
        r.lastMlxMemory());
  }

  private static ClusterTimelineEntry entryOf(RunnerSupervisorDiagnostics r, RunnerFlightRecorderEntry e) {
    return new ClusterTimelineEntry(
        e.at(),
        r.nodeId(),
        r.runnerId(),
        r.deviceRank(),
        r.worldSize(),
        e.phase(),
        e.event(),
        e.detail(),
        e.attrs(),
        e.taskId(),
        e.commandId(),
        e.mlxMemory());
  }

  private record Keyed(ClusterTimelineEntry entry, @Nullable Instant time) {}
}
