package dev.skulk.diagnostics.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonReprTest {

  @Test
  void formatsAsPythonRepr() {
    assertThat(PythonRepr.repr(8.0)).isEqualTo("8.0");
    assertThat(PythonRepr.repr(8.5)).isEqualTo("8.5");
    assertThat(PythonRepr.repr(0.25)).isEqualTo("0.25");
    assertThat(PythonRepr.repr(0.0001)).isEqualTo("0.0001");
    assertThat(PythonRepr.repr(0.00001)).isEqualTo("1e-05");
    assertThat(PythonRepr.repr(123456789.0)).isEqualTo("123456789.0");
    assertThat(PythonRepr.repr(1e16)).isEqualTo("1e+16");
    assertThat(PythonRepr.repr(2.5e-7)).isEqualTo("2.5e-07");
    assertThat(PythonRepr.repr(-0.0)).isEqualTo("-0.0");
    assertThat(PythonRepr.repr(-3.0)).isEqualTo("-3.0");
    assertThat(PythonRepr.repr(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
  }
}
