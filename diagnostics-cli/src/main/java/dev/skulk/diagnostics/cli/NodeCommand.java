package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.spi.HostFactsBuilder;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skulk-diag node}: builds and prints this machine's node bundle. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = "Builds this machine's live node diagnostics bundle with the default collectors and prints it.")
final class NodeCommand implements Callable<Integer> {

  @Option(names = "--pretty", description = "Indent the output for reading.")
  boolean pretty;

  @Option(names = "--node-id", paramLabel = "ID", description = "Node id to report (default: this host's name).")
  @Nullable String nodeId;

  @Option(names = "--models-dir", paramLabel = "DIR", description = "Models directory whose disk is reported (default: ~/.skulk/models, else home).")
  @Nullable String modelsDir;

  @Option(names = "--config", paramLabel = "PATH", description = "Config path to report (default: ${DEFAULT-VALUE}).", defaultValue = "config.yaml")
  String configPath = "config.yaml";

  @Option(names = "--deadline", paramLabel = "SECONDS", description = "Overall deadline for the collectors (default: ${DEFAULT-VALUE}).", defaultValue = "5")
  double deadlineSeconds = 5;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    HostFacts facts =
        new HostFactsBuilder()
            .configPath(configPath)
            .modelsDirectory(modelsDir)
            .skulkVersion(SkulkDiag.class.getPackage().getImplementationVersion())
            .build();
    try (DiagnosticsAssembler assembler =
        DiagnosticsAssembler.builder()
            .nodeId(nodeId != null ? nodeId : LocalHost.name())
            .hostFacts(facts)
            .deadline(Duration.ofMillis((long) (deadlineSeconds * 1000)))
            .discoverCollectors(NodeCommand.class.getClassLoader())
            .build()) {
      NodeDiagnostics bundle = assembler.assembleNode();
      DiagnosticsJson json = DiagnosticsJson.strict();
      spec.commandLine().getOut().println(pretty ? json.writePretty(bundle) : json.write(bundle));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
