package dev.skulk.diagnostics.runner.internal;

import dev.skulk.diagnostics.json.PythonFloats;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code str()} and {@code repr()} of the Java values that stand for Python's: what
 * upstream's runner writes for a value it turns into text ({@code str(item)} of a list item, {@code
 * str(value)} of a dict). Not a stable API.
 *
 * <p>Mapping: {@code null} is {@code None}; a {@code Boolean} is {@code True}/{@code False}; an
 * integer type or {@code BigInteger} is an int; a {@code Double}, {@code Float} (through its own
 * shortest digits) or {@code BigDecimal} (through its nearest double) is a float ({@code 1e-05},
 * {@code 1e+16}, {@code 0.0001}, {@code nan}, {@code inf}); a {@code CharSequence} or {@code
 * Character} is a str; a {@code List}, another non-set {@code Collection} or an array is a list; a
 * {@code Set} is a set ({@code set()} when empty); a {@code Map} is a dict; anything else is the
 * string of its {@code toString()}. Containers show their elements' {@code repr()}: strings quoted
 * and escaped as Python does (single quotes unless the text has a single quote and no double
 * one; backslash, the quote, {@code \t \n \r}, other control characters as {@code \xNN}, and
 * characters Python does not count as printable as {@code \xNN}, {@code \\uNNNN} or {@code
 * \UNNNNNNNN}). Which characters are printable comes from the JDK's Unicode tables, which may be
 * older or newer than Python's for characters assigned recently.
 *
 * <p>Stateless and thread-safe; the cost is linear in the size of the value.
 */
public final class PythonStr {


  private PythonStr() {}

  /** Python's {@code str(value)}. */
  public static String str(@Nullable Object value) {
    if (value instanceof CharSequence || value instanceof Character) {
      return value.toString();
    }
    StringBuilder out = new StringBuilder();
    appendRepr(out, value);
    return out.toString();
  }

  /** Python's {@code repr(value)}. */
  public static String repr(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    appendRepr(out, value);
    return out.toString();
  }

  private static void appendRepr(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      out.append("None");
    } else if (value instanceof Boolean bool) {
      out.append(bool ? "True" : "False");
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof Double d) {
      out.append(floatRepr(d));
    } else if (value instanceof Float f) {
      out.append(Float.isFinite(f) ? floatRepr(Double.parseDouble(Float.toString(f))) : floatRepr(f));
    } else if (value instanceof BigDecimal decimal) {
      out.append(floatRepr(decimal.doubleValue()));
    } else if (value instanceof CharSequence || value instanceof Character) {
      appendStringRepr(out, value.toString());
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      String separator = "";
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(separator);
        appendRepr(out, entry.getKey());
        out.append(": ");
        appendRepr(out, entry.getValue());
        separator = ", ";
      }
      out.append('}');
    } else if (value instanceof Set<?> set) {
      if (set.isEmpty()) {
        out.append("set()");
      } else {
        appendItems(out, '{', set.iterator(), '}');
      }
    } else if (value instanceof Iterable<?> iterable && value instanceof java.util.Collection<?>) {
      appendItems(out, '[', iterable.iterator(), ']');
    } else if (value.getClass().isArray()) {
      out.append('[');
      int length = Array.getLength(value);
      for (int i = 0; i < length; i++) {
        if (i > 0) {
          out.append(", ");
        }
        appendRepr(out, Array.get(value, i));
      }
      out.append(']');
    } else {
      out.append(safeString(value));
    }
  }

  private static void appendItems(StringBuilder out, char open, Iterator<?> items, char close) {
    out.append(open);
    String separator = "";
    while (items.hasNext()) {
      out.append(separator);
      appendRepr(out, items.next());
      separator = ", ";
    }
    out.append(close);
  }

  /** Python's {@code repr(str)}: CPython's {@code unicode_repr}. */
  static void appendStringRepr(StringBuilder out, String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    out.append(quote);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (cp == '\t') {
        out.append("\\t");
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\r') {
        out.append("\\r");
      } else if (cp < ' ' || cp == 0x7f) {
        out.append("\\x").append(hex(cp, 2));
      } else if (cp < 0x7f || isPrintable(cp)) {
        out.appendCodePoint(cp);
      } else if (cp <= 0xff) {
        out.append("\\x").append(hex(cp, 2));
      } else if (cp <= 0xffff) {
        out.append("\\u").append(hex(cp, 4));
      } else {
        out.append("\\U").append(hex(cp, 8));
      }
    }
    out.append(quote);
  }

  /** Python's {@code str.isprintable()} of one character: not in Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (but space). */
  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }

  private static String hex(int value, int width) {
    String digits = Integer.toHexString(value);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  /** Python's {@code repr(float)}: the SDK's one Python-float kernel, {@link PythonFloats#pythonRepr}. */
  static String floatRepr(double value) {
    return PythonFloats.pythonRepr(value);
  }

  // Attributes are diagnostics of code that may be failing: a broken toString() must not lose the
  // whole update.
  static String safeString(Object value) {
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
