package dev.skulk.diagnostics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {

  @ParameterizedTest
  @CsvSource({
      "2026-11-27T03:13:13.123456+00:00, 2026-11-27T03:13:13.123456Z",
      "2026-11-27T03:13:13+00:00,        2026-11-27T03:13:13Z",
      "2026-11-27T03:13:13.123456Z,      2026-11-27T03:13:13.123456Z",
      "2026-11-27T03:13:13Z,             2026-11-27T03:13:13Z",
      "2026-11-27T03:13:13.5+00:00,      2026-11-27T03:13:13.500Z",
      "2026-11-27T03:13:13.123456789Z,   2026-11-27T03:13:13.123456789Z",
      "2026-11-27T05:13:13.000001+02:00, 2026-11-27T03:13:13.000001Z",
      "2026-11-26T22:13:13-05:00,        2026-11-27T03:13:13Z",
      "2026-11-27 03:13:13.123456+00:00, 2026-11-27T03:13:13.123456Z"})
  void parsesPythonAndIsoTimestamps(String text, String instant) {
    assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(instant));
    assertThat(Timestamps.tryParse(text)).isEqualTo(Instant.parse(instant));
  }

  @ParameterizedTest
  @CsvSource({"2026-11-27T03:13:13", "2026-11-27", "yesterday", "''", "2026-13-27T03:13:13+00:00"})
  void refusesTextThatIsNotAnInstantWithAnOffset(String text) {
    assertThat(Timestamps.tryParse(text)).isNull();
    assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text);
  }

  @Test
  void tryParseOfNullIsNull() {
    assertThat(Timestamps.tryParse(null)).isNull();
  }

  @Test
  void formatsAsPythonIsoformatWithMicroseconds() {
    assertThat(Timestamps.format(Instant.parse("2026-11-27T03:13:13.123456Z")))
        .isEqualTo("2026-11-27T03:13:13.123456+00:00");
    assertThat(Timestamps.format(Instant.parse("2026-11-27T03:13:13.5Z")))
        .isEqualTo("2026-11-27T03:13:13.500000+00:00");
    assertThat(Timestamps.format(Instant.parse("2026-11-27T03:13:13.000001Z")))
        .isEqualTo("2026-11-27T03:13:13.000001+00:00");
  }

  @Test
  void formatsWholeSecondsWithoutAFraction() {
    assertThat(Timestamps.format(Instant.parse("2026-11-27T03:13:13Z"))).isEqualTo("2026-11-27T03:13:13+00:00");
    // below a microsecond is dropped, as Python's datetime cannot hold it
    assertThat(Timestamps.format(Instant.parse("2026-11-27T03:13:13.000000999Z")))
        .isEqualTo("2026-11-27T03:13:13+00:00");
    assertThat(Timestamps.format(Instant.parse("2026-11-27T03:13:13.123456789Z")))
        .isEqualTo("2026-11-27T03:13:13.123456+00:00");
  }

  @Test
  void formatThenParseKeepsTheInstantToTheMicrosecond() {
    long seed = 20261127L;
    SplittableRandom random = new SplittableRandom(seed);
    long min = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 300; i++) {
      // whole seconds, whole microseconds and nanosecond fractions, as each takes its own format path
      int nanos = switch (i % 3) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), nanos);
      String text = Timestamps.format(instant);

      assertThat(text).as("seed %d, case %d: %s", seed, i, instant)
          .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?\\+00:00");
      assertThat(Timestamps.parse(text)).as("seed %d, case %d: %s", seed, i, instant)
          .isEqualTo(instant.truncatedTo(ChronoUnit.MICROS));
    }
  }
}
