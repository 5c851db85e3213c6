package dev.skulk.diagnostics.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts are CPython 3.11's {@code repr()} of the same values. */
class PythonStrTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "0.0001, 0.0001",
      "1e-05, 1e-05",
      "1.5e-07, 1.5e-07",
      "1e16, 1e+16",
      "9999999999999998.0, 9999999999999998.0",
      "1234567890123456.8, 1234567890123456.8",
      "1e22, 1e+22",
      "5e-324, 5e-324",
      "1.7976931348623157e308, 1.7976931348623157e+308",
      "0.30000000000000004, 0.30000000000000004",
      "100.0, 100.0",
      "-2.5, -2.5",
      "-0.0, -0.0",
      "NaN, nan",
      "-Infinity, -inf"})
  void floatsAsPythonsRepr(double value, String python) {
    assertThat(PythonStr.str(value)).isEqualTo(python);
  }

  @Test
  void unprintableCharactersAreEscapedAsPythonDoes() {
    // repr('\u0085\u00a0\u2028\ue000\U0010ffff\u0378') in CPython 3.11
    assertThat(PythonStr.repr("\u0085\u00a0\u2028\ue000\udbff\udfff\u0378"))
        .isEqualTo("'\\x85\\xa0\\u2028\\ue000\\U0010ffff\\u0378'");
  }

  @Test
  void containersShowTheirElementsRepr() {
    Map<Object, Object> dict = new LinkedHashMap<>();
    dict.put(1, java.util.Arrays.asList(null, true));
    assertThat(PythonStr.str(dict)).isEqualTo("{1: [None, True]}");
    assertThat(PythonStr.str(new LinkedHashSet<>())).isEqualTo("set()");
    assertThat(PythonStr.str(List.of("a"))).isEqualTo("['a']");
    assertThat(PythonStr.str("a")).isEqualTo("a");
  }
}
