package dev.skulk.diagnostics.rules;

/**
 * Compact identifiers for warning texts, as Python Skulk's {@code _short_diagnostics_id} writes
 * them: the first 8 characters, {@code …} (U+2026) and the last 4 characters when the id is longer
 * than 12 characters, else the id itself. Characters are code points, as Python counts them.
 *
 * <p>Stateless and thread-safe.
 */
public final class ShortIds {

  private ShortIds() {}

  /** The short form of {@code id}: {@code 0123abcd…wxyz} for a long id, the id when 12 or shorter. */
  public static String shortId(String id) {
    int length = id.codePointCount(0, id.length());
    if (length <= 12) {
      return id;
    }
    int headEnd = id.offsetByCodePoints(0, 8);
    int tailStart = id.offsetByCodePoints(id.length(), -4);
    return id.substring(0, headEnd) + '\u2026' + id.substring(tailStart);
  }
}
