package dev.skulk.diagnostics.json;

import dev.skulk.diagnostics.model.RunnerDiagnosticValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Words for JSON shapes and Java targets in error reasons ("expected a string, got a number"). */
final class JsonShapes {

  static final String ATTR_VALUE = "a string, integer, float, boolean or list of strings";

  private JsonShapes() {}

  /** What a JSON value of {@code target} looks like, as in "expected <...>". */
  static String expected(@Nullable Class<?> target) {
    if (target == null) {
      return "a value";
    }
    if (target == String.class || target == Character.class || target == char.class || target.isEnum()) {
      return "a string";
    }
    if (target == int.class || target == Integer.class || target == long.class || target == Long.class
        || target == short.class || target == Short.class || target == byte.class || target == Byte.class
        || target == BigInteger.class) {
      return "an integer";
    }
    if (target == double.class || target == Double.class || target == float.class || target == Float.class
        || target == BigDecimal.class || target == Number.class) {
      return "a number";
    }
    if (target == boolean.class || target == Boolean.class) {
      return "a boolean";
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "an array";
    }
    if (RunnerDiagnosticValue.class.isAssignableFrom(target)) {
      return ATTR_VALUE;
    }
    if (target == Object.class) {
      return "a value";
    }
    return "an object"; // records, maps
  }

  /** What the parser's current token is, as in "got <...>". */
  static String found(JsonParser parser) {
    return found(parser.currentToken());
  }

  /** What {@code token} is, as in "got <...>". */
  static String found(@Nullable JsonToken token) {
    if (token == null) {
      return "the end of the input";
    }
    switch (token) {
      case START_OBJECT:
      case END_OBJECT:
      case PROPERTY_NAME:
        return "an object";
      case START_ARRAY:
      case END_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return "an unsupported JSON value";
    }
  }

  /** "expected {@code target}, got {@code the current token}" for the parser's current token. */
  static String mismatch(@Nullable Class<?> target, JsonParser parser) {
    return "expected " + expected(target) + ", got " + found(parser);
  }

}
