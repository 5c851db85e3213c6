package dev.skulk.diagnostics.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/** Validation and formatting of the extended rules' thresholds; package-private helper. */
final class Thresholds {

  private Thresholds() {}

  static Duration positive(Duration threshold, String name) {
    Objects.requireNonNull(threshold, name);
    if (threshold.isNegative() || threshold.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + threshold);
    }
    return threshold;
  }

  static double ratio(double ratio, String name) {
    if (!(ratio > 0 && ratio < 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1 (exclusive), was " + ratio);
    }
    return ratio;
  }

  static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  /** {@code 60} for a whole number of seconds, else one decimal ({@code 2.5}). */
  static String secondsText(Duration duration) {
    BigDecimal seconds = BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros();
    return seconds.scale() <= 0 ? seconds.toBigInteger().toString() : GigabyteFormat.oneDecimal(seconds(duration));
  }

  /** A ratio as a percentage without trailing zeros: 0.1 gives {@code 10}, 0.125 gives {@code 12.5}. */
  static String percentText(double ratio) {
    return new BigDecimal(Double.toString(ratio)).movePointRight(2).stripTrailingZeros().toPlainString();
  }
}
