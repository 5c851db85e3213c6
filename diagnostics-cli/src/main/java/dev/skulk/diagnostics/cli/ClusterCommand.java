package dev.skulk.diagnostics.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code skulk-diag cluster}: this machine plus every peer, fetched in parallel. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    header = "Prints the cluster bundle: this machine and every --peer, fetched in parallel.",
    description = {
      "Prints the cluster bundle: this machine's node bundle first, then every --peer's, fetched in parallel.",
      "A peer that fails is an ok:false entry with its error; the whole fan-out ends within --deadline."
    })
final class ClusterCommand implements Callable<Integer> {

  @Mixin LocalNodeOptions local;

  @Mixin PeerOptions peers;

  @Mixin FanOutOptions fanOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Output.print(spec, ClusterClients.collect(local, peers, fanOut, spec.commandLine().getErr()), fanOut.pretty);
    return 0;
  }
}
