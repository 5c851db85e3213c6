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
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the loosely typed attributes a runner passes into flight-recorder {@code attrs}. Not a
 * stable API.
 *
 * <p>Rules, those of upstream's {@code normalize_attrs} ({@code worker/runner/diagnostics.py}) for
 * the Java values that stand for Python's (see {@link PythonStr}): a null value is dropped, a null
 * key becomes {@code "None"}; a {@code Boolean} stays a boolean; an {@code Integer}, {@code Long},
 * {@code Short}, {@code Byte} or a {@code BigInteger} within the range of a long becomes an
 * integer; a {@code Float}, {@code Double} or {@code BigDecimal} becomes a float; a list (a {@code
 * Collection} that is not a {@code Set}, or an array) becomes a list of each element's Python
 * {@code str()} ({@code True}, {@code None}, {@code 1.0}, {@code [1, 'a']}, {@code {'k': 2}}); a
 * {@code RunnerDiagnosticValue} is kept as it is; anything else (a {@code Map}, a {@code Set}, a
 * string, another object) becomes its Python {@code str()} (for an unknown object its {@code
 * toString()}, or a placeholder naming its class when that throws or returns null).
 *
 * <p>Two values the wire model cannot carry differ from upstream, where pydantic would write them
 * as they are: an integer beyond 64 bits becomes the string of its digits, and a non-finite float
 * the string of Java's name for it ({@code NaN}, {@code Infinity}; pydantic writes {@code null}).
 *
 * <p>Insertion order is kept. Stateless and thread-safe.
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
      Object key = entry.getKey(); // Object: a raw map may hold keys of any type
      Object value = entry.getValue();
      if (value != null) {
        normalized.put(PythonStr.str(key), toValue(value));
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
    if (value instanceof Collection<?> collection && !(value instanceof Set<?>)) {
      List<String> strings = new ArrayList<>(collection.size());
      for (Object element : collection) {
        strings.add(PythonStr.str(element));
      }
      return RunnerDiagnosticValue.of(strings);
    }
    if (value.getClass().isArray()) {
      int length = Array.getLength(value);
      List<String> strings = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        strings.add(PythonStr.str(Array.get(value, i)));
      }
      return RunnerDiagnosticValue.of(strings);
    }
    return RunnerDiagnosticValue.of(PythonStr.str(value));
  }
}
