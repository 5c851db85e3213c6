package dev.skulk.diagnostics.cli;

import static dev.skulk.diagnostics.cli.TriageCommandTest.fixture;
import static dev.skulk.diagnostics.cli.TriageCommandTest.golden;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code skulk-diag diff} on two snapshots of a hand-made cluster 12.5 s apart (see {@code
 * triage/make_fixtures.py}): rank 0 wedged, rank 1 streaming, a node back online. The golden
 * report's figures were worked out by hand from the fixture's inputs.
 */
class DiffCommandTest {

  @TempDir Path dir;

  @Test
  void textMatchesTheGoldenFile() throws IOException {
    CliRun run = CliRun.of("diff", fixture("diff-old-cluster.json").toString(), fixture("diff-new-cluster.json").toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().toList()).containsExactlyElementsOf(golden("diff-cluster.txt"));
  }

  @Test
  void jsonCarriesVerdictsCountsAndByteDeltas() {
    CliRun run = CliRun.of("diff", "--format", "json", fixture("diff-old-cluster.json").toString(),
        fixture("diff-new-cluster.json").toString());

    assertThat(run.exitCode()).isZero();
    JsonNode diff = JsonMapper.shared().readTree(run.out());
    assertThat(diff.get("secondsApart").asDouble()).isEqualTo(12.5);
    JsonNode studio = diff.get("nodes").get(0);
    assertThat(studio.get("runners").get(0).get("verdict").asString()).isEqualTo("stuck");
    JsonNode kite = diff.get("nodes").get(1);
    assertThat(kite.get("runners").get(0).get("verdict").asString()).isEqualTo("progress");
    // 39 tokens and a completion after the older bundle's newest entry
    assertThat(kite.get("runners").get(0).get("newEntries").asInt()).isEqualTo(40);
    assertThat(kite.get("runners").get(0).get("completedAfter").asInt()).isEqualTo(13);
    // 118.5 GiB - 120 GiB and 41 GiB - 38 GiB
    assertThat(kite.get("memory").get(0).get("deltaBytes").asLong()).isEqualTo(-1_610_612_736L);
    assertThat(kite.get("memory").get(2).get("deltaBytes").asLong()).isEqualTo(3L * 1024 * 1024 * 1024);
    assertThat(diff.get("nodes").get(2).get("state").asString()).isEqualTo("became reachable");
  }

  @Test
  void twoIdenticalSnapshotsOfBusyRunnersAreStuck() {
    String healthy = fixture("node-healthy.json").toString();

    CliRun run = CliRun.of("diff", healthy, healthy);

    assertThat(run.out().lines()).contains(
        "  runner runner-0…5d1e rank 0: STUCK: in decode_stream for 0.5 s, 0 new flight-recorder entries, completed tasks 3 (no change)",
        "  runner runner-1…77aa rank 1: STUCK: in decode_stream for 0.2 s, 0 new flight-recorder entries, completed tasks 3 (no change)");
  }

  @Test
  void aRunnerWhoseProcessDiedSaysSo() throws IOException {
    String healthy = Files.readString(fixture("node-healthy.json"));
    Path died = dir.resolve("died.json");
    Files.writeString(died, healthy.replaceFirst("\"processAlive\":true", "\"processAlive\":false")
        .replaceFirst("\"completedTaskCount\":3", "\"completedTaskCount\":4"));

    CliRun run = CliRun.of("diff", fixture("node-healthy.json").toString(), died.toString());

    assertThat(run.out().lines()).contains("  runner runner-0…5d1e rank 0: progress: in decode_stream for 0.5 s, "
        + "0 new flight-recorder entries, completed tasks 3 -> 4, process DIED");
  }

  @Test
  void anotherNodesBundleIsAVanishedAndAnAppearedNode() {
    CliRun run = CliRun.of("diff", fixture("node-healthy.json").toString(), fixture("node-leaked-wired.json").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).contains("Node 12D3KooW…BBBB: appeared", "Node 12D3KooW…AAAA: vanished",
        "  runner runner-gone rank 0: first seen (its node was not compared) in error for 30.0 s, process not alive");
  }

  @Test
  void aTimelineCannotBeDiffedAndMissingArgumentsAreAUsageError() {
    CliRun timeline = CliRun.of("diff", fixture("timeline-clock-ahead.json").toString(),
        fixture("timeline-clock-ahead.json").toString());
    assertThat(timeline.exitCode()).isEqualTo(1);
    assertThat(timeline.err().strip()).isEqualTo("diff reads node, cluster or capture bundles, not a ClusterTimeline");

    CliRun missing = CliRun.of("diff", fixture("node-healthy.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("NEW");
  }
}
