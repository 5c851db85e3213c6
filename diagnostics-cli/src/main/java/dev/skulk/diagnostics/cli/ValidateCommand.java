package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.json.DiagnosticsFormatException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code skulk-diag validate}: checks a document as a Python Skulk peer would. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Checks a document as strictly as a Python Skulk peer; lists every problem.",
    description = {
      "Checks a diagnostics document against the wire contract, as strictly as a Python Skulk peer does.",
      "Exit 0 when valid; exit 1 with one line per problem (JSON path: reason) on stderr otherwise.",
      "Problems in object members are all listed; listing stops at the first one it cannot get past",
      "(a missing or bad required value, a bad list element)."
    })
final class ValidateCommand implements Callable<Integer> {

  @Mixin DocumentOptions document;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      byte[] bytes = document.readBytes(System.in);
      BundleType type = document.resolveType(bytes);
      List<DiagnosticsFormatException> problems = document.json().validate(bytes, type.modelType());
      if (problems.isEmpty()) {
        spec.commandLine().getOut().println("valid " + type.name().toLowerCase(Locale.ROOT));
        return 0;
      }
      problems.forEach(problem -> spec.commandLine().getErr().println(problem.getMessage()));
      return 1;
    } catch (DiagnosticsFormatException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
  }
}
