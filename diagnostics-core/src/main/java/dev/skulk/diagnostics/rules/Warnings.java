package dev.skulk.diagnostics.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Ordering of warning texts as Python Skulk orders them ({@code sorted(set(warnings))}): distinct
 * texts by Unicode code point. This equals {@link String#compareTo} except for texts that mix
 * supplementary characters with characters above U+D7FF, where UTF-16 order and code point order
 * part ways.
 *
 * <p>Stateless and thread-safe; sorting costs O(n log n) comparisons.
 */
public final class Warnings {

  /** Code point order, the order of Python's {@code sorted()} on {@code str}. */
  public static final Comparator<String> CODE_POINT_ORDER = Warnings::compareCodePoints;

  private Warnings() {}

  /** The distinct texts of {@code warnings}, sorted by code point; an unmodifiable list. */
  public static List<String> sortedDistinct(Collection<String> warnings) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(warnings));
    distinct.sort(CODE_POINT_ORDER);
    return List.copyOf(distinct);
  }

  private static int compareCodePoints(String left, String right) {
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      int a = left.codePointAt(i);
      int b = right.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Boolean.compare(i < left.length(), j < right.length());
  }
}
