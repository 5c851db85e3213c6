package dev.skulk.diagnostics.json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds every problem of a document that a reader can get past, for {@link
 * DiagnosticsJson#validate}: read; on a problem, note it, take the offending member out of the
 * document and read again. A member can be taken out when it sits in an object (an unknown field, a
 * bad optional value); the sweep stops at a problem it cannot get past: the same place failing
 * again (a required member that is missing or was taken out), a bad element of a list (taking it
 * out would shift the indices of the problems after it), the root, or malformed JSON.
 */
final class ProblemSweep {

  /** More problems than anyone reads. */
  static final int MAX_PROBLEMS = 100;

  private static final JsonMapper TREES = JsonMapper.builder().build();

  private ProblemSweep() {}

  static List<DiagnosticsFormatException> sweep(DiagnosticsJson json, byte[] document, Class<?> type) {
    List<DiagnosticsFormatException> problems = new ArrayList<>();
    Set<String> failedPaths = new HashSet<>();
    JsonNode tree = null;
    byte[] current = document;
    while (problems.size() < MAX_PROBLEMS) {
      try {
        json.read(current, type);
        return problems;
      } catch (DiagnosticsFormatException problem) {
        if (!failedPaths.add(problem.path())) {
          return problems;
        }
        // Detached: the problem's cause is the parser's exception, which holds the parser and through
        // it this pass's copy of the document; a list of 100 such problems held 100 copies.
        problems.add(new DiagnosticsFormatException(problem.path(), problem.reason()));
        if (tree == null) {
          tree = treeOrNull(document);
        }
        if (tree == null || !remove(tree, problem.path())) {
          return problems;
        }
        current = TREES.writeValueAsBytes(tree);
      }
    }
    return problems;
  }

  private static @Nullable JsonNode treeOrNull(byte[] document) {
    try {
      return TREES.readTree(document);
    } catch (JacksonException e) {
      return null;
    }
  }

  /** Removes the object member at {@code path}; false when the path does not end in one. */
  static boolean remove(JsonNode root, String path) {
    List<Object> segments = segments(path);
    if (segments == null || segments.isEmpty() || !(segments.get(segments.size() - 1) instanceof String)) {
      return false;
    }
    JsonNode parent = root;
    for (Object segment : segments.subList(0, segments.size() - 1)) {
      parent = segment instanceof String name ? parent.get(name) : parent.get((Integer) segment);
      if (parent == null) {
        return false;
      }
    }
    String name = (String) segments.get(segments.size() - 1);
    return parent instanceof ObjectNode object && object.remove(name) != null;
  }

  /**
   * The segments of a path as {@link Failures} writes them ({@code $.a[3]['odd name']}): names as
   * strings, indices as integers; null when the text is not such a path.
   */
  static @Nullable List<Object> segments(String path) {
    if (!path.startsWith("$")) {
      return null;
    }
    List<Object> segments = new ArrayList<>();
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        segments.add(path.substring(i + 1, end));
        i = end;
      } else if (path.startsWith("['", i)) {
        StringBuilder name = new StringBuilder();
        int j = i + 2;
        while (j < path.length() && path.charAt(j) != '\'') {
          if (path.charAt(j) == '\\' && j + 1 < path.length()) {
            j++;
          }
          name.append(path.charAt(j));
          j++;
        }
        if (!path.startsWith("']", j)) {
          return null;
        }
        segments.add(name.toString());
        i = j + 2;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) {
          return null;
        }
        try {
          segments.add(Integer.parseInt(path.substring(i + 1, end)));
        } catch (NumberFormatException e) {
          return null;
        }
        i = end + 1;
      } else {
        return null;
      }
    }
    return segments;
  }
}
