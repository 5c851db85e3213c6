package dev.skulk.diagnostics.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeerClockOffsetTest {

  @Test
  void offsetIsPeerTimeMinusTheMidpointWithinHalfTheRoundTrip() {
    Instant sent = Instant.parse("2026-11-27T03:00:00Z");
    Instant received = sent.plusMillis(200);
    PeerClockOffset ahead = PeerClockOffset.estimate("b", sent.plusMillis(1100), sent, received);
    assertThat(ahead.offset()).isEqualTo(Duration.ofMillis(1000));
    assertThat(ahead.uncertainty()).isEqualTo(Duration.ofMillis(100));
    assertThat(ahead.measuredAt()).isEqualTo(received);
    PeerClockOffset behind = PeerClockOffset.estimate("b", sent.minusMillis(400), sent, received);
    assertThat(behind.offset()).isEqualTo(Duration.ofMillis(-500));
    // A clock that stepped back between send and receive gives no negative round trip.
    assertThat(PeerClockOffset.estimate("b", sent, sent, sent.minusMillis(5)).uncertainty()).isEqualTo(Duration.ZERO);
  }
}
