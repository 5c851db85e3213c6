package dev.skulk.diagnostics.cluster;

import org.jspecify.annotations.Nullable;

/**
 * A request to a peer failed (for example a proxied capture). The message is {@code <Kind>:
 * <detail>} as in a cluster bundle's {@code error}: {@code ConnectError}, {@code ConnectTimeout},
 * {@code ReadTimeout}, {@code HTTPStatusError}, {@code ValidationError}, {@code ResponseTooLarge}.
 */
public final class PeerRequestException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String nodeId;
  private final int peerStatus;
  private final @Nullable String peerDetail;

  /**
   * @param peerStatus the peer's non-2xx HTTP status, or -1 when it gave no HTTP answer
   * @param peerDetail what the peer's error body said, if anything
   */
  public PeerRequestException(String nodeId, String message, int peerStatus, @Nullable String peerDetail) {
    super(message);
    this.nodeId = nodeId;
    this.peerStatus = peerStatus;
    this.peerDetail = peerDetail;
  }

  /** The peer's node id. */
  public String nodeId() {
    return nodeId;
  }

  /** The peer's non-2xx HTTP status, or -1 when it gave no HTTP answer (or an invalid body). */
  public int peerStatus() {
    return peerStatus;
  }

  /** What the peer's error body said ({@code detail}, else {@code error.message}), or null. */
  public @Nullable String peerDetail() {
    return peerDetail;
  }
}
