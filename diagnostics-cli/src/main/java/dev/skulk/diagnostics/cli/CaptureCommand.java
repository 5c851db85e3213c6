package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.cluster.CaptureBusyException;
import dev.skulk.diagnostics.cluster.CaptureService;
import dev.skulk.diagnostics.cluster.ClusterDiagnosticsClient;
import dev.skulk.diagnostics.cluster.InvalidCaptureRequestException;
import dev.skulk.diagnostics.cluster.NoMatchingRunnerException;
import dev.skulk.diagnostics.cluster.PeerRequestException;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequest;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequestBuilder;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code skulk-diag capture}: an on-demand capture of this machine or of one peer. */
@Command(
    name = "capture",
    mixinStandardHelpOptions = true,
    header = "Captures this machine (or a peer) focused on one runner, with process samples.",
    description = {
      "Captures a node bundle focused on one runner (by --runner or --task), with process samples",
      "of the runner (sample/vmmap/footprint on macOS; /proc, jcmd, py-spy on Linux) unless --no-samples.",
      "With --node and a matching --peer, the capture runs on that peer."
    })
final class CaptureCommand implements Callable<Integer> {

  @Mixin LocalNodeOptions local;

  @Mixin PeerOptions peers;

  @Option(names = "--runner", paramLabel = "ID", description = "Runner id to focus on.")
  @Nullable String runnerId;

  @Option(names = "--task", paramLabel = "ID", description = "Task id whose runner to focus on.")
  @Nullable String taskId;

  @Option(names = "--no-samples", description = "Skip the heavyweight process samples.")
  boolean noSamples;

  @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "3.0",
      description = "Sampling duration, 1 to 10 seconds (default: ${DEFAULT-VALUE}).")
  double durationSeconds = 3.0;

  @Option(names = "--node", paramLabel = "NODE_ID", description = "Capture on this node (a --peer) instead of this machine.")
  @Nullable String node;

  @Option(names = "--pretty", description = "Indent the output for reading.")
  boolean pretty;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!(durationSeconds >= 1 && durationSeconds <= 10)) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--duration': must be between 1 and 10 seconds, was " + durationSeconds);
    }
    DiagnosticCaptureRequest request = new DiagnosticCaptureRequestBuilder()
        .runnerId(runnerId).taskId(taskId).includeProcessSamples(!noSamples).sampleDurationSeconds(durationSeconds)
        .build();
    try (DiagnosticsAssembler assembler = local.newAssembler()) {
      DiagnosticCaptureResponse response;
      if (node != null && !node.equals(local.resolvedNodeId())) {
        java.time.Duration deadline = Durations.ofSeconds(durationSeconds + 30, "--duration");
        try (ClusterDiagnosticsClient client = ClusterClients.newClient(local, peers, assembler, deadline)) {
          // The capture is bounded by this deadline, not by the client's own 45 s capture timeout.
          response = client.capturePeer(node, request, deadline);
        }
      } else {
        response = CaptureService.builder(assembler::assembleNode).nodeId(local.resolvedNodeId()).build().capture(request);
      }
      Output.print(spec, response, pretty);
      return 0;
    } catch (NoMatchingRunnerException | InvalidCaptureRequestException | CaptureBusyException | PeerRequestException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
  }
}
