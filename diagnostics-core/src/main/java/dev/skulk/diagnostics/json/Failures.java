package dev.skulk.diagnostics.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Turns whatever Jackson threw into one {@link DiagnosticsFormatException} with a JSON path. */
final class Failures {

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** Jackson's pointer to where an unclosed object or array began: no use without the source. */
  private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at \\[Source:.*?]\\)");

  private Failures() {}

  static DiagnosticsFormatException of(JacksonException e) {
    if (e instanceof WireProblem problem) {
      return new DiagnosticsFormatException(path(e.getPath(), null), problem.reason(), e);
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return new DiagnosticsFormatException(path(e.getPath(), unknown.getPropertyName()),
          "unknown field '" + unknown.getPropertyName() + "'", e);
    }
    if (e instanceof InvalidNullException invalidNull) {
      return new DiagnosticsFormatException(path(e.getPath(), null),
          "expected " + JsonShapes.expected(invalidNull.getTargetType()) + ", got null", e);
    }
    if (e instanceof StreamConstraintsException) {
      return new DiagnosticsFormatException(streamPath(e), "input exceeds a parser limit: " + e.getOriginalMessage(), e);
    }
    if (e instanceof StreamReadException) {
      return new DiagnosticsFormatException(streamPath(e),
          "malformed JSON" + at(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()), e);
    }
    if (e instanceof JacksonIOException) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new DiagnosticsFormatException("$", "I/O error: " + cause, e);
    }
    if (e instanceof ValueInstantiationException) {
      return new DiagnosticsFormatException(path(e.getPath(), null), "invalid value: " + rootMessage(e), e);
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
        && e.processor() instanceof JsonParser parser && parser.currentToken() != null) {
      return new DiagnosticsFormatException(path(e.getPath(), null),
          JsonShapes.mismatch(mismatch.getTargetType(), parser), e);
    }
    return new DiagnosticsFormatException(path(e.getPath(), null), firstLine(e.getOriginalMessage()), e);
  }

  /**
   * Renders Jackson's reference chain as a JSON path. {@code leaf}, when given, is the name the
   * path must end with (Jackson does not always add the offending field itself).
   */
  static String path(List<JacksonException.Reference> references, @Nullable String leaf) {
    StringBuilder out = new StringBuilder("$");
    String last = null;
    for (JacksonException.Reference reference : references) {
      String name = reference.getPropertyName();
      if (name != null) {
        appendName(out, name);
        last = name;
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
        last = null;
      }
    }
    if (leaf != null && !leaf.equals(last)) {
      appendName(out, leaf);
    }
    return out.toString();
  }

  /** Where the parser stood when the input stopped being JSON. */
  private static String streamPath(JacksonException e) {
    if (!(e.processor() instanceof JsonParser parser)) {
      return path(e.getPath(), null);
    }
    Deque<String> segments = new ArrayDeque<>();
    for (TokenStreamContext context = parser.streamReadContext(); context != null && !context.inRoot();
        context = context.getParent()) {
      if (context.inArray()) {
        segments.push("[" + Math.max(0, context.getCurrentIndex()) + "]");
      } else if (context.currentName() != null) {
        StringBuilder name = new StringBuilder();
        appendName(name, context.currentName());
        segments.push(name.toString());
      }
    }
    return "$" + String.join("", segments);
  }

  private static void appendName(StringBuilder out, String name) {
    if (PLAIN_NAME.matcher(name).matches()) {
      out.append('.').append(name);
    } else {
      out.append("['").append(name.replace("\\", "\\\\").replace("'", "\\'")).append("']");
    }
  }

  private static String at(@Nullable TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root instanceof JacksonException jackson ? jackson.getOriginalMessage() : root.getMessage();
    return message == null ? root.getClass().getSimpleName() : firstLine(message);
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unreadable input";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return START_MARKER.matcher(line).replaceAll("");
  }
}
