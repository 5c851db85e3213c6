package dev.skulk.diagnostics.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TestTimeTest {

  @Test
  void testClockStandsStillUntilMoved() {
    TestClock clock = new TestClock();
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

    assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_INSTANT);
    clock.advance(Duration.ofMinutes(5));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
    assertThat(paris.instant()).as("zone views share the instant").isEqualTo(clock.instant());
    clock.setInstant(Instant.EPOCH);
    assertThat(clock.millis()).isZero();
  }

  @Test
  void testTickerOnlyMovesForward() {
    TestTicker ticker = new TestTicker();

    ticker.advance(Duration.ofMillis(3));
    assertThat(ticker.read()).isEqualTo(3_000_000L);
    assertThatThrownBy(() -> ticker.advance(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inMemoryStateListsEveryNodeOnce() {
    InMemoryClusterState state = InMemoryClusterState.builder("node-a")
        .addNode("node-z")
        .master("node-m")
        .addInstance("i", "m", InMemoryClusterState.assignment("r", "node-b", 0, 1, 0, 1, 1))
        .memory("node-x", Samples.memory())
        .memory("node-a", Samples.memory())
        .build();

    assertThat(state.nodeIds()).containsExactly("node-a", "node-z", "node-m", "node-b", "node-x");
    assertThat(state.memory("node-x")).isEqualTo(Samples.memory());
    assertThat(state.disk("node-x")).isNull();
  }
}
