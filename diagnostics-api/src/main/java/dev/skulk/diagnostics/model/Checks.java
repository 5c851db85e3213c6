package dev.skulk.diagnostics.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Validation shared by the compact constructors of the model records. Checks only what a Python
 * peer would reject too (a missing required value, a non-finite float); never a value it accepts.
 */
final class Checks {

  private Checks() {}

  static <T> T required(@Nullable T value, String name) {
    return Objects.requireNonNull(value, () -> name + " is required");
  }

  static void finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
  }

  static @Nullable Double finiteOrNull(@Nullable Double value) {
    return value == null || !Double.isFinite(value) ? null : value;
  }

  static <T> List<T> listOrEmpty(@Nullable List<T> values, String name) {
    if (values == null) {
      return List.of();
    }
    try {
      return List.copyOf(values);
    } catch (NullPointerException e) {
      throw new NullPointerException(name + " must not contain null");
    }
  }

  static <V> Map<String, V> orderedMapOrEmpty(@Nullable Map<String, V> values, String name) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    Map<String, V> copy = new LinkedHashMap<>(values);
    for (Map.Entry<String, V> e : copy.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new NullPointerException(name + " must not contain null keys or values");
      }
    }
    return Collections.unmodifiableMap(copy);
  }
}
