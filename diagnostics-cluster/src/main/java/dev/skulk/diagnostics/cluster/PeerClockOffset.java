package dev.skulk.diagnostics.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How far a peer's clock is from ours, estimated from its last good response (Java only, never on
 * the wire): {@code offset} = the peer's {@code generatedAt} minus the midpoint of our send and
 * receive instants, within plus or minus {@code uncertainty} (half the round trip). A positive
 * offset means the peer's clock is ahead. Useful to read cross-node timelines with care.
 *
 * <p>Immutable and thread-safe.
 *
 * @param nodeId the peer's node id
 * @param offset the peer's clock minus ours
 * @param uncertainty half the round trip; the true offset is within {@code offset ± uncertainty}
 *     (plus however long the peer took between building its bundle and answering)
 * @param measuredAt when the measuring response was received, on our clock
 */
public record PeerClockOffset(String nodeId, Duration offset, Duration uncertainty, Instant measuredAt) {

  public PeerClockOffset {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(offset, "offset");
    Objects.requireNonNull(uncertainty, "uncertainty");
    Objects.requireNonNull(measuredAt, "measuredAt");
  }

  /** The estimate from one exchange: sent at {@code sent}, answered at {@code received}. */
  public static PeerClockOffset estimate(String nodeId, Instant peerTime, Instant sent, Instant received) {
    Duration roundTrip = Duration.between(sent, received);
    if (roundTrip.isNegative()) {
      roundTrip = Duration.ZERO;
    }
    Instant midpoint = sent.plus(roundTrip.dividedBy(2));
    return new PeerClockOffset(nodeId, Duration.between(midpoint, peerTime), roundTrip.dividedBy(2), received);
  }
}
