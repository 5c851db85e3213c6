package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a document to the command's standard output in canonical wire form. */
final class Output {

  private Output() {}

  static void print(CommandSpec spec, DiagnosticsJson json, Object value, boolean pretty) {
    // Streamed: a cluster view of many large bundles is never held as one String.
    java.io.PrintWriter out = spec.commandLine().getOut();
    json.writeTo(value, out, pretty);
    out.println();
    out.flush();
  }

  static void print(CommandSpec spec, Object value, boolean pretty) {
    print(spec, DiagnosticsJson.strict(), value, pretty);
  }
}
