package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.cluster.StaticPeerDirectory;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --peer NODE_ID=URL} options of the cluster commands. */
final class PeerOptions {

  @Option(names = "--peer", paramLabel = "NODE_ID=URL", split = ",", defaultValue = "${env:SKULK_DIAG_PEERS}",
      description = "A peer to fan out to, as its node id and base URL (http://HOST:52415); repeatable or"
          + " comma-separated (default: $SKULK_DIAG_PEERS).")
  List<String> peers = new ArrayList<>();

  StaticPeerDirectory directory() {
    return StaticPeerDirectory.parse(peers);
  }
}
