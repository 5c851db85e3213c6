package dev.skulk.diagnostics.cluster;

import static dev.skulk.diagnostics.cluster.TestBundles.entry;
import static dev.skulk.diagnostics.cluster.TestBundles.failed;
import static dev.skulk.diagnostics.cluster.TestBundles.node;
import static dev.skulk.diagnostics.cluster.TestBundles.ok;
import static dev.skulk.diagnostics.cluster.TestBundles.runner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.ClusterTimelineEntry;
import dev.skulk.diagnostics.model.ClusterTimelineRunner;
import dev.skulk.diagnostics.model.ClusterTimelineUnreachable;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterTimelinesTest {

  private static ClusterDiagnostics cluster(ClusterNodeDiagnostics... nodes) {
    return new ClusterDiagnostics("2026-11-27T04:00:00+00:00", "a", "b", List.of(nodes));
  }

  @Test
  void entriesAreOrderedByInstantAcrossTimestampFormsNotByString() {
    // As strings these sort in the wrong order; as instants they are 1..5.
    RunnerSupervisorDiagnostics ra =
        runner("a", "ra", "m", 0)
            .addFlightRecorder(
                entry("a", "ra", 0, "2026-11-27T03:00:05+00:00", "e5"), // no fraction
                entry("a", "ra", 0, "2026-11-27T05:00:01.5+02:00", "e2")) // other offset = 03:00:01.5Z
            .build();
    RunnerSupervisorDiagnostics rb =
        runner("b", "rb", "m", 1)
            .addFlightRecorder(
                entry("b", "rb", 1, "2026-11-27T03:00:01Z", "e1"), // Z
                entry("b", "rb", 1, "2026-11-27T03:00:03.000001+00:00", "e3"),
                entry("b", "rb", 1, "2026-11-27T02:00:04-01:00", "e4")) // = 03:00:04Z
            .build();
    ClusterTimeline timeline =
        ClusterTimelines.build(cluster(ok(node("a", ra), null), ok(node("b", rb), "http://b:52415")));
    assertThat(timeline.timeline()).extracting(ClusterTimelineEntry::event)
        .containsExactly("e1", "e2", "e3", "e4", "e5");
    assertThat(timeline.generatedAt()).isEqualTo("2026-11-27T04:00:00+00:00");
    assertThat(timeline.localNodeId()).isEqualTo("a");
    assertThat(timeline.masterNodeId()).isEqualTo("b");
    assertThat(timeline.unreachableNodes()).isEmpty();
  }

  @Test
  void sameInstantTiesBreakByNodeIdThenRankAndUnparseableTimesComeLastByText() {
    String t = "2026-11-27T03:00:00+00:00";
    String sameInstantOtherForm = "2026-11-27T03:00:00.000000Z";
    RunnerSupervisorDiagnostics r2 =
        runner("n2", "r2", "m", 0)
            .addFlightRecorder(entry("n2", "r2", 0, t, "n2-r0"), entry("n2", "r2", 0, "zzz", "bad-z"))
            .build();
    RunnerSupervisorDiagnostics r1hi =
        runner("n1", "r1hi", "m", 3).addFlightRecorder(entry("n1", "r1hi", 3, sameInstantOtherForm, "n1-r3")).build();
    RunnerSupervisorDiagnostics r1lo =
        runner("n1", "r1lo", "m", 1)
            .addFlightRecorder(entry("n1", "r1lo", 1, t, "n1-r1"), entry("n1", "r1lo", 1, "not a time", "bad-n"))
            .build();
    ClusterTimeline timeline = ClusterTimelines.build(cluster(ok(node("n2", r2), null), ok(node("n1", r1hi, r1lo), "u")));
    assertThat(timeline.timeline()).extracting(ClusterTimelineEntry::event)
        .containsExactly("n1-r1", "n1-r3", "n2-r0", "bad-n", "bad-z");
  }

  @Test
  void entriesCarryTheRunnersIdentity() {
    RunnerSupervisorDiagnostics r =
        runner("n1", "r1", "m", 1).worldSize(4).addFlightRecorder(entry("x", "y", 9, TestBundles.T0, "e")).build();
    ClusterTimelineEntry e = ClusterTimelines.build(cluster(ok(node("n1", r), null))).timeline().get(0);
    assertThat(e.nodeId()).isEqualTo("n1");
    assertThat(e.runnerId()).isEqualTo("r1");
    assertThat(e.deviceRank()).isEqualTo(1);
    assertThat(e.worldSize()).isEqualTo(4);
    assertThat(e.at()).isEqualTo(TestBundles.T0);
  }

  @Test
  void runnersAreOrderedByModelRankAndRunnerId() {
    ClusterTimeline timeline =
        ClusterTimelines.build(
            cluster(
                ok(node("a", runner("a", "r9", "model-b", 0).build(), runner("a", "r2", "model-a", 1).build()), null),
                ok(node("b", runner("b", "r1", "model-a", 1).build(), runner("b", "r5", "model-a", 0).build()), "u")));
    assertThat(timeline.runners()).extracting(ClusterTimelineRunner::runnerId)
        .containsExactly("r5", "r1", "r2", "r9");
    assertThat(timeline.runners().get(0).nodeId()).isEqualTo("b");
  }

  @Test
  void unreachableNodesKeepTheirErrorOrGetTheDefault() {
    ClusterTimeline timeline =
        ClusterTimelines.build(
            cluster(
                ok(node("a"), null),
                failed("b", "http://b:52415", "ConnectError: Connection refused"),
                failed("c", "http://c:52415", null),
                new ClusterNodeDiagnostics("d", "http://d:52415", true, null, null),
                failed("e", "http://e:52415", ""),
                new ClusterNodeDiagnostics("f", "http://f:52415", true, null, "stale error")));
    // Upstream get_cluster_timeline: error=node.error or "Node diagnostics returned no payload."
    // so "" falls back to the default and an ok node without diagnostics keeps its own error.
    assertThat(timeline.unreachableNodes())
        .containsExactly(
            new ClusterTimelineUnreachable("b", "http://b:52415", "ConnectError: Connection refused"),
            new ClusterTimelineUnreachable("c", "http://c:52415", "Node diagnostics returned no payload."),
            new ClusterTimelineUnreachable("d", "http://d:52415", "Node diagnostics returned no payload."),
            new ClusterTimelineUnreachable("e", "http://e:52415", "Node diagnostics returned no payload."),
            new ClusterTimelineUnreachable("f", "http://f:52415", "stale error"));
  }

  @Test
  void textTieBreaksCompareByCodePointAsPythonDoes() {
    // U+1F600 (surrogates D83D DE00) vs U+FF21: by code point U+FF21 < U+1F600 (Python's order);
    // String.compareTo would put the surrogate pair first (0xD83D < 0xFF21).
    String bmp = "n\uFF21";
    String astral = "n\uD83D\uDE00";
    String t = "2026-11-27T03:00:00+00:00";
    RunnerSupervisorDiagnostics onAstral =
        runner(astral, "r-astral", "m", 0).addFlightRecorder(entry(astral, "r-astral", 0, t, "astral")).build();
    RunnerSupervisorDiagnostics onBmp =
        runner(bmp, "r-bmp", "m", 0).addFlightRecorder(entry(bmp, "r-bmp", 0, t, "bmp")).build();
    ClusterTimeline timeline = ClusterTimelines.build(cluster(ok(node(astral, onAstral), null), ok(node(bmp, onBmp), "u")));
    assertThat(timeline.timeline()).extracting(ClusterTimelineEntry::event).containsExactly("bmp", "astral");

    // Runners: same model and rank, so the runner id decides; and the model id itself.
    ClusterTimeline byRunner = ClusterTimelines.build(cluster(ok(node("a",
        runner("a", "r" + astral, "m", 0).build(), runner("a", "r" + bmp, "m", 0).build(),
        runner("a", "z", "m" + astral, 0).build(), runner("a", "y", "m" + bmp, 0).build()), null)));
    assertThat(byRunner.runners()).extracting(ClusterTimelineRunner::runnerId)
        .containsExactly("r" + bmp, "r" + astral, "y", "z");

    // Unparseable times come last, ordered by their text in code point order.
    RunnerSupervisorDiagnostics bad = runner("a", "r1", "m", 0)
        .addFlightRecorder(entry("a", "r1", 0, "x" + astral, "bad-astral"), entry("a", "r1", 0, "x" + bmp, "bad-bmp"))
        .build();
    assertThat(ClusterTimelines.build(cluster(ok(node("a", bad), null))).timeline())
        .extracting(ClusterTimelineEntry::event).containsExactly("bad-bmp", "bad-astral");
  }
}
