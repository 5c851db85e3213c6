package dev.skulk.diagnostics.cli.triage;

import static dev.skulk.diagnostics.rules.ShortIds.shortId;

import dev.skulk.diagnostics.cli.triage.TriageReport.BundleWarning;
import dev.skulk.diagnostics.cli.triage.TriageReport.InstanceTable;
import dev.skulk.diagnostics.cli.triage.TriageReport.NodeLine;
import dev.skulk.diagnostics.cli.triage.TriageReport.RankRow;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.ClusterTimelineEntry;
import dev.skulk.diagnostics.model.ClusterTimelineRunner;
import dev.skulk.diagnostics.model.ClusterTimelineUnreachable;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.PlacementRunnerDiagnostics;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.Timestamps;
import dev.skulk.diagnostics.rules.DeadRunnerProcessRule;
import dev.skulk.diagnostics.rules.LeakedWiredMemoryRule;
import dev.skulk.diagnostics.rules.LowAvailableMemoryRule;
import dev.skulk.diagnostics.rules.RankDisagreementRule;
import dev.skulk.diagnostics.rules.StuckPhaseRule;
import dev.skulk.diagnostics.rules.SwapPressureRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads a bundle (node, cluster, timeline or capture) the way an operator would at 3 a.m. and says
 * what is wrong. Where a finding overlaps one of the core's extended rules it uses that rule's
 * default threshold (stuck phase 60 s, rank disagreement 30 s, low RAM 10%, swap 50%, leaked wired
 * 5 GiB, the dead-process terminal statuses), so triage and a node's own warnings agree.
 *
 * <p>Immutable and thread-safe; linear in the size of the bundle.
 */
public final class Triage {

  /**
   * How long a busy runner may go without a flight-recorder entry before it is called stalled. The
   * core has no such rule; it is the stuck-phase threshold, so a runner is never called stalled
   * sooner than it would be called stuck.
   */
  public static final Duration NO_PROGRESS_THRESHOLD = StuckPhaseRule.DEFAULT_THRESHOLD;

  /**
   * How far a node's clock may be off before its timestamps are called untrustworthy. The core has
   * no clock rule; 5 s is the collectors' default overall deadline, the most a bundle's own
   * timestamps may legitimately lag its collection.
   */
  public static final Duration CLOCK_OFFSET_THRESHOLD = Duration.ofSeconds(5);

  private static final Pattern COLLECTOR_FAILURE =
      Pattern.compile("^Collector (provider \\S+ could not be loaded|\\S+ (failed|timed out|skipped)).*", Pattern.DOTALL);

  private final Duration rankDisagreement;
  private final Duration stuckPhase;
  private final Duration noProgress;
  private final Duration clockOffset;

  private Triage(Duration rankDisagreement, Duration stuckPhase, Duration noProgress, Duration clockOffset) {
    this.rankDisagreement = rankDisagreement;
    this.stuckPhase = stuckPhase;
    this.noProgress = noProgress;
    this.clockOffset = clockOffset;
  }

  /** Triage with the core rules' default thresholds and ours. */
  public static Triage withDefaults() {
    return new Triage(RankDisagreementRule.DEFAULT_THRESHOLD, StuckPhaseRule.DEFAULT_THRESHOLD,
        NO_PROGRESS_THRESHOLD, CLOCK_OFFSET_THRESHOLD);
  }

  /**
   * When a document was fetched live: our clock just before the request and just after the answer,
   * which bound every timestamp in it if the clocks agree.
   *
   * @param sent when the request was sent
   * @param received when the answer was complete
   */
  public record FetchWindow(Instant sent, Instant received) {
    public FetchWindow {
      Objects.requireNonNull(sent, "sent");
      Objects.requireNonNull(received, "received");
    }
  }

  /** Triage of a document read from a file. */
  public TriageReport analyse(Object document) {
    return analyse(document, null);
  }

  /**
   * Triage of a document.
   *
   * @param document a {@link NodeDiagnostics}, {@link ClusterDiagnostics}, {@link ClusterTimeline}
   *     or {@link DiagnosticCaptureResponse}
   * @param fetched when it was fetched live, for clock checks against this machine; null for a file
   */
  public TriageReport analyse(Object document, @Nullable FetchWindow fetched) {
    Objects.requireNonNull(document, "document");
    if (document instanceof NodeDiagnostics node) {
      return new Run("node", node.generatedAt(), node.runtime().nodeId(), node.runtime().masterNodeId())
          .node(node.runtime().nodeId(), node).clockAgainstFetch(fetched).finish();
    }
    if (document instanceof DiagnosticCaptureResponse capture) {
      NodeDiagnostics node = capture.nodeDiagnostics();
      Run run = new Run("capture", capture.generatedAt(), capture.nodeId(), node.runtime().masterNodeId())
          .node(capture.nodeId(), node);
      for (String warning : capture.warnings()) {
        run.warnings.add(new BundleWarning(capture.nodeId(), warning));
      }
      return run.clockAgainstFetch(fetched).finish();
    }
    if (document instanceof ClusterDiagnostics cluster) {
      return cluster(cluster, fetched);
    }
    if (document instanceof ClusterTimeline timeline) {
      return timeline(timeline, fetched);
    }
    throw new IllegalArgumentException("not a diagnostics document: " + document.getClass().getName());
  }

  private TriageReport cluster(ClusterDiagnostics cluster, @Nullable FetchWindow fetched) {
    Run run = new Run("cluster", cluster.generatedAt(), cluster.localNodeId(), cluster.masterNodeId());
    for (ClusterNodeDiagnostics entry : cluster.nodes()) {
      if (entry.ok() && entry.diagnostics() != null) {
        run.node(entry.nodeId(), entry.diagnostics());
      } else {
        run.unreachable(entry.nodeId(), entry.error() != null ? entry.error() : "Node diagnostics returned no payload.");
      }
    }
    run.clockAgainstFetch(fetched);
    // Every node's bundle was built while the view was collected: after the serving node began
    // (its own bundle comes first) and before the view was finished. A peer stamped outside that
    // window by more than the threshold has a clock that is off, on the serving node's clock.
    @Nullable Instant end = Timestamps.tryParse(cluster.generatedAt());
    @Nullable Instant start = null;
    for (ClusterNodeDiagnostics entry : cluster.nodes()) {
      if (entry.nodeId().equals(cluster.localNodeId()) && entry.diagnostics() != null) {
        start = Timestamps.tryParse(entry.diagnostics().generatedAt());
      }
    }
    for (ClusterNodeDiagnostics entry : cluster.nodes()) {
      if (entry.diagnostics() == null || entry.nodeId().equals(cluster.localNodeId())) {
        continue;
      }
      @Nullable Instant at = Timestamps.tryParse(entry.diagnostics().generatedAt());
      if (at == null) {
        continue;
      }
      if (end != null && Duration.between(end, at).compareTo(clockOffset) > 0) {
        run.clock(entry.nodeId(), "generatedAt", entry.diagnostics().generatedAt(), Duration.between(end, at),
            "after the cluster view of " + shortId(cluster.localNodeId()) + " was finished");
      } else if (start != null && Duration.between(at, start).compareTo(clockOffset) > 0) {
        run.clock(entry.nodeId(), "generatedAt", entry.diagnostics().generatedAt(), Duration.between(start, at),
            "before " + shortId(cluster.localNodeId()) + " began collecting the cluster view");
      }
    }
    return run.finish();
  }

  private TriageReport timeline(ClusterTimeline timeline, @Nullable FetchWindow fetched) {
    Run run = new Run("timeline", timeline.generatedAt(), timeline.localNodeId(), timeline.masterNodeId());
    @Nullable Instant now = Timestamps.tryParse(timeline.generatedAt());
    Set<String> nodes = new LinkedHashSet<>();
    nodes.add(timeline.localNodeId());
    timeline.runners().forEach(r -> nodes.add(r.nodeId()));
    Set<String> unreachable = new HashSet<>();
    timeline.unreachableNodes().forEach(u -> unreachable.add(u.nodeId()));
    for (String node : nodes) {
      if (!unreachable.contains(node)) {
        run.nodes.add(new NodeLine(node, true, null, null, null));
      }
    }
    for (ClusterTimelineUnreachable u : timeline.unreachableNodes()) {
      run.unreachable(u.nodeId(), u.error());
    }
    List<ClusterTimelineRunner> runners = timeline.runners();
    for (int i = 0; i < runners.size(); i++) {
      ClusterTimelineRunner r = runners.get(i);
      run.ranks.add(new Rank(r.nodeId(), r.runnerId(), r.instanceId(), r.modelId(), r.deviceRank(), r.worldSize(),
          null, r.statusKind(), r.phase(), r.secondsInPhase(), r.processAlive(), r.pid(), null, r.activeTaskId(),
          -1, r.lastProgressAt(), now, "runners[" + i + "]"));
    }
    run.clockAgainstFetch(fetched);
    // A node's flight-recorder entries cannot postdate the timeline that merged them: one that does
    // shows how far ahead that node's clock is, at least.
    if (now != null) {
      Map<String, ClusterTimelineEntry> latest = new LinkedHashMap<>();
      Map<String, Integer> latestIndex = new LinkedHashMap<>();
      List<ClusterTimelineEntry> entries = timeline.timeline();
      for (int i = 0; i < entries.size(); i++) {
        ClusterTimelineEntry e = entries.get(i);
        @Nullable Instant at = Timestamps.tryParse(e.at());
        ClusterTimelineEntry known = latest.get(e.nodeId());
        if (at != null && (known == null || at.isAfter(Timestamps.parse(known.at())))) {
          latest.put(e.nodeId(), e);
          latestIndex.put(e.nodeId(), i);
        }
      }
      latest.forEach((node, e) -> {
        Duration ahead = Duration.between(now, Timestamps.parse(e.at()));
        if (ahead.compareTo(clockOffset) > 0) {
          run.clock(node, "timeline[" + latestIndex.get(node) + "].at", e.at(), ahead,
              "after the timeline of " + shortId(timeline.localNodeId()) + " was built");
        }
      });
    }
    return run.finish();
  }

  /** One runner as triage sees it, whichever document it came from. */
  private record Rank(
      String nodeId,
      String runnerId,
      String instanceId,
      String modelId,
      int rank,
      int worldSize,
      @Nullable String layers,
      String status,
      RunnerPhase phase,
      double secondsInPhase,
      boolean alive,
      @Nullable Long pid,
      @Nullable Integer exitCode,
      @Nullable String activeTaskId,
      int inProgress, // -1: not known (a timeline does not carry it)
      @Nullable String lastProgressAt,
      @Nullable Instant now,
      String path) {

    boolean busy() {
      return inProgress > 0 || (inProgress < 0 && activeTaskId != null);
    }
  }

  /** The state of one analysis. */
  private final class Run {
    final String kind;
    final String generatedAt;
    final String localNodeId;
    final @Nullable String masterNodeId;
    final List<NodeLine> nodes = new ArrayList<>();
    final List<Rank> ranks = new ArrayList<>();
    final Map<String, PlacementRunnerDiagnostics> placed = new LinkedHashMap<>();
    final Map<String, String> placedInstance = new LinkedHashMap<>();
    final Map<String, String> models = new LinkedHashMap<>();
    final Set<String> placementsSeen = new HashSet<>();
    final List<BundleWarning> warnings = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    final Map<String, NodeDiagnostics> bundles = new LinkedHashMap<>();

    Run(String kind, String generatedAt, String localNodeId, @Nullable String masterNodeId) {
      this.kind = kind;
      this.generatedAt = generatedAt;
      this.localNodeId = localNodeId;
      this.masterNodeId = masterNodeId;
    }

    Run node(String nodeId, NodeDiagnostics node) {
      bundles.put(nodeId, node);
      nodes.add(new NodeLine(nodeId, true, node.generatedAt(), friendlyName(node), null));
      @Nullable Instant now = Timestamps.tryParse(node.generatedAt());
      List<RunnerSupervisorDiagnostics> runners = node.supervisorRunners();
      for (int i = 0; i < runners.size(); i++) {
        RunnerSupervisorDiagnostics r = runners.get(i);
        ranks.add(new Rank(nodeId, r.runnerId(), r.instanceId(), r.modelId(), r.deviceRank(), r.worldSize(),
            r.startLayer() + "-" + r.endLayer() + "/" + r.nLayers(), r.statusKind(), r.phase(), r.secondsInPhase(),
            r.processAlive(), r.pid(), r.exitCode(), r.activeTaskId(), r.inProgressTasks().size(),
            r.lastProgressAt() != null ? r.lastProgressAt() : r.phaseStartedAt(), now, "supervisorRunners[" + i + "]"));
      }
      for (String warning : node.warnings()) {
        warnings.add(new BundleWarning(nodeId, warning));
      }
      resources(nodeId, node);
      placements(nodeId, node);
      collectorFailures(nodeId, node);
      return this;
    }

    void unreachable(String nodeId, String error) {
      nodes.add(new NodeLine(nodeId, false, null, null, error));
      findings.add(new Finding(Severity.WARNING, "unreachable-node", nodeId, null, "error", error,
          "Node " + shortId(nodeId) + " did not answer; its ranks are unknown: " + error));
    }

    Run clockAgainstFetch(@Nullable FetchWindow fetched) {
      if (fetched == null) {
        return this;
      }
      @Nullable Instant at = Timestamps.tryParse(generatedAt);
      if (at == null) {
        return this;
      }
      // The document was built between our request and its answer, if our clocks agree.
      if (Duration.between(fetched.received(), at).compareTo(clockOffset) > 0) {
        clock(localNodeId, "generatedAt", generatedAt, Duration.between(fetched.received(), at),
            "after this machine received it");
      } else if (Duration.between(at, fetched.sent()).compareTo(clockOffset) > 0) {
        clock(localNodeId, "generatedAt", generatedAt, Duration.between(fetched.sent(), at),
            "before this machine asked for it");
      }
      return this;
    }

    void clock(String nodeId, String field, String value, Duration offset, String when) {
      double seconds = Math.abs(offset.toNanos() / 1e9);
      findings.add(new Finding(Severity.WARNING, "clock-offset", nodeId, null, field, value,
          "Clock of " + shortId(nodeId) + " is off by at least " + Numbers.oneDecimal(seconds) + " s (stamped "
              + Numbers.oneDecimal(seconds) + " s " + when + "), over the "
              + Numbers.oneDecimal(clockOffset.toNanos() / 1e9) + " s threshold; read cross-node times with care."));
    }

    private void resources(String nodeId, NodeDiagnostics node) {
      @Nullable String leak = LeakedWiredMemoryRule.warning(node.resources().currentWired(), node.supervisorRunners());
      if (leak != null) {
        long wired = Objects.requireNonNull(node.resources().currentWired()).inBytes();
        findings.add(new Finding(Severity.WARNING, "leaked-wired-memory", nodeId, null,
            "resources.currentWired.inBytes", Long.toString(wired),
            Numbers.gib(wired) + " GB wired with no live runner, over the "
                + Numbers.gib(LeakedWiredMemoryRule.THRESHOLD_BYTES)
                + " GB threshold: likely leaked by an abnormal Metal termination; reboot the node to reclaim it."));
      }
      MemoryUsage memory = node.resources().currentMemory();
      String source = "currentMemory";
      if (memory == null) {
        memory = node.resources().gatheredMemory();
        source = "gatheredMemory";
      }
      if (memory == null) {
        return;
      }
      long total = memory.ramTotal().inBytes();
      long available = memory.ramAvailable().inBytes();
      if (total > 0 && (double) available / total < LowAvailableMemoryRule.DEFAULT_RATIO) {
        findings.add(new Finding(Severity.WARNING, "low-memory", nodeId, null,
            "resources." + source + ".ramAvailable.inBytes", Long.toString(available),
            "Available RAM is low: " + Numbers.gib(available) + " GB of " + Numbers.gib(total) + " GB ("
                + Numbers.percent((double) available / total) + "%), under the "
                + Numbers.percent(LowAvailableMemoryRule.DEFAULT_RATIO) + "% threshold."));
      }
      long swapTotal = memory.swapTotal().inBytes();
      long swapUsed = swapTotal - memory.swapAvailable().inBytes();
      if (swapTotal > 0 && (double) swapUsed / swapTotal > SwapPressureRule.DEFAULT_RATIO) {
        findings.add(new Finding(Severity.WARNING, "swap-pressure", nodeId, null,
            "resources." + source + ".swapAvailable.inBytes", Long.toString(memory.swapAvailable().inBytes()),
            "Swap use is high: " + Numbers.gib(swapUsed) + " GB of " + Numbers.gib(swapTotal) + " GB ("
                + Numbers.percent((double) swapUsed / swapTotal) + "%) in use, over the "
                + Numbers.percent(SwapPressureRule.DEFAULT_RATIO) + "% threshold."));
      }
    }

    private void placements(String nodeId, NodeDiagnostics node) {
      List<InstancePlacementDiagnostics> placements = node.placements();
      for (int i = 0; i < placements.size(); i++) {
        InstancePlacementDiagnostics p = placements.get(i);
        models.putIfAbsent(p.instanceId(), p.modelId());
        for (PlacementRunnerDiagnostics r : p.runners()) {
          placed.putIfAbsent(r.runnerId(), r);
          placedInstance.putIfAbsent(r.runnerId(), p.instanceId());
        }
        // Every node of the cluster reports the same placement: say it once.
        if (p.masterNodeId() != null && !p.masterIsPlacementNode() && placementsSeen.add(p.instanceId())) {
          findings.add(new Finding(Severity.WARNING, "master-outside-placement", nodeId, null,
              "placements[" + i + "].masterIsPlacementNode", "false",
              "Master " + shortId(p.masterNodeId()) + " is not a node of instance " + shortId(p.instanceId())
                  + " (nodes " + p.placementNodeIds().stream().map(id -> shortId(id)).collect(Collectors.joining(", "))
                  + "); its runners may wait on a master that does not coordinate them."));
        }
      }
    }

    private void collectorFailures(String nodeId, NodeDiagnostics node) {
      List<String> nodeWarnings = node.warnings();
      for (int i = 0; i < nodeWarnings.size(); i++) {
        String warning = nodeWarnings.get(i);
        if (COLLECTOR_FAILURE.matcher(warning).matches()) {
          findings.add(new Finding(Severity.WARNING, "collector-failure", nodeId, null, "warnings[" + i + "]", warning,
              "A collector failed on " + shortId(nodeId) + "; the readings it serves are missing from its bundle."));
        }
      }
    }

    TriageReport finish() {
      runnerFindings();
      return new TriageReport(kind, generatedAt, localNodeId, masterNodeId, nodes, instanceTables(), warnings,
          findings);
    }

    private void runnerFindings() {
      Map<String, List<Rank>> byInstance = new LinkedHashMap<>();
      ranks.forEach(r -> byInstance.computeIfAbsent(r.instanceId(), k -> new ArrayList<>()).add(r));
      Set<String> flagged = new HashSet<>();
      double disagreeLimit = rankDisagreement.toNanos() / 1e9;
      double stuckLimit = stuckPhase.toNanos() / 1e9;
      for (List<Rank> group : byInstance.values()) {
        List<Rank> live = group.stream().filter(Rank::alive).sorted(Comparator.comparingInt(Rank::rank)).toList();
        for (Rank r : live) {
          if (!StuckPhaseRule.WAIT_PHASES.contains(r.phase())) {
            continue;
          }
          List<Rank> movedOn = live.stream().filter(p -> p.phase() != r.phase()).toList();
          if (!movedOn.isEmpty() && r.secondsInPhase() > disagreeLimit) {
            flagged.add(r.runnerId());
            findings.add(new Finding(Severity.CRITICAL, "rank-disagreement", r.nodeId(), r.runnerId(),
                r.path() + ".phase", r.phase().wireValue(),
                "Rank " + r.rank() + " of instance " + shortId(r.instanceId()) + " has waited in " + r.phase().wireValue()
                    + " for " + Numbers.oneDecimal(r.secondsInPhase()) + " s (over the "
                    + Numbers.oneDecimal(disagreeLimit) + " s threshold) while its peers moved on: "
                    + movedOn.stream().map(p -> "rank " + p.rank() + " in " + p.phase().wireValue())
                        .collect(Collectors.joining(", "))
                    + "."));
          } else if (r.secondsInPhase() > stuckLimit) {
            flagged.add(r.runnerId());
            findings.add(new Finding(Severity.WARNING, "stuck-phase", r.nodeId(), r.runnerId(),
                r.path() + ".secondsInPhase", Numbers.oneDecimal(r.secondsInPhase()),
                "Rank " + r.rank() + " of instance " + shortId(r.instanceId()) + " has been in "
                    + r.phase().wireValue() + " for " + Numbers.oneDecimal(r.secondsInPhase()) + " s, over the "
                    + Numbers.oneDecimal(stuckLimit) + " s threshold for a barrier or wait phase"
                    + (live.size() > 1 ? ", as have all its live peers" : "")
                    + "; a rank that is not reported may be stuck or gone."));
          }
        }
      }
      double progressLimit = noProgress.toNanos() / 1e9;
      for (Rank r : ranks) {
        if (!r.alive()) {
          if (r.busy()) {
            flagged.add(r.runnerId());
            String tasks = r.inProgress() > 0 ? r.inProgress() + " in-progress task(s)" : "active task " + r.activeTaskId();
            findings.add(new Finding(Severity.CRITICAL, "dead-runner", r.nodeId(), r.runnerId(),
                r.path() + ".processAlive", "false",
                "Runner " + shortId(r.runnerId()) + " (rank " + r.rank() + ") has " + tasks + " but its process"
                    + (r.pid() != null ? " " + r.pid() : "") + " is dead (" + exit(r) + "); that work is lost."));
          } else if (r.pid() != null && !DeadRunnerProcessRule.DEFAULT_TERMINAL_STATUSES.contains(r.status())) {
            findings.add(new Finding(Severity.WARNING, "dead-runner", r.nodeId(), r.runnerId(),
                r.path() + ".processAlive", "false",
                "Runner " + shortId(r.runnerId()) + " process " + r.pid() + " is not alive (" + exit(r)
                    + ") but its status is " + r.status() + "; the supervisor may not have noticed the exit."));
          }
          continue;
        }
        if (!r.busy() || flagged.contains(r.runnerId()) || r.now() == null) {
          continue;
        }
        @Nullable Instant last = Timestamps.tryParse(r.lastProgressAt());
        if (last == null) {
          continue;
        }
        double quiet = Duration.between(last, r.now()).toNanos() / 1e9;
        if (quiet > progressLimit) {
          findings.add(new Finding(Severity.WARNING, "no-progress", r.nodeId(), r.runnerId(),
              r.path() + ".lastProgressAt", Objects.requireNonNull(r.lastProgressAt()),
              "Runner " + shortId(r.runnerId()) + " (rank " + r.rank() + ") is busy but has recorded no progress for "
                  + Numbers.oneDecimal(quiet) + " s (in " + r.phase().wireValue() + "), over the "
                  + Numbers.oneDecimal(progressLimit) + " s threshold."));
        }
      }
    }

    private List<InstanceTable> instanceTables() {
      Map<String, List<RankRow>> rows = new LinkedHashMap<>();
      Map<String, String> modelOf = new LinkedHashMap<>(models);
      Set<String> reported = new HashSet<>();
      for (Rank r : ranks) {
        reported.add(r.runnerId());
        modelOf.putIfAbsent(r.instanceId(), r.modelId());
        @Nullable PlacementRunnerDiagnostics p = placed.get(r.runnerId());
        String layers = r.layers() != null ? r.layers()
            : p != null ? p.startLayer() + "-" + p.endLayer() + "/" + p.nLayers() : null;
        rows.computeIfAbsent(r.instanceId(), k -> new ArrayList<>()).add(new RankRow(r.nodeId(), r.runnerId(),
            r.rank(), r.worldSize(), layers, r.status(), r.phase().wireValue(), r.secondsInPhase(), r.alive(),
            r.activeTaskId(), true));
      }
      placed.forEach((runnerId, p) -> {
        if (!reported.contains(runnerId)) {
          rows.computeIfAbsent(placedInstance.get(runnerId), k -> new ArrayList<>()).add(new RankRow(p.nodeId(),
              runnerId, p.deviceRank(), p.worldSize(), p.startLayer() + "-" + p.endLayer() + "/" + p.nLayers(),
              p.statusKind(), null, null, null, null, false));
        }
      });
      List<InstanceTable> tables = new ArrayList<>();
      rows.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> tables.add(new InstanceTable(
          e.getKey(), modelOf.getOrDefault(e.getKey(), "?"),
          e.getValue().stream().sorted(Comparator.comparingInt(RankRow::rank).thenComparing(RankRow::nodeId)
              .thenComparing(RankRow::runnerId)).toList())));
      return tables;
    }
  }

  private static String exit(Rank r) {
    return r.exitCode() == null ? "no exit code" : "exit code " + r.exitCode();
  }

  private static @Nullable String friendlyName(NodeDiagnostics node) {
    if (node.runtime().friendlyName() != null) {
      return node.runtime().friendlyName();
    }
    if (node.identity() != null && !"Unknown".equals(node.identity().friendlyName())) {
      return node.identity().friendlyName();
    }
    return null;
  }
}
