package dev.skulk.diagnostics.cli.triage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How reports print numbers: as the warnings of the core rules do (Python's {@code %.1f}). */
final class Numbers {

  private static final double GIB = 1024.0 * 1024.0 * 1024.0;

  private Numbers() {}

  /** One decimal, half-to-even on the double's exact value, as Python's {@code %.1f}. */
  static String oneDecimal(double value) {
    return new BigDecimal(value).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** Bytes as GiB with one decimal ({@code 5.2}), the unit every Skulk warning uses. */
  static String gib(long bytes) {
    return oneDecimal(bytes / GIB);
  }

  /** A signed GiB delta: {@code +1.5}, {@code -0.2}, {@code 0.0}. */
  static String signedGib(long bytes) {
    String text = gib(Math.abs(bytes));
    return bytes > 0 && !"0.0".equals(text) ? "+" + text : bytes < 0 && !"0.0".equals(text) ? "-" + text : text;
  }

  /** A ratio as a percentage with one decimal ({@code 4.7}). */
  static String percent(double ratio) {
    return oneDecimal(ratio * 100);
  }
}
