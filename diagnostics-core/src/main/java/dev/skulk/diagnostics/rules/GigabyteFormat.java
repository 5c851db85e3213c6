package dev.skulk.diagnostics.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Python's {@code f"{x:.1f}"} for the figures our warnings print; package-private helper. */
final class GigabyteFormat {

  private static final double GIB = 1024.0 * 1024.0 * 1024.0;

  private GigabyteFormat() {}

  /**
   * {@code bytes / 2**30} with one decimal, as Python's {@code %.1f} prints it: the exact value of
   * the double, rounded half-to-even (5.25 gives {@code 5.2}; Java's {@code %.1f} would print
   * {@code 5.3}).
   */
  static String gib(long bytes) {
    return oneDecimal(bytes / GIB);
  }

  /** A finite double with one decimal, rounded half-to-even on its exact binary value. */
  static String oneDecimal(double value) {
    String text = new BigDecimal(value).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    // Python keeps the sign of a negative value that rounds to zero ("-0.0").
    return (value < 0 || (value == 0 && 1 / value < 0)) && !text.startsWith("-") ? "-" + text : text;
  }
}
