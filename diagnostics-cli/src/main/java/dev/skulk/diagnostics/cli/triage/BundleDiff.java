package dev.skulk.diagnostics.cli.triage;

import static dev.skulk.diagnostics.rules.ShortIds.shortId;

import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntry;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What changed between two bundles of the same node or cluster taken some seconds apart, to tell a
 * wedged cluster from a slow one: per runner whether anything moved (new flight-recorder entries, a
 * phase change, completed tasks, a later last progress) or nothing did; memory and wired deltas;
 * processes that appeared or vanished; new and cleared warnings.
 *
 * <p>Immutable and thread-safe; linear in the size of the bundles.
 *
 * @param oldGeneratedAt the older bundle's {@code generatedAt}
 * @param newGeneratedAt the newer bundle's {@code generatedAt}
 * @param secondsApart seconds between them, when both parse
 * @param nodes one entry per node of either bundle, in the newer bundle's order, then the vanished
 */
public record BundleDiff(
    String oldGeneratedAt, String newGeneratedAt, @Nullable Double secondsApart, List<NodeDiff> nodes) {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int COMMAND_WIDTH = 80;

  public BundleDiff {
    nodes = List.copyOf(nodes);
  }

  /**
   * The changes on one node.
   *
   * @param nodeId the node
   * @param state {@code compared}, {@code appeared}, {@code vanished}, {@code became unreachable},
   *     {@code became reachable} or {@code unreachable}
   * @param error the newer error when it is unreachable now
   * @param runners one entry per runner of either bundle
   * @param memory RAM, swap and wired readings before and after
   * @param processesAppeared processes only in the newer bundle
   * @param processesVanished processes only in the older bundle
   * @param warningsNew warnings only in the newer bundle
   * @param warningsCleared warnings only in the older bundle
   */
  public record NodeDiff(
      String nodeId,
      String state,
      @Nullable String error,
      List<RunnerDiff> runners,
      List<Reading> memory,
      List<DiagnosticsProcess> processesAppeared,
      List<DiagnosticsProcess> processesVanished,
      List<String> warningsNew,
      List<String> warningsCleared) {}

  /**
   * One runner across the two bundles.
   *
   * @param runnerId the runner
   * @param rank its device rank
   * @param verdict {@code progress}, {@code stuck} (busy and nothing moved), {@code idle} (not busy,
   *     nothing moved), {@code appeared} or {@code vanished}
   * @param newEntries flight-recorder entries newer than the older bundle's newest
   * @param phaseBefore the phase before, when it was there
   * @param phaseAfter the phase after, when it is there
   * @param secondsInPhaseAfter seconds in its phase in the newer bundle
   * @param completedBefore completed tasks before
   * @param completedAfter completed tasks after
   * @param aliveBefore whether its process was alive before
   * @param aliveAfter whether it is alive after
   */
  public record RunnerDiff(
      String runnerId,
      int rank,
      String verdict,
      int newEntries,
      @Nullable String phaseBefore,
      @Nullable String phaseAfter,
      @Nullable Double secondsInPhaseAfter,
      @Nullable Integer completedBefore,
      @Nullable Integer completedAfter,
      @Nullable Boolean aliveBefore,
      @Nullable Boolean aliveAfter) {}

  /**
   * A memory figure before and after, in bytes.
   *
   * @param name {@code RAM available}, {@code swap used} or {@code wired}
   * @param before the older reading, when there was one
   * @param after the newer reading, when there is one
   */
  public record Reading(String name, @Nullable Long before, @Nullable Long after) {}

  /** The difference between two documents: node, cluster or capture bundles, in any mix. */
  public static BundleDiff of(Object older, Object newer) {
    Map<String, @Nullable NodeDiagnostics> before = nodes(older);
    Map<String, @Nullable NodeDiagnostics> after = nodes(newer);
    Map<String, String> errors = errors(newer);
    Set<String> ids = new LinkedHashSet<>(after.keySet());
    ids.addAll(before.keySet());
    List<NodeDiff> diffs = new ArrayList<>();
    for (String id : ids) {
      boolean wasThere = before.containsKey(id);
      boolean isThere = after.containsKey(id);
      NodeDiagnostics old = before.get(id);
      NodeDiagnostics now = after.get(id);
      String state;
      if (!wasThere) {
        state = now == null ? "unreachable" : "appeared";
      } else if (!isThere) {
        state = "vanished";
      } else if (old != null && now == null) {
        state = "became unreachable";
      } else if (old == null && now != null) {
        state = "became reachable";
      } else if (old == null) {
        state = "unreachable";
      } else {
        state = "compared";
      }
      diffs.add(node(id, state, errors.get(id), old, now));
    }
    @Nullable Instant a = Timestamps.tryParse(generatedAt(older));
    @Nullable Instant b = Timestamps.tryParse(generatedAt(newer));
    Double apart = a != null && b != null ? Duration.between(a, b).toNanos() / 1e9 : null;
    return new BundleDiff(generatedAt(older), generatedAt(newer), apart, diffs);
  }

  private static NodeDiff node(String id, String state, @Nullable String error, @Nullable NodeDiagnostics old,
      @Nullable NodeDiagnostics now) {
    List<RunnerDiff> runners = new ArrayList<>();
    Map<String, RunnerSupervisorDiagnostics> oldRunners = new LinkedHashMap<>();
    if (old != null) {
      old.supervisorRunners().forEach(r -> oldRunners.put(r.runnerId(), r));
    }
    Set<String> seen = new LinkedHashSet<>();
    if (now != null) {
      for (RunnerSupervisorDiagnostics r : now.supervisorRunners()) {
        seen.add(r.runnerId());
        runners.add(runner(oldRunners.get(r.runnerId()), r, old != null));
      }
    }
    oldRunners.forEach((runnerId, r) -> {
      if (!seen.contains(runnerId) && now != null) {
        runners.add(new RunnerDiff(runnerId, r.deviceRank(), "vanished", 0, r.phase().wireValue(), null, null,
            r.completedTaskCount(), null, r.processAlive(), null));
      }
    });
    List<Reading> memory = new ArrayList<>();
    List<DiagnosticsProcess> appeared = new ArrayList<>();
    List<DiagnosticsProcess> vanished = new ArrayList<>();
    List<String> warningsNew = new ArrayList<>();
    List<String> warningsCleared = new ArrayList<>();
    if (old != null && now != null) {
      MemoryUsage m0 = memory(old);
      MemoryUsage m1 = memory(now);
      memory.add(new Reading("RAM available", m0 == null ? null : m0.ramAvailable().inBytes(),
          m1 == null ? null : m1.ramAvailable().inBytes()));
      memory.add(new Reading("swap used", swapUsed(m0), swapUsed(m1)));
      memory.add(new Reading("wired", bytes(old.resources().currentWired()), bytes(now.resources().currentWired())));
      Map<String, DiagnosticsProcess> p0 = processes(old);
      Map<String, DiagnosticsProcess> p1 = processes(now);
      p1.forEach((key, p) -> {
        if (!p0.containsKey(key)) {
          appeared.add(p);
        }
      });
      p0.forEach((key, p) -> {
        if (!p1.containsKey(key)) {
          vanished.add(p);
        }
      });
      now.warnings().stream().filter(w -> !old.warnings().contains(w)).distinct().forEach(warningsNew::add);
      old.warnings().stream().filter(w -> !now.warnings().contains(w)).distinct().forEach(warningsCleared::add);
    }
    return new NodeDiff(id, state, now == null ? error : null, runners, memory, appeared, vanished, warningsNew,
        warningsCleared);
  }

  private static RunnerDiff runner(@Nullable RunnerSupervisorDiagnostics old, RunnerSupervisorDiagnostics now,
      boolean nodeWasThere) {
    if (old == null) {
      return new RunnerDiff(now.runnerId(), now.deviceRank(), nodeWasThere ? "appeared" : "new node", 0, null,
          now.phase().wireValue(), now.secondsInPhase(), null, now.completedTaskCount(), null, now.processAlive());
    }
    @Nullable Instant newest = null;
    for (RunnerFlightRecorderEntry e : old.flightRecorder()) {
      @Nullable Instant at = Timestamps.tryParse(e.at());
      if (at != null && (newest == null || at.isAfter(newest))) {
        newest = at;
      }
    }
    int newEntries = 0;
    for (RunnerFlightRecorderEntry e : now.flightRecorder()) {
      @Nullable Instant at = Timestamps.tryParse(e.at());
      if (at != null && (newest == null || at.isAfter(newest))) {
        newEntries++;
      }
    }
    boolean moved = newEntries > 0
        || old.phase() != now.phase()
        || !sameInstant(old.phaseStartedAt(), now.phaseStartedAt())
        || old.completedTaskCount() != now.completedTaskCount()
        || !sameInstant(old.lastProgressAt(), now.lastProgressAt());
    boolean busy = !now.inProgressTasks().isEmpty() || now.activeTaskId() != null;
    String verdict = moved ? "progress" : busy ? "stuck" : "idle";
    return new RunnerDiff(now.runnerId(), now.deviceRank(), verdict, newEntries, old.phase().wireValue(),
        now.phase().wireValue(), now.secondsInPhase(), old.completedTaskCount(), now.completedTaskCount(),
        old.processAlive(), now.processAlive());
  }

  /** Two timestamps name the same instant (written with or without a fraction, Z or +00:00). */
  private static boolean sameInstant(@Nullable String a, @Nullable String b) {
    @Nullable Instant x = Timestamps.tryParse(a);
    @Nullable Instant y = Timestamps.tryParse(b);
    return x != null && y != null ? x.equals(y) : Objects.equals(a, b);
  }

  /** The diff as text lines: ids shortened, commands cut to 80 characters. */
  public List<String> text() {
    List<String> lines = new ArrayList<>();
    lines.add("Diff of " + oldGeneratedAt + " -> " + newGeneratedAt
        + (secondsApart != null ? " (" + Numbers.oneDecimal(secondsApart) + " s apart)" : ""));
    for (NodeDiff node : nodes) {
      lines.add("");
      lines.add("Node " + shortId(node.nodeId()) + ": " + node.state()
          + (node.error() != null ? " (" + node.error() + ")" : ""));
      for (RunnerDiff r : node.runners()) {
        lines.add("  runner " + shortId(r.runnerId()) + " rank " + r.rank() + ": " + describe(r));
      }
      for (Reading reading : node.memory()) {
        if (reading.before() != null || reading.after() != null) {
          lines.add("  " + reading.name() + ": " + gb(reading.before()) + " -> " + gb(reading.after())
              + (reading.before() != null && reading.after() != null
                  ? " (" + Numbers.signedGib(reading.after() - reading.before()) + " GB)" : ""));
        }
      }
      for (DiagnosticsProcess p : node.processesAppeared()) {
        lines.add("  process appeared: " + process(p));
      }
      for (DiagnosticsProcess p : node.processesVanished()) {
        lines.add("  process vanished: " + process(p));
      }
      for (String w : node.warningsNew()) {
        lines.add("  new warning: " + w);
      }
      for (String w : node.warningsCleared()) {
        lines.add("  cleared warning: " + w);
      }
    }
    return lines.stream().map(ReportStyle::clean).toList();
  }

  private static String describe(RunnerDiff r) {
    return switch (r.verdict()) {
      case "appeared" -> "appeared in " + r.phaseAfter() + alive(r.aliveAfter());
      case "new node" -> "first seen (its node was not compared) in " + r.phaseAfter() + " for "
          + Numbers.oneDecimal(Objects.requireNonNull(r.secondsInPhaseAfter())) + " s" + alive(r.aliveAfter());
      case "vanished" -> "vanished (was in " + r.phaseBefore() + ")";
      default -> {
        StringBuilder text = new StringBuilder(r.verdict().equals("stuck") ? "STUCK" : r.verdict());
        List<String> parts = new ArrayList<>();
        if (!Objects.equals(r.phaseBefore(), r.phaseAfter())) {
          parts.add("phase " + r.phaseBefore() + " -> " + r.phaseAfter());
        } else {
          parts.add("in " + r.phaseAfter() + " for " + Numbers.oneDecimal(Objects.requireNonNull(r.secondsInPhaseAfter())) + " s");
        }
        parts.add(r.newEntries() + " new flight-recorder " + (r.newEntries() == 1 ? "entry" : "entries"));
        parts.add("completed tasks " + r.completedBefore()
            + (Objects.equals(r.completedBefore(), r.completedAfter()) ? " (no change)" : " -> " + r.completedAfter()));
        if (!Objects.equals(r.aliveBefore(), r.aliveAfter())) {
          parts.add(Boolean.TRUE.equals(r.aliveAfter()) ? "process alive again" : "process DIED");
        }
        text.append(": ").append(String.join(", ", parts));
        yield text.toString();
      }
    };
  }

  /** The diff as one pretty JSON document (ids whole, bytes as integers). */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("oldGeneratedAt", oldGeneratedAt);
    root.put("newGeneratedAt", newGeneratedAt);
    root.put("secondsApart", secondsApart);
    ArrayNode nodesNode = root.putArray("nodes");
    for (NodeDiff node : nodes) {
      ObjectNode n = nodesNode.addObject();
      n.put("nodeId", node.nodeId());
      n.put("state", node.state());
      n.put("error", node.error());
      ArrayNode runnersNode = n.putArray("runners");
      for (RunnerDiff r : node.runners()) {
        ObjectNode o = runnersNode.addObject();
        o.put("runnerId", r.runnerId());
        o.put("rank", r.rank());
        o.put("verdict", r.verdict());
        o.put("newEntries", r.newEntries());
        o.put("phaseBefore", r.phaseBefore());
        o.put("phaseAfter", r.phaseAfter());
        o.put("secondsInPhaseAfter", r.secondsInPhaseAfter());
        o.put("completedBefore", r.completedBefore());
        o.put("completedAfter", r.completedAfter());
        o.put("aliveBefore", r.aliveBefore());
        o.put("aliveAfter", r.aliveAfter());
      }
      ArrayNode memoryNode = n.putArray("memory");
      for (Reading reading : node.memory()) {
        ObjectNode o = memoryNode.addObject();
        o.put("name", reading.name());
        o.put("beforeBytes", reading.before());
        o.put("afterBytes", reading.after());
        o.put("deltaBytes", reading.before() != null && reading.after() != null ? reading.after() - reading.before() : null);
      }
      processes(n.putArray("processesAppeared"), node.processesAppeared());
      processes(n.putArray("processesVanished"), node.processesVanished());
      node.warningsNew().forEach(n.putArray("warningsNew")::add);
      node.warningsCleared().forEach(n.putArray("warningsCleared")::add);
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  private static void processes(ArrayNode array, List<DiagnosticsProcess> processes) {
    for (DiagnosticsProcess p : processes) {
      array.addObject().put("pid", p.pid()).put("role", p.role().wireValue()).put("command", p.command());
    }
  }

  private static String process(DiagnosticsProcess p) {
    String command = p.command();
    if (command.codePointCount(0, command.length()) > COMMAND_WIDTH) {
      command = command.substring(0, command.offsetByCodePoints(0, COMMAND_WIDTH - 1)) + "…";
    }
    return p.pid() + " (" + p.role().wireValue() + ") " + command;
  }

  private static String alive(@Nullable Boolean alive) {
    return Boolean.FALSE.equals(alive) ? ", process not alive" : "";
  }

  private static String gb(@Nullable Long bytes) {
    return bytes == null ? "unknown" : Numbers.gib(bytes) + " GB";
  }

  private static @Nullable Long bytes(@Nullable Memory memory) {
    return memory == null ? null : memory.inBytes();
  }

  private static @Nullable MemoryUsage memory(NodeDiagnostics node) {
    return node.resources().currentMemory() != null ? node.resources().currentMemory() : node.resources().gatheredMemory();
  }

  private static @Nullable Long swapUsed(@Nullable MemoryUsage memory) {
    return memory == null ? null : memory.swapTotal().inBytes() - memory.swapAvailable().inBytes();
  }

  /** Processes by pid and command, so a reused pid with another command counts as a new process. */
  private static Map<String, DiagnosticsProcess> processes(NodeDiagnostics node) {
    Map<String, DiagnosticsProcess> byKey = new LinkedHashMap<>();
    node.processes().forEach(p -> byKey.put(p.pid() + "\u0000" + p.command(), p));
    return byKey;
  }

  private static Map<String, @Nullable NodeDiagnostics> nodes(Object document) {
    Map<String, @Nullable NodeDiagnostics> nodes = new LinkedHashMap<>();
    if (document instanceof NodeDiagnostics node) {
      nodes.put(node.runtime().nodeId(), node);
    } else if (document instanceof DiagnosticCaptureResponse capture) {
      nodes.put(capture.nodeId(), capture.nodeDiagnostics());
    } else if (document instanceof ClusterDiagnostics cluster) {
      for (ClusterNodeDiagnostics entry : cluster.nodes()) {
        nodes.put(entry.nodeId(), entry.ok() ? entry.diagnostics() : null);
      }
    } else {
      throw new IllegalArgumentException("diff reads node, cluster or capture bundles, not a "
          + document.getClass().getSimpleName());
    }
    return nodes;
  }

  private static Map<String, String> errors(Object document) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (document instanceof ClusterDiagnostics cluster) {
      for (ClusterNodeDiagnostics entry : cluster.nodes()) {
        if (!entry.ok() || entry.diagnostics() == null) {
          errors.put(entry.nodeId(), entry.error() != null ? entry.error() : "Node diagnostics returned no payload.");
        }
      }
    }
    return errors;
  }

  private static String generatedAt(Object document) {
    if (document instanceof NodeDiagnostics node) {
      return node.generatedAt();
    }
    if (document instanceof DiagnosticCaptureResponse capture) {
      return capture.generatedAt();
    }
    if (document instanceof ClusterDiagnostics cluster) {
      return cluster.generatedAt();
    }
    throw new IllegalArgumentException("diff reads node, cluster or capture bundles, not a "
        + document.getClass().getSimpleName());
  }
}
