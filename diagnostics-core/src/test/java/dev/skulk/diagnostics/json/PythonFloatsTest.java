package dev.skulk.diagnostics.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatsTest {

  @Test
  void matchesPydanticForEveryRowOfTheFixture() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int rows = 0;
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("pydantic-floats.tsv"));
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        rows++;
        String[] cells = line.split("\t");
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(cells[0], 16));
        String actual = PythonFloats.repr(value);
        if (!actual.equals(cells[1])) {
          mismatches.add(cells[0] + ": pydantic " + cells[1] + ", Java " + actual);
        }
      }
    }
    assertThat(rows).isGreaterThan(1900);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void pythonReprMatchesCPythonForEveryRowOfItsFixture() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int rows = 0;
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("python-repr.tsv"));
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        rows++;
        String[] cells = line.split("\t");
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(cells[0], 16));
        String actual = PythonFloats.pythonRepr(value);
        if (!actual.equals(cells[1])) {
          mismatches.add(cells[0] + ": Python " + cells[1] + ", Java " + actual);
        }
      }
    }
    assertThat(rows).isGreaterThan(1900);
    assertThat(mismatches).isEmpty();
  }

  /** What Python 3 prints for repr(x) of these values (the cluster's message seconds among them). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "8.0|8.0", "8.5|8.5", "0.25|0.25", "1.0E-4|0.0001", "1.0E-5|1e-05", "123456789.0|123456789.0",
      "1.0E16|1e+16", "2.5E-7|2.5e-07", "-0.0|-0.0", "-3.0|-3.0", "1.7976931348623157E308|1.7976931348623157e+308",
      "4.9E-324|5e-324", "2.0E23|2e+23", "NaN|nan", "Infinity|inf", "-Infinity|-inf"})
  void pythonReprWritesTheDocumentedExamples(double value, String expected) {
    assertThat(PythonFloats.pythonRepr(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "40.0|40.0", "0.000015|0.000015", "0.00001|0.00001", "123456789.0|123456789.0",
      "1.0E15|1000000000000000.0", "-0.0|-0.0", "0.0|0.0", "1.0E-7|1e-7", "9.99E-6|9.99e-6",
      "1.0E16|1e+16", "2.0E23|2e+23", "1.7976931348623157E308|1.7976931348623157e+308",
      "4.9E-324|5e-324", "1.2345678901234568E16|1.2345678901234568e+16",
      "0.30000000000000004|0.30000000000000004", "-2.5|-2.5", "1.0E-4|0.0001"})
  void writesTheDocumentedExamples(double value, String expected) {
    assertThat(PythonFloats.repr(value)).isEqualTo(expected);
  }

  @Test
  void refusesWhatJsonCannotCarry() {
    assertThatThrownBy(() -> PythonFloats.repr(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PythonFloats.repr(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PythonFloats.repr(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsBackToTheSameDoubleAndNoShorterDigitsWould() {
    long seed = 20261127L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 3000; i++) {
      double value = finiteDouble(random);
      checkReadsBackShortest(value, "seed " + seed + ", case " + i + ": " + value);
    }
  }

  private static void checkReadsBackShortest(double value, String where) {
    String text = PythonFloats.repr(value);

    assertThat(Double.doubleToRawLongBits(Double.parseDouble(text)))
        .as("%s: %s reads back", where, text)
        .isEqualTo(Double.doubleToRawLongBits(value));
    if (value != 0.0) {
      BigDecimal written = new BigDecimal(text).stripTrailingZeros();
      int digits = written.precision();
      assertThat(digits).as("%s: digits of %s", where, text).isLessThanOrEqualTo(17);
      if (digits > 1) {
        assertThat(anyDecimalReadsBack(value, digits - 1))
            .as("%s: a decimal of %d digits reads back as %s", where, digits - 1, text)
            .isFalse();
      }
    }
  }

  @Test
  void choosesPositionalFormExactlyBetweenTheBoundaries() {
    long seed = 20261128L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 500; i++) {
      double value = finiteDouble(random);
      String text = PythonFloats.repr(value);
      String where = "seed " + seed + ", case " + i + ": " + value + " written " + text;
      double magnitude = Math.abs(Double.parseDouble(text));
      boolean positional = !text.contains("e");
      assertThat(positional).as(where).isEqualTo(magnitude == 0.0 || (magnitude >= 1e-5 && magnitude < 1e16));
      if (positional) {
        assertThat(text).as(where).matches("-?\\d+\\.\\d+");
      } else {
        assertThat(text).as(where).matches("-?[1-9](\\.\\d*[1-9])?e[-+][1-9]\\d*");
      }
    }
  }

  private static final double[] BOUNDARIES = {1e-5, 1e16, 1e-4, 1e15, 5e-324, Double.MAX_VALUE};

  /** Any finite double: any bit pattern, telemetry-like values, values a few ulps from a form boundary. */
  private static double finiteDouble(SplittableRandom random) {
    while (true) {
      double value = switch (random.nextInt(4)) {
        case 0 -> Double.longBitsToDouble(random.nextLong());
        case 1 -> Math.round(random.nextDouble(-1e6, 1e6) * 1e6) / 1e6;
        case 2 -> step(BOUNDARIES[random.nextInt(BOUNDARIES.length)], random.nextInt(-3, 4));
        default -> random.nextBoolean() ? random.nextDouble() : -random.nextDouble() * Math.pow(10, random.nextInt(-20, 20));
      };
      if (Double.isFinite(value)) {
        return value;
      }
    }
  }

  private static double step(double base, int steps) {
    double value = base;
    for (int i = 0; i < Math.abs(steps); i++) {
      value = steps > 0 ? Math.nextUp(value) : Math.nextDown(value);
    }
    return value;
  }

  /** Whether some decimal of {@code digits} significant digits parses to {@code value}. */
  private static boolean anyDecimalReadsBack(double value, int digits) {
    BigDecimal exact = new BigDecimal(value);
    BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
    BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-rounded.scale());
    for (BigDecimal candidate : List.of(rounded, rounded.add(unit), rounded.subtract(unit))) {
      if (candidate.doubleValue() == value) {
        return true;
      }
    }
    return false;
  }

  @Test
  void onJdk19AndLaterTheFastPathGivesTheExactShortestDigits() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 19,
        "Double.toString gives shortest digits from JDK 19 on; older JDKs use the exact path only");
    java.util.SplittableRandom random = new java.util.SplittableRandom(20261127L);
    for (int i = 0; i < 200_000; i++) {
      double value = i % 2 == 0
          ? Double.longBitsToDouble(random.nextLong() & 0x7fffffffffffffffL)
          : Math.round(random.nextDouble() * 1e6) / Math.pow(10, random.nextInt(1, 8));
      if (!Double.isFinite(value) || value == 0) {
        continue;
      }
      assertThat(PythonFloats.jdkShortest(value).compareTo(PythonFloats.shortestDecimal(value)))
          .as("digits of %s", value).isZero();
    }
    for (double twoDigitsOnTheJdk : new double[] {Double.MIN_VALUE, 2 * Double.MIN_VALUE, 0.25, 1.5e300, 9.9e-6}) {
      assertThat(PythonFloats.jdkShortest(twoDigitsOnTheJdk).compareTo(PythonFloats.shortestDecimal(twoDigitsOnTheJdk)))
          .as("digits of %s", twoDigitsOnTheJdk).isZero();
    }
  }
}
