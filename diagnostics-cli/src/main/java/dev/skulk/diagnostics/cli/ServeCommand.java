package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.cluster.CaptureService;
import dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient;
import dev.skulk.diagnostics.server.DiagnosticsServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code skulk-diag serve}: serves this machine's live bundle over Skulk's diagnostics API. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    header = "Serves this machine's diagnostics over Skulk's HTTP API until Ctrl-C.",
    description = {
      "Serves this machine's live diagnostics over HTTP, as a Skulk node does: /v1/diagnostics/node,",
      "/v1/diagnostics/cluster (fanning out to every --peer), .../cluster/timeline, .../cluster/{nodeId},",
      "POST .../node/capture and /node_id. Read-only. Runs until interrupted (Ctrl-C stops it cleanly)."
    })
final class ServeCommand implements Callable<Integer> {

  @Mixin LocalNodeOptions local;

  @Mixin PeerOptions peers;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes it to the network).")
  String bind = "127.0.0.1";

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:SKULK_DIAG_PORT:-52415}",
      description = "Port to listen on, 0 to 65535; 0 picks a free one (default: $SKULK_DIAG_PORT, else 52415).")
  int port = 52415;

  @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "12",
      description = "Overall deadline of a cluster fan-out, in seconds (default: ${DEFAULT-VALUE}).")
  double deadlineSeconds = 12;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--port': must be between 0 and 65535, was " + port);
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      spec.commandLine().getErr().println("--bind: not an address: " + bind);
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    DiagnosticsAssembler assembler = local.newAssembler();
    ClusterDiagnosticsClient client =
        ClusterClients.newClient(local, peers, assembler, Durations.ofSeconds(deadlineSeconds, "--deadline"));
    DiagnosticsServer server = DiagnosticsServer.builder()
        .bindAddress(address)
        .port(port)
        .nodeId(local.resolvedNodeId())
        .localNode(assembler::assembleNode)
        .clusterClient(client)
        .captureService(CaptureService.builder(assembler::assembleNode).nodeId(local.resolvedNodeId()).build())
        .build()
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      client.close();
      assembler.close();
      stopped.countDown();
    }, "skulk-diag-shutdown"));
    spec.commandLine().getErr().println("skulk-diag: serving node " + local.resolvedNodeId() + " on http://"
        + server.address().getAddress().getHostAddress() + ":" + server.port() + " (Ctrl-C stops)");
    spec.commandLine().getErr().flush();
    stopped.await();
    return 0;
  }
}
