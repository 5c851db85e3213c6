package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.support.BoundedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
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

  /** The default input cap: far above any real bundle, far below what would exhaust a default heap. */
  static final long DEFAULT_MAX_INPUT_BYTES = 64L * 1024 * 1024;

  long maxInputBytes = DEFAULT_MAX_INPUT_BYTES;

  /** Set when picocli builds this as a mixin; null when a command builds one by hand. */
  @Spec(Spec.Target.MIXEE) @Nullable CommandSpec mixee;

  /** A bad value is a usage error (exit 2) naming the option, found before anything is read. */
  @Option(
      names = "--max-input-bytes",
      paramLabel = "BYTES",
      defaultValue = "67108864",
      description = "Refuse a document larger than this many bytes (default: ${DEFAULT-VALUE}, 64 MiB).")
  void maxInputBytes(long bytes) {
    if (mixee != null) {
      checkMaxInputBytes(mixee, bytes);
    }
    maxInputBytes = bytes;
  }

  /** Refuses an out-of-range {@code --max-input-bytes} as a usage error naming the option. */
  static void checkMaxInputBytes(CommandSpec spec, long bytes) {
    if (bytes < 0 || bytes > Integer.MAX_VALUE - 8) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--max-input-bytes': must be between 0 and "
          + (Integer.MAX_VALUE - 8) + ", was " + bytes);
    }
  }

  @Parameters(index = "0", paramLabel = "FILE", description = "The JSON document to read; - reads standard input.")
  String file = "-";

  DiagnosticsJson json() {
    return lenient ? DiagnosticsJson.lenient() : DiagnosticsJson.strict();
  }

  /**
   * The raw bytes of the document, at most {@code --max-input-bytes} of them.
   *
   * @throws IllegalArgumentException when {@code --max-input-bytes} is out of range
   * @throws UncheckedIOException when the document cannot be read or is too large, with one line
   *     saying which and why
   */
  byte[] readBytes(InputStream stdin) {
    if (maxInputBytes < 0 || maxInputBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("--max-input-bytes: must be between 0 and " + (Integer.MAX_VALUE - 8)
          + ", got " + maxInputBytes);
    }
    String name = "-".equals(file) ? "standard input" : file;
    try {
      if ("-".equals(file)) {
        return BoundedInput.readAtMost(stdin, maxInputBytes);
      }
      try (InputStream in = Files.newInputStream(Path.of(file))) {
        return BoundedInput.readAtMost(in, maxInputBytes);
      }
    } catch (BoundedInput.TooLargeException e) {
      throw new UncheckedIOException("cannot read " + name + ": larger than the input limit of " + maxInputBytes
          + " bytes (raise it with --max-input-bytes)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + why(e), e);
    }
  }

  /**
   * Why a read failed, in words: the JDK's file exceptions carry only the path as their message,
   * so "cannot read x: x" said nothing.
   */
  static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    if (e.getMessage() != null && !(e instanceof FileSystemException)) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName();
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
