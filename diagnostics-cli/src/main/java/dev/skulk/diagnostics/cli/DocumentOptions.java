package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Options shared by the commands that read one document: the file, its type and the read mode. */
final class DocumentOptions {

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "Document type: ${COMPLETION-CANDIDATES}. Detected from the top-level keys when not given.")
  @Nullable BundleType type;

  @Option(names = "--lenient", description = "Ignore unknown fields (for documents from newer peers).")
  boolean lenient;

  @Parameters(index = "0", paramLabel = "FILE", description = "The JSON document to read; - reads standard input.")
  String file = "-";

  DiagnosticsJson json() {
    return lenient ? DiagnosticsJson.lenient() : DiagnosticsJson.strict();
  }

  /** The raw bytes of the document. */
  byte[] readBytes(InputStream stdin) {
    try {
      return "-".equals(file) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ("-".equals(file) ? "standard input" : file) + ": " + e.getMessage(), e);
    }
  }

  /** The document's type: the one given, else detected from its top-level keys. */
  BundleType resolveType(byte[] document) {
    if (type != null) {
      return type;
    }
    JsonNode tree;
    try {
      tree = JsonMapper.shared().readTree(document);
    } catch (JacksonException e) {
      // Not JSON at all: let the codec describe the problem with its path.
      json().read(document, BundleType.NODE.modelType());
      throw new IllegalArgumentException("$: not a JSON document");
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException("$: expected a JSON object");
    }
    Set<String> keys = new LinkedHashSet<>(tree.propertyNames());
    return BundleType.detect(keys);
  }

  /** Reads the document as its type, in the chosen mode. */
  Object read(byte[] document) {
    return json().read(document, resolveType(document).modelType());
  }
}
