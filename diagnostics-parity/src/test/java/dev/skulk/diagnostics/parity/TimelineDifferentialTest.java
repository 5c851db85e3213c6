package dev.skulk.diagnostics.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.cluster.ClusterTimelines;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.ClusterTimelineEntry;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntry;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnosticsBuilder;
import dev.skulk.diagnostics.model.Timestamps;
import dev.skulk.diagnostics.testkit.DiagnosticsGenerators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Area 3 of the parity issue: {@link ClusterTimelines#build} against upstream's {@code
 * API.get_cluster_timeline} on the same {@code ClusterDiagnostics}: runner order by (model, rank,
 * runner id) with ties between BMP and supplementary characters, unreachable nodes and their texts
 * ({@code ok: false} with an error, an empty error, none; {@code ok: true} without diagnostics),
 * and the merged entries. Upstream orders entries by their {@code at} text, we by parsed time (a
 * deliberate departure); the generated {@code at} strings are all in Python's {@code isoformat()}
 * form with {@code +00:00}, where the two orders agree, and {@link
 * #entriesAreInTimeOrderWhereUpstreamSortsText} shows the departure.
 */
class TimelineDifferentialTest {

  private static final long SEED = 0x5EED_0003L;
  private static final int GENERATED = 300;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DiagnosticsJson WIRE = DiagnosticsJson.strict();
  /* ids either side of the surrogate range: code point order and UTF-16 order disagree on them */
  private static final List<String> IDS = List.of("node-a", "node-b", "\uFF01node", "\uD83D\uDE00node", "é", "node-a2");
  private static final List<String> MODELS = List.of("mlx/a", "mlx/b", "mlx/\uFF01", "mlx/\uD83D\uDE80");

  @Test
  void runnersUnreachableAndEntriesMatchUpstream() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    List<String> mismatches = new ArrayList<>();
    int entries = 0;
    try (UpstreamOracle upstream = UpstreamOracle.start("timeline")) {
      for (int i = 0; i < GENERATED; i++) {
        ClusterDiagnostics cluster = cluster(random, true);
        JsonNode expected = JSON.readTree(upstream.call(WIRE.write(cluster)));
        ClusterTimeline ours = ClusterTimelines.build(cluster);
        entries += ours.timeline().size();
        String scenario = WIRE.write(cluster);
        NodeWarningsDifferentialTest.compare(mismatches, i, scenario, "localNodeId", expected, WIRE.write(ours.localNodeId()));
        NodeWarningsDifferentialTest.compare(mismatches, i, scenario, "masterNodeId", expected,
            ours.masterNodeId() == null ? "null" : WIRE.write(ours.masterNodeId()));
        NodeWarningsDifferentialTest.compare(mismatches, i, scenario, "runners", expected, WIRE.write(ours.runners()));
        NodeWarningsDifferentialTest.compare(mismatches, i, scenario, "timeline", expected, WIRE.write(ours.timeline()));
        NodeWarningsDifferentialTest.compare(mismatches, i, scenario, "unreachableNodes", expected,
            WIRE.write(ours.unreachableNodes()));
      }
    }
    System.out.printf("TimelineDifferentialTest: seed %d, %d cases, %d entries, %d mismatching sections %s%n",
        SEED, GENERATED, entries, mismatches.size(), NodeWarningsDifferentialTest.byLabel(mismatches));
    assertThat(mismatches.size()).as("seed %d: timeline sections that differ from upstream's", SEED).isZero();
  }

  /** The departure: {@code at} strings with other offsets sort by time here, by text upstream. */
  @Test
  void entriesAreInTimeOrderWhereUpstreamSortsText() throws Exception {
    RunnerSupervisorDiagnostics runner = runner(new SplittableRandom(1), "node-a", "r1", "mlx/a", 0,
        // 03:00 UTC written with a +05:00 offset sorts after 02:30Z as text ('0' < '8'), before as time
        List.of("2026-11-27T08:00:00+05:00", "2026-11-27T02:30:00Z", "2026-11-27T02:45:00+00:00"));
    ClusterDiagnostics cluster = new ClusterDiagnostics("2026-11-27T03:20:00+00:00", "node-a", "node-a",
        List.of(new ClusterNodeDiagnostics("node-a", null, true, node(new SplittableRandom(2), runner), null)));
    ClusterTimeline ours = ClusterTimelines.build(cluster);
    assertThat(ours.timeline()).extracting(ClusterTimelineEntry::at)
        .containsExactly("2026-11-27T02:30:00Z", "2026-11-27T02:45:00+00:00", "2026-11-27T08:00:00+05:00");
    try (UpstreamOracle upstream = UpstreamOracle.start("timeline")) {
      RunnerSupervisorDiagnostics other = runner(new SplittableRandom(3), "node-b", "r2", "mlx/a", 1,
          List.of("2026-11-27T02:40:00-01:00", "2026-11-27T03:10:00+00:00"));
      ClusterDiagnostics two = new ClusterDiagnostics("2026-11-27T03:20:00+00:00", "node-a", "node-a",
          List.of(new ClusterNodeDiagnostics("node-b", null, true, node(new SplittableRandom(4), other), null)));
      // 02:40-01:00 is 03:40 UTC: after 03:10 in time, before it as text
      assertThat(ClusterTimelines.build(two).timeline()).extracting(ClusterTimelineEntry::at)
          .containsExactly("2026-11-27T03:10:00+00:00", "2026-11-27T02:40:00-01:00");
      List<String> upstreamTwo = new ArrayList<>();
      JSON.readTree(JSON.readTree(upstream.call(WIRE.write(two))).get("timeline").asString())
          .forEach(e -> upstreamTwo.add(e.get("at").asString()));
      assertThat(upstreamTwo).containsExactly("2026-11-27T02:40:00-01:00", "2026-11-27T03:10:00+00:00");
    }
  }

  private static <T> T pick(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  static ClusterDiagnostics cluster(SplittableRandom random, boolean canonicalTimes) {
    // a few instants, so that entries tie on `at` and fall back to node id and rank
    List<String> times = new ArrayList<>();
    int distinct = 1 + random.nextInt(4);
    for (int t = 0; t < distinct; t++) {
      Instant instant = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000),
          random.nextBoolean() ? 0 : random.nextInt(1_000_000) * 1_000L);
      times.add(Timestamps.format(instant));
    }
    List<ClusterNodeDiagnostics> nodes = new ArrayList<>();
    int count = random.nextInt(5);
    for (int n = 0; n < count; n++) {
      String nodeId = pick(random, IDS);
      String url = random.nextBoolean() ? null : "http://10.0.0." + n + ":52415";
      switch (random.nextInt(6)) {
        case 0 -> nodes.add(new ClusterNodeDiagnostics(nodeId, url, false, null, "ConnectError: refused"));
        case 1 -> nodes.add(new ClusterNodeDiagnostics(nodeId, url, false, null, random.nextBoolean() ? "" : null));
        case 2 -> nodes.add(new ClusterNodeDiagnostics(nodeId, url, true, null, random.nextBoolean() ? "stale" : null));
        default -> {
          List<RunnerSupervisorDiagnostics> runners = new ArrayList<>();
          int runnerCount = random.nextInt(4);
          for (int r = 0; r < runnerCount; r++) {
            List<String> ats = new ArrayList<>();
            int entryCount = random.nextInt(4);
            for (int e = 0; e < entryCount; e++) {
              ats.add(pick(random, times));
            }
            runners.add(runner(random, pick(random, IDS), pick(random, IDS), pick(random, MODELS), random.nextInt(3), ats));
          }
          nodes.add(new ClusterNodeDiagnostics(nodeId, url, random.nextInt(5) != 0, node(random,
              runners.toArray(RunnerSupervisorDiagnostics[]::new)), null));
        }
      }
    }
    return new ClusterDiagnostics(Timestamps.format(Instant.ofEpochSecond(1_800_000_000L)), pick(random, IDS),
        random.nextInt(4) == 0 ? null : pick(random, IDS), nodes);
  }

  static RunnerSupervisorDiagnostics runner(SplittableRandom random, String nodeId, String runnerId, String modelId,
      int rank, List<String> ats) {
    List<RunnerFlightRecorderEntry> entries = new ArrayList<>();
    for (String at : ats) {
      RunnerFlightRecorderEntry e = DiagnosticsGenerators.runnerFlightRecorderEntry(random);
      entries.add(new RunnerFlightRecorderEntry(at, e.phase(), e.event(), e.detail(), e.attrs(), e.context(),
          e.taskId(), e.commandId(), e.mlxMemory()));
    }
    return new RunnerSupervisorDiagnosticsBuilder().from(DiagnosticsGenerators.runnerSupervisorDiagnostics(random))
        .nodeId(nodeId).runnerId(runnerId).modelId(modelId).deviceRank(rank).flightRecorder(entries).build();
  }

  static NodeDiagnostics node(SplittableRandom random, RunnerSupervisorDiagnostics... runners) {
    NodeDiagnostics base = DiagnosticsGenerators.nodeDiagnostics(random);
    return new NodeDiagnostics(base.generatedAt(), base.runtime(), base.identity(), base.resources(), base.processes(),
        Arrays.asList(runners), base.placements(), base.warnings());
  }
}
