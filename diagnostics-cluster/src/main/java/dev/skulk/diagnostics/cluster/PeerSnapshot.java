package dev.skulk.diagnostics.cluster;

import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The last bundle a peer served successfully, kept by {@link ClusterDiagnosticsClient} for Java
 * callers (a dashboard can show "last seen" data for a peer that just failed). Never on the wire.
 *
 * <p>Immutable and thread-safe.
 *
 * @param nodeId the peer's node id
 * @param url the peer's base URL it was fetched from
 * @param diagnostics the bundle, as read (STRICT)
 * @param fetchedAt when the response was complete, on the client's clock
 */
public record PeerSnapshot(String nodeId, URI url, NodeDiagnostics diagnostics, Instant fetchedAt) {

  public PeerSnapshot {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(diagnostics, "diagnostics");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }
}
