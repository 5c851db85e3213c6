package dev.skulk.diagnostics.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The output and deadline options of the commands that fan out to peers. */
final class FanOutOptions {

  @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "12",
      description = "Overall deadline of the fan-out, in seconds (default: ${DEFAULT-VALUE}).")
  double deadlineSeconds = 12;

  @Option(names = "--pretty", description = "Indent the output for reading.")
  boolean pretty;

  Duration deadline() {
    return Durations.ofSeconds(deadlineSeconds, "--deadline");
  }
}
