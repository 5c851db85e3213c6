package dev.skulk.diagnostics.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Timestamps as Python Skulk writes them. The model keeps timestamps as plain strings (a Python
 * peer accepts any string there, and we must read what it sends); this class converts when code
 * needs to compute with time. Never compare timestamp strings: parse them.
 */
public final class Timestamps {

  private static final DateTimeFormatter WHOLE_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+00:00'");
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'");

  private Timestamps() {}

  /**
   * Formats an instant exactly as Python's {@code datetime.now(timezone.utc).isoformat()}: UTC,
   * microseconds (sub-microsecond digits truncated), {@code +00:00}, and no fraction at all when
   * the microseconds are zero. For example {@code 2026-11-27T03:13:13.123456+00:00} or {@code
   * 2026-11-27T03:13:13+00:00}.
   */
  public static String format(Instant instant) {
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
    var utc = micros.atOffset(ZoneOffset.UTC);
    return (utc.getNano() == 0 ? WHOLE_SECONDS : MICROS).format(utc);
  }

  /**
   * Parses an ISO-8601 date-time with an offset or {@code Z} ({@code 2026-11-27T03:13:13+00:00},
   * {@code 2026-11-27T03:13:13.5Z}, any fraction length; a space instead of the {@code T} as Python
   * also accepts).
   *
   * @throws IllegalArgumentException when the text is not such a timestamp
   */
  public static Instant parse(String text) {
    Instant parsed = tryParse(text);
    if (parsed == null) {
      throw new IllegalArgumentException("Not an ISO-8601 timestamp with an offset: '" + text + "'");
    }
    return parsed;
  }

  /** Like {@link #parse(String)} but returns null for text that is not such a timestamp. */
  public static @Nullable Instant tryParse(@Nullable String text) {
    if (text == null || text.length() < 11) {
      return null;
    }
    String normalized = text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    try {
      return OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
