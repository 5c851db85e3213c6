package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.support.Hostnames;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.spi.HostFactsBuilder;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options that describe this machine as a node, and the assembler they configure. */
final class LocalNodeOptions {

  @Option(names = "--node-id", paramLabel = "ID", defaultValue = "${env:SKULK_DIAG_NODE_ID}",
      description = "Node id to report for this machine (default: $SKULK_DIAG_NODE_ID, else its host name).")
  @Nullable String nodeId;

  @Option(names = "--models-dir", paramLabel = "DIR",
      description = "Models directory whose disk is reported (default: ~/.skulk/models, else the home directory).")
  @Nullable String modelsDir;

  @Option(names = "--config", paramLabel = "PATH", defaultValue = "config.yaml",
      description = "Config path to report (default: ${DEFAULT-VALUE}).")
  String configPath = "config.yaml";

  @Option(names = "--collect-deadline", paramLabel = "SECONDS", defaultValue = "5",
      description = "Overall deadline of this machine's collectors, in seconds (default: ${DEFAULT-VALUE}).")
  double collectDeadlineSeconds = 5;

  String resolvedNodeId() {
    return nodeId != null ? nodeId : Hostnames.localOrUnknown();
  }

  /** An assembler for this machine with the default collectors found on the class path. */
  DiagnosticsAssembler newAssembler() {
    HostFacts facts =
        new HostFactsBuilder()
            .configPath(configPath)
            .modelsDirectory(modelsDir)
            .skulkVersion(SkulkDiag.class.getPackage().getImplementationVersion())
            .build();
    return DiagnosticsAssembler.builder()
        .nodeId(resolvedNodeId())
        .hostFacts(facts)
        .deadline(Durations.ofSeconds(collectDeadlineSeconds, "--collect-deadline"))
        .discoverCollectors(LocalNodeOptions.class.getClassLoader())
        .build();
  }
}
