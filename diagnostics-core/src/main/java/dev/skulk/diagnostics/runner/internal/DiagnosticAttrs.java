package dev.skulk.diagnostics.runner.internal;

import dev.skulk.diagnostics.model.RunnerDiagnosticValue;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the loosely typed attributes a runner passes into flight-recorder {@code attrs}. Not a
 * stable API.
 *
 * <p>Rules: a null key or value is dropped; a {@code Boolean} stays a boolean; an {@code Integer},
 * {@code Long}, {@code Short}, {@code Byte} or a {@code BigInteger} within the range of a long
 * becomes an integer; a {@code Float}, {@code Double} or {@code BigDecimal} becomes a float, or the
 * value's string when it is not finite; a {@code Collection} or an array becomes a list of each
 * element's {@code String.valueOf}; a {@code RunnerDiagnosticValue} is kept as it is; anything else
 * becomes the string of its {@code toString()} (or, when that throws or returns null, a placeholder
 * naming its class). Insertion order is kept. Stateless and thread-safe.
 */
public final class DiagnosticAttrs {

  private DiagnosticAttrs() {}

  /** The normalised attributes, in {@code attrs}' iteration order, as an unmodifiable map. */
  public static Map<String, RunnerDiagnosticValue> normalize(@Nullable Map<String, ?> attrs) {
    if (attrs == null || attrs.isEmpty()) {
      return Map.of();
    }
    Map<String, RunnerDiagnosticValue> normalized = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : attrs.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      if (key != null && value != null) {
        normalized.put(key, toValue(value));
      }
    }
    return Collections.unmodifiableMap(normalized);
  }

  /** One value, normalised by the rules in the class javadoc. */
  public static RunnerDiagnosticValue toValue(Object value) {
    if (value instanceof RunnerDiagnosticValue already) {
      return already;
    }
    if (value instanceof Boolean bool) {
      return RunnerDiagnosticValue.of(bool.booleanValue());
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      return RunnerDiagnosticValue.of(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < Long.SIZE
          ? RunnerDiagnosticValue.of(big.longValue())
          : RunnerDiagnosticValue.of(big.toString());
    }
    if (value instanceof Float single) {
      // Through the float's own shortest digits, so 0.1f stays 0.1 rather than 0.10000000149011612.
      return Float.isFinite(single)
          ? RunnerDiagnosticValue.of(Double.parseDouble(Float.toString(single)))
          : RunnerDiagnosticValue.of(Float.toString(single));
    }
    if (value instanceof Double dbl) {
      return RunnerDiagnosticValue.of(dbl.doubleValue());
    }
    if (value instanceof BigDecimal decimal) {
      double asDouble = decimal.doubleValue();
      return Double.isFinite(asDouble)
          ? RunnerDiagnosticValue.of(asDouble)
          : RunnerDiagnosticValue.of(decimal.toString());
    }
    if (value instanceof Collection<?> collection) {
      List<String> strings = new ArrayList<>(collection.size());
      for (Object element : collection) {
        strings.add(safeString(element));
      }
      return RunnerDiagnosticValue.of(strings);
    }
    if (value.getClass().isArray()) {
      int length = Array.getLength(value);
      List<String> strings = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        strings.add(safeString(Array.get(value, i)));
      }
      return RunnerDiagnosticValue.of(strings);
    }
    return RunnerDiagnosticValue.of(safeString(value));
  }

  // Attributes are diagnostics of code that may be failing: a broken toString() must not lose the
  // whole update.
  private static String safeString(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    try {
      String text = value.toString();
      if (text != null) {
        return text;
      }
    } catch (RuntimeException e) {
      // Fall through to the placeholder.
    }
    return "<unprintable " + value.getClass().getName() + ">";
  }
}
