package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.json.DiagnosticsFormatException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skulk-diag normalize}: reads a document and writes its canonical wire form. */
@Command(
    name = "normalize",
    mixinStandardHelpOptions = true,
    header = "Writes a document back in canonical wire form.",
    description = {
      "Reads a diagnostics document (strictly unless --lenient) and writes it back in canonical form:",
      "every key, spec field order, pydantic float formatting, compact UTF-8 JSON."
    })
final class NormalizeCommand implements Callable<Integer> {

  @Mixin DocumentOptions document;

  @Option(names = "--pretty", description = "Indent the output for reading.")
  boolean pretty;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      Object value = document.read(document.readBytes(System.in));
      Output.print(spec, document.json(), value, pretty);
      return 0;
    } catch (DiagnosticsFormatException | IllegalArgumentException | UncheckedIOException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
  }
}
