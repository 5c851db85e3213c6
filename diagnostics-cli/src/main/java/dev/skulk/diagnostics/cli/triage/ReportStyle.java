package dev.skulk.diagnostics.cli.triage;

/**
 * How text reports are decorated: plain for pipes and files (what scripts and golden tests read),
 * or coloured and cut to the terminal's width on an interactive terminal.
 *
 * <p>Immutable and thread-safe.
 *
 * @param colour whether to use ANSI colours
 * @param width the terminal's width in characters; 0 for no limit
 */
public record ReportStyle(boolean colour, int width) {

  /** No colour, no width limit. */
  public static final ReportStyle PLAIN = new ReportStyle(false, 0);

  private static final String RESET = "\u001b[0m";

  /** The style for a terminal of {@code width} columns. */
  public static ReportStyle terminal(int width) {
    return new ReportStyle(true, Math.max(width, 20));
  }

  String red(String text) {
    return colour ? "\u001b[1;31m" + clean(text) + RESET : clean(text);
  }

  String yellow(String text) {
    return colour ? "\u001b[33m" + clean(text) + RESET : clean(text);
  }

  String green(String text) {
    return colour ? "\u001b[32m" + clean(text) + RESET : clean(text);
  }

  String bold(String text) {
    return colour ? "\u001b[1m" + clean(text) + RESET : clean(text);
  }

  /**
   * Text from a bundle made safe to print: control characters (an escape sequence in a friendly
   * name would recolour or rewrite the operator's terminal) and bidirectional overrides (which
   * reorder what is shown) become visible {@code \\uXXXX} escapes. Everything a report prints from a
   * bundle goes through here before any colour of ours is added.
   */
  static String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe = Character.getType(c) == Character.CONTROL
          || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
      if (unsafe && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (unsafe) {
          out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  String severity(Severity severity, String text) {
    return severity == Severity.CRITICAL ? red(text) : yellow(text);
  }

  /**
   * The line cut to the width (counting visible characters only, escape sequences kept whole),
   * ending in {@code …} when cut.
   */
  String fit(String line) {
    if (width <= 0) {
      return line;
    }
    StringBuilder out = new StringBuilder();
    int visible = 0;
    boolean cut = false;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      if (cp == 0x1b) {
        int end = line.indexOf('m', i);
        end = end < 0 ? line.length() - 1 : end;
        out.append(line, i, end + 1);
        i = end + 1;
        continue;
      }
      if (visible == width - 1 && hasVisibleAfter(line, i + Character.charCount(cp))) {
        cut = true;
        out.append('…');
        break;
      }
      out.appendCodePoint(cp);
      visible++;
      i += Character.charCount(cp);
    }
    if (cut && colour) {
      out.append(RESET);
    }
    return out.toString();
  }

  private static boolean hasVisibleAfter(String line, int from) {
    for (int i = from; i < line.length(); i++) {
      if (line.charAt(i) == 0x1b) {
        int end = line.indexOf('m', i);
        if (end < 0) {
          return false;
        }
        i = end;
      } else {
        return true;
      }
    }
    return false;
  }
}
