package dev.skulk.diagnostics.spi;

import java.net.URI;
import java.util.Map;

/**
 * The peers whose diagnostics a cluster view fans out to: node id to base URL (for example {@code
 * http://10.0.0.2:52415}). The local node is never in it. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface PeerDirectory {

  /** The reachable peers, in a stable order; a peer's diagnostics are at {@code <url>/v1/diagnostics/node}. */
  Map<String, URI> peers();
}
