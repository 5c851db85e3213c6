package dev.skulk.diagnostics.cluster.internal;

/** The truncation rule of capture outputs, shared by the command runner and the samplers; not a stable API. */
public final class OutputText {

  /** At most this many characters (code points) of a command's output are kept. */
  public static final int MAX_CHARS = 64_000;

  /** What follows a cut output. */
  public static final String TRUNCATED_SUFFIX = "\n... <truncated>";

  /** Enough UTF-8 bytes to hold {@link #MAX_CHARS} characters of any kind, plus one. */
  public static final int MAX_BYTES = MAX_CHARS * 4 + 4;

  private OutputText() {}

  /** The text cut at {@link #MAX_CHARS} code points plus the suffix, or as is when shorter. */
  public static String truncate(String text, boolean moreWasDropped) {
    if (text.length() <= MAX_CHARS && !moreWasDropped) {
      return text;
    }
    if (text.codePointCount(0, text.length()) <= MAX_CHARS) {
      return moreWasDropped ? text + TRUNCATED_SUFFIX : text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX_CHARS)) + TRUNCATED_SUFFIX;
  }
}
