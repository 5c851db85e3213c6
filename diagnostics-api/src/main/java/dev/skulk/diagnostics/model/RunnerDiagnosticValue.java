package dev.skulk.diagnostics.model;

import java.util.List;

/**
 * One value of a flight-recorder entry's {@code attrs}: exactly a string, an integer, a float, a
 * boolean or a list of strings, as Python Skulk's {@code RunnerDiagnosticValue} allows. On the wire
 * each is its plain JSON value; an integer and a float stay distinct ({@code 1} vs {@code 1.0}).
 */
public sealed interface RunnerDiagnosticValue {

  /** A string value. */
  static RunnerDiagnosticValue of(String value) {
    return new Text(value);
  }

  /** An integer value. */
  static RunnerDiagnosticValue of(long value) {
    return new Int(value);
  }

  /** A float value; NaN and infinities, which JSON cannot carry, become their string form. */
  static RunnerDiagnosticValue of(double value) {
    return Double.isFinite(value) ? new Float(value) : new Text(Double.toString(value));
  }

  /** A boolean value. */
  static RunnerDiagnosticValue of(boolean value) {
    return new Bool(value);
  }

  /** A list of strings. */
  static RunnerDiagnosticValue of(List<String> values) {
    return new TextList(values);
  }

  /** The plain Java value: a {@code String}, {@code Long}, {@code Double}, {@code Boolean} or {@code List<String>}. */
  Object asJava();

  /** A string attribute. @param value the string */
  record Text(String value) implements RunnerDiagnosticValue {
    public Text {
      Checks.required(value, "value");
    }

    @Override
    public Object asJava() {
      return value;
    }
  }

  /** An integer attribute. @param value the integer */
  record Int(long value) implements RunnerDiagnosticValue {
    @Override
    public Object asJava() {
      return value;
    }
  }

  /** A finite float attribute. @param value the float */
  record Float(double value) implements RunnerDiagnosticValue {
    public Float {
      Checks.finite(value, "value");
    }

    @Override
    public Object asJava() {
      return value;
    }
  }

  /** A boolean attribute. @param value the boolean */
  record Bool(boolean value) implements RunnerDiagnosticValue {
    @Override
    public Object asJava() {
      return value;
    }
  }

  /** A list-of-strings attribute. @param value the strings, in order */
  record TextList(List<String> value) implements RunnerDiagnosticValue {
    public TextList {
      value = List.copyOf(Checks.required(value, "value"));
    }

    @Override
    public Object asJava() {
      return value;
    }
  }
}
