package dev.skulk.diagnostics.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Formats doubles exactly as pydantic's {@code model_dump_json} writes Python floats, so that a
 * bundle Java writes is byte-identical to the one a Python peer would write.
 *
 * <p>The digits are the shortest that read back to the same double (the closest such when several
 * have that length). They are written positionally, with at least one fraction digit, when the
 * decimal exponent is in [-5, 15] ({@code 40.0}, {@code 0.00001}, {@code 1000000000000000.0}), and
 * in exponent form otherwise, with a lower-case {@code e}, a sign on positive exponents, no zero
 * padding and no {@code .0} on a whole mantissa ({@code 1e-7}, {@code 9.99e-6}, {@code 1e+16}).
 *
 * <p>{@link Double#toString(double)} cannot be used as it is: besides its {@code 1.0E-7} style, on
 * JDK 17 it sometimes gives more digits than needed or not the closest ones, and from JDK 19 on it
 * prefers two digits to one ({@code 4.9E-324} where Python writes {@code 5e-324}). From JDK 19 on
 * its digits are taken as they are when there are more than two (then they are the shortest and
 * closest, as pydantic's), and two-digit results are checked for a one-digit decimal that reads
 * back. On older JDKs the digits come from exact decimal arithmetic, with {@code Double.toString}
 * only as an upper bound on their count.
 *
 * <p>The same digits also give Python's own {@code repr(float)} text ({@link #pythonRepr}), which
 * messages use where they must read as Python Skulk writes them ({@code Timed out after 8.0s}): it
 * differs from pydantic's JSON only in where it switches to exponent form and in padding the
 * exponent to two digits ({@code 1e-05}, {@code 2.5e-07}). This class is the SDK's one kernel for
 * Python float text.
 *
 * <p>Stateless and thread-safe. A call costs about as much as {@code Double.toString} on JDK 19 and
 * later, and a few exact {@link BigDecimal} roundings (a few microseconds) on JDK 17 and 18; see
 * the benchmarks module for figures.
 */
public final class PythonFloats {

  /** More significant digits than any double ever needs to round-trip. */
  private static final int MAX_DIGITS = 17;

  /** Whether {@link Double#toString(double)} gives the shortest digits (JDK-4511638, fixed in 19). */
  private static final boolean JDK_DIGITS_ARE_SHORTEST = Runtime.version().feature() >= 19;

  private PythonFloats() {}

  /**
   * The text pydantic writes for {@code value}.
   *
   * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot carry
   */
  static String repr(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON has no representation for " + value);
    }
    return format(value, -5, false);
  }

  /**
   * The text Python's {@code repr(value)} (and {@code str(value)}) gives: shortest round-tripping
   * digits, positional with at least one fraction digit when the decimal exponent is in [-4, 15]
   * ({@code 8.0}, {@code 0.0001}), else exponent form with a sign and at least two exponent digits
   * ({@code 1e-05}, {@code 2.5e-07}, {@code 1e+16}); {@code nan}, {@code inf}, {@code -inf}.
   *
   * @param value any double
   * @return Python's text for it
   */
  public static String pythonRepr(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    return format(value, -4, true);
  }

  /** Finite {@code value}, positional from {@code minPositionalExponent} up to 1e16. */
  private static String format(double value, int minPositionalExponent, boolean padExponent) {
    if (value == 0.0) {
      return Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0";
    }
    StringBuilder out = new StringBuilder(24);
    if (value < 0) {
      out.append('-');
    }
    double magnitude = Math.abs(value);
    BigDecimal shortest = JDK_DIGITS_ARE_SHORTEST ? jdkShortest(magnitude) : shortestDecimal(magnitude);
    shortest = shortest.stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    if (exponent >= minPositionalExponent && exponent < 16) {
      appendPositional(out, digits, exponent);
    } else {
      appendScientific(out, digits, exponent, padExponent);
    }
    return out.toString();
  }

  /**
   * The shortest decimal that reads back as {@code magnitude}, from JDK 19's {@link
   * Double#toString(double)}: its digits are shortest except that it prefers two digits to one,
   * so a two-digit result is checked for a one-digit decimal that also reads back.
   */
  static BigDecimal jdkShortest(double magnitude) {
    BigDecimal jdk = new BigDecimal(Double.toString(magnitude)).stripTrailingZeros();
    if (jdk.precision() != 2) {
      return jdk;
    }
    BigDecimal best = null;
    for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
      BigDecimal oneDigit = jdk.round(new MathContext(1, mode));
      if (oneDigit.signum() > 0 && oneDigit.doubleValue() == magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        if (best == null || oneDigit.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
          best = oneDigit;
        }
      }
    }
    return best != null ? best : jdk;
  }

  /** The shortest decimal that reads back as {@code magnitude} (positive and finite). */
  static BigDecimal shortestDecimal(double magnitude) {
    BigDecimal exact = new BigDecimal(magnitude);
    int precision = Math.min(significantDigits(Double.toString(magnitude)), MAX_DIGITS);
    BigDecimal best = closestRoundTripping(exact, magnitude, precision);
    while (best == null) { // never expected: Double.toString always round-trips
      precision++;
      best = closestRoundTripping(exact, magnitude, precision);
    }
    // If no decimal of p digits reads back, none of fewer digits does either (append zeros),
    // so the first failure going down ends the search.
    for (int p = precision - 1; p >= 1; p--) {
      BigDecimal candidate = closestRoundTripping(exact, magnitude, p);
      if (candidate == null) {
        break;
      }
      best = candidate;
    }
    return best;
  }

  /**
   * The decimal of at most {@code precision} significant digits closest to {@code exact} that
   * reads back as {@code value}, or null when there is none. The correctly rounded one is the
   * closest; where it misses, a neighbour one unit away can still hit, since at a power of two
   * the interval that reads back is twice as wide above the value as below it.
   */
  private static @Nullable BigDecimal closestRoundTripping(BigDecimal exact, double value, int precision) {
    BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
    if (rounded.doubleValue() == value) {
      return rounded;
    }
    BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-rounded.scale());
    BigDecimal above = rounded.add(unit);
    BigDecimal below = rounded.subtract(unit);
    boolean aboveHits = above.doubleValue() == value;
    boolean belowHits = below.signum() > 0 && below.doubleValue() == value;
    if (aboveHits && belowHits) {
      return above.subtract(exact).abs().compareTo(exact.subtract(below).abs()) <= 0 ? above : below;
    }
    return aboveHits ? above : belowHits ? below : null;
  }

  /** Significant digits in a {@link Double#toString(double)} result such as {@code 1.25E-7}. */
  private static int significantDigits(String javaText) {
    int end = javaText.indexOf('E');
    String mantissa = end < 0 ? javaText : javaText.substring(0, end);
    String digits = mantissa.replace("-", "").replace(".", "");
    int first = 0;
    while (first < digits.length() - 1 && digits.charAt(first) == '0') {
      first++;
    }
    int last = digits.length();
    while (last > first + 1 && digits.charAt(last - 1) == '0') {
      last--;
    }
    return last - first;
  }

  private static void appendPositional(StringBuilder out, String digits, int exponent) {
    if (exponent < 0) {
      out.append("0.");
      out.append("0".repeat(-exponent - 1));
      out.append(digits);
      return;
    }
    int integerDigits = exponent + 1;
    if (digits.length() <= integerDigits) {
      out.append(digits).append("0".repeat(integerDigits - digits.length())).append(".0");
    } else {
      out.append(digits, 0, integerDigits).append('.').append(digits, integerDigits, digits.length());
    }
  }

  private static void appendScientific(StringBuilder out, String digits, int exponent, boolean padExponent) {
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e').append(exponent < 0 ? '-' : '+');
    if (padExponent && Math.abs(exponent) < 10) {
      out.append('0');
    }
    out.append(Math.abs(exponent));
  }
}
