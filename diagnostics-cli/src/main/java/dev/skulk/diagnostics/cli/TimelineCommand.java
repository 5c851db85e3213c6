package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.cluster.ClusterTimelines;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code skulk-diag timeline}: every runner's flight recorder across the cluster, in time order. */
@Command(
    name = "timeline",
    mixinStandardHelpOptions = true,
    header = "Prints every runner's flight recorder across the cluster, in time order.",
    description = {
      "Prints the cross-rank timeline: the runners of this machine and every --peer, and all their",
      "flight-recorder entries merged in time order (a deadlock's rank disagreement reads top to bottom)."
    })
final class TimelineCommand implements Callable<Integer> {

  @Mixin LocalNodeOptions local;

  @Mixin PeerOptions peers;

  @Mixin FanOutOptions fanOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ClusterDiagnostics cluster = ClusterClients.collect(local, peers, fanOut, spec.commandLine().getErr());
    Output.print(spec, ClusterTimelines.build(cluster), fanOut.pretty);
    return 0;
  }
}
