package dev.skulk.diagnostics.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.RunnerDiagnosticValue;
import dev.skulk.diagnostics.model.RunnerDiagnosticValue.Bool;
import dev.skulk.diagnostics.model.RunnerDiagnosticValue.Float;
import dev.skulk.diagnostics.model.RunnerDiagnosticValue.Int;
import dev.skulk.diagnostics.model.RunnerDiagnosticValue.Text;
import dev.skulk.diagnostics.model.RunnerDiagnosticValue.TextList;
import dev.skulk.diagnostics.model.RunnerPhase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DiagnosticAttrsTest {

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of(true, new Bool(true)),
        Arguments.of(Boolean.FALSE, new Bool(false)),
        Arguments.of(7, new Int(7)),
        Arguments.of(-7L, new Int(-7)),
        Arguments.of((short) 7, new Int(7)),
        Arguments.of((byte) -1, new Int(-1)),
        Arguments.of(BigInteger.valueOf(Long.MAX_VALUE), new Int(Long.MAX_VALUE)),
        Arguments.of(BigInteger.valueOf(Long.MIN_VALUE), new Int(Long.MIN_VALUE)),
        Arguments.of(BigInteger.TWO.pow(64), new Text("18446744073709551616")),
        Arguments.of(1.5, new Float(1.5)),
        Arguments.of(0.1f, new Float(0.1)),
        Arguments.of(new BigDecimal("2.25"), new Float(2.25)),
        Arguments.of(Double.NaN, new Text("NaN")),
        Arguments.of(Double.NEGATIVE_INFINITY, new Text("-Infinity")),
        Arguments.of(java.lang.Float.POSITIVE_INFINITY, new Text("Infinity")),
        Arguments.of(new BigDecimal("1E+400"), new Text("1E+400")),
        // Expected texts: Python's str() of the same values, as upstream's normalize_attrs writes them.
        Arguments.of(List.of("a", 1, true), new TextList(List.of("a", "1", "True"))),
        Arguments.of(new LinkedHashSet<>(List.of("x", "y")), new Text("{'x', 'y'}")),
        Arguments.of(new LinkedHashSet<>(), new Text("set()")),
        Arguments.of(Arrays.asList("x", null), new TextList(List.of("x", "None"))),
        Arguments.of(new int[] {1, 2}, new TextList(List.of("1", "2"))),
        Arguments.of(new String[] {"p", null}, new TextList(List.of("p", "None"))),
        Arguments.of(List.of(1.0, 1e-5, 1e16, 0.0001, -0.0, Double.NaN, Double.NEGATIVE_INFINITY),
            new TextList(List.of("1.0", "1e-05", "1e+16", "0.0001", "-0.0", "nan", "-inf"))),
        Arguments.of(List.of(List.of(1, "a"), List.of("it's"), List.of("say \"hi\""), List.of("both '\"")),
            new TextList(List.of("[1, 'a']", "[\"it's\"]", "['say \"hi\"']", "['both \\'\"']"))),
        Arguments.of(List.of(List.of("tab\tnl\n\u0000\u200b\u00e9\ud83d\ude00\\")),
            new TextList(List.of("['tab\\tnl\\n\\x00\\u200b\u00e9\ud83d\ude00\\\\']"))),
        Arguments.of(linked("k", true, "n", null), new Text("{'k': True, 'n': None}")),
        Arguments.of(List.of(linked(1L, 2.5)), new TextList(List.of("{1: 2.5}"))),
        Arguments.of(new Object[0], new TextList(List.of())),
        Arguments.of("text", new Text("text")),
        Arguments.of('c', new Text("c")),
        Arguments.of(RunnerPhase.DECODE_STREAM, new Text("decode_stream")),
        Arguments.of(new StringBuilder("built"), new Text("built")),
        Arguments.of(new Int(3), new Int(3)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("values")
  void normalisesEachKindOfValue(Object given, RunnerDiagnosticValue expected) {
    assertThat(DiagnosticAttrs.toValue(given)).isEqualTo(expected);
    assertThat(DiagnosticAttrs.normalize(Map.of("k", given))).containsExactly(Map.entry("k", expected));
  }

  @Test
  void dropsNullValuesAndKeepsInsertionOrder() {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("zeta", 1);
    attrs.put("gone", null);
    attrs.put("alpha", "a");
    attrs.put("mid", 2.5);

    assertThat(DiagnosticAttrs.normalize(attrs)).containsExactly(
        Map.entry("zeta", new Int(1)), Map.entry("alpha", new Text("a")),
        Map.entry("mid", new Float(2.5)));
  }

  @Test
  void aNullKeyBecomesNoneAsPythonsStrOfIt() {
    Map<String, Object> attrs = new HashMap<>();
    attrs.put(null, 1);
    attrs.put("k", 2);

    assertThat(DiagnosticAttrs.normalize(attrs))
        .containsOnly(Map.entry("None", new Int(1)), Map.entry("k", new Int(2)));
  }

  private static Map<Object, Object> linked(Object... keysAndValues) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void aNullOrEmptyMapIsEmpty() {
    assertThat(DiagnosticAttrs.normalize(null)).isEmpty();
    assertThat(DiagnosticAttrs.normalize(Map.of())).isEmpty();
  }

  @Test
  void aBrokenToStringBecomesAPlaceholder() {
    Object broken = new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("no");
      }
    };

    assertThat(DiagnosticAttrs.toValue(broken)).isInstanceOf(Text.class)
        .extracting(value -> ((Text) value).value()).asString().startsWith("<unprintable ");
    assertThat(DiagnosticAttrs.toValue(List.of(broken))).isInstanceOf(TextList.class);
  }
}
