package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.cli.schema.WireSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skulk-diag schema}: the JSON Schema of a wire document, for tooling without Java. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    header = "Prints the JSON Schema (draft 2020-12) of a bundle type.",
    description = {
      "Prints a strict JSON Schema (draft 2020-12) of a bundle, generated from the model records:",
      "no additional properties, exact required lists, enums and integer types. A document valid for",
      "it is one a Python Skulk peer accepts, except that JSON Schema counts 1.0 as an integer and",
      "cannot see lone surrogates; `skulk-diag validate` checks those too."
    })
final class SchemaCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE", defaultValue = "node",
      description = "Document type: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  BundleType type = BundleType.NODE;

  @Spec CommandSpec spec;

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() {
    spec.commandLine().getOut().println(WireSchema.of((Class<? extends Record>) type.modelType()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
