package dev.skulk.diagnostics.cluster.internal;

import java.math.BigDecimal;

/**
 * Formats a double as Python's {@code repr(float)} (and {@code str}) does, for messages such as
 * {@code Timed out after 8.0s} that must read as Python Skulk writes them. Not the wire format:
 * pydantic writes JSON floats differently ({@code 1e-5}, not {@code 1e-05}); the codec handles that.
 * Not a stable API.
 */
public final class PythonRepr {

  private PythonRepr() {}

  /**
   * {@code 8.0}, {@code 8.5}, {@code 0.25}, {@code 1e-05}, {@code 1e+16}: positional with at least
   * one fraction digit when 1e-4 <= |x| < 1e16, else exponent form as Python writes it.
   */
  public static String repr(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return (1 / value) < 0 ? "-0.0" : "0.0";
    }
    // Double.toString's digits are the (near-)shortest that read back; re-render them as Python.
    BigDecimal digits = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    double abs = Math.abs(value);
    if (abs >= 1e-4 && abs < 1e16) {
      String plain = digits.toPlainString();
      return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
    String unscaled = digits.unscaledValue().abs().toString();
    int exponent = unscaled.length() - 1 - digits.scale();
    String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
    String sign = value < 0 ? "-" : "";
    String expText = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    return sign + mantissa + "e" + expText;
  }
}
