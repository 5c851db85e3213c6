package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skulk-diag node}: builds and prints this machine's node bundle. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    header = "Prints this machine's live node bundle from the default collectors.",
    description = "Builds this machine's live node diagnostics bundle with the default collectors and prints it.")
final class NodeCommand implements Callable<Integer> {

  @Mixin LocalNodeOptions local;

  @Option(names = "--pretty", description = "Indent the output for reading.")
  boolean pretty;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (DiagnosticsAssembler assembler = local.newAssembler()) {
      NodeDiagnostics bundle = assembler.assembleNode();
      Output.print(spec, bundle, pretty);
      return 0;
    }
  }
}
