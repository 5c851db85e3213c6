package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.model.Memory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test resources: recorded tool output and the readings they must give. */
final class Fixtures {

  private static final Pattern PAIR = Pattern.compile("(\\w+) (\"[^\"]*\"|[-\\w.]+)");

  private Fixtures() {}

  static Path path(String resource) {
    URL url = Fixtures.class.getResource("/" + resource);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + resource);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static List<String> lines(String resource) {
    try {
      return Files.readAllLines(path(resource), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String resource) {
    try {
      return Files.readString(path(resource), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads an {@code *-expected.txt} file of {@code name value} pairs, grouped by the label before
   * the first {@code ": "} of a line (a line without one continues the previous label; the first
   * label is the empty string). Comment lines start with {@code #}.
   */
  static Map<String, Map<String, String>> expectedPairs(String resource) {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    String label = "";
    for (String line : lines(resource)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String body = line;
      int colon = line.indexOf(": ");
      if (colon >= 0) {
        label = line.substring(0, colon);
        body = line.substring(colon + 2);
      }
      Matcher m = PAIR.matcher(body);
      Map<String, String> pairs = groups.computeIfAbsent(label, k -> new LinkedHashMap<>());
      while (m.find()) {
        pairs.put(m.group(1), unquote(m.group(2)));
      }
    }
    return groups;
  }

  /**
   * The record's components named in {@code expected}, written as the expected files write them
   * ({@code null}, enum wire values, {@code Memory} as its byte count), for a field-by-field
   * comparison.
   */
  static Map<String, String> actualPairs(Record value, Map<String, String> expected) {
    Map<String, String> actual = new LinkedHashMap<>();
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      if (!expected.containsKey(component.getName())) {
        continue;
      }
      Object field;
      try {
        field = component.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      String text = field instanceof Memory ? Long.toString(((Memory) field).inBytes()) : String.valueOf(field);
      actual.put(component.getName(), text);
    }
    return actual;
  }

  private static String unquote(String value) {
    return value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
  }
}
