package dev.flagon.json;

import dev.flagon.internal.Python;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Python {@code datetime}s as Flask writes them: Werkzeug's {@code http_date} in UTC ({@link Python#httpDate}),
 * limited to Python's years 1..9999. Reading is in {@link HttpDateParser}.
 */
final class PyDateTime {
  /** Epoch seconds of 0001-01-01T00:00:00Z and of 9999-12-31T23:59:59Z: Python's datetime range. */
  private static final long FIRST_SECOND = LocalDate.of(1, 1, 1).toEpochDay() * 86_400;
  private static final long LAST_SECOND = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400 - 1;

  private PyDateTime() {}

  /** Whether the datetime tag writes this value (the Java forms of a Python {@code datetime}). */
  static boolean isDateTime(Object value) {
    return value instanceof OffsetDateTime || value instanceof Instant || value instanceof ZonedDateTime
        || value instanceof LocalDateTime;
  }

  /** A datetime (naive = UTC, aware = converted to UTC), sub-seconds truncated as Werkzeug does. */
  static void appendDateTime(JsonBuffer out, Object value) {
    long second;
    if (value instanceof OffsetDateTime dateTime) {
      second = dateTime.toEpochSecond();
    } else if (value instanceof ZonedDateTime dateTime) {
      second = dateTime.toEpochSecond();
    } else if (value instanceof LocalDateTime dateTime) {
      second = dateTime.toEpochSecond(ZoneOffset.UTC);
    } else {
      second = ((Instant) value).getEpochSecond();
    }
    append(out, second);
  }

  /** A plain date, as Flask's JSON fallback writes it: midnight UTC. */
  static void appendDate(JsonBuffer out, LocalDate date) {
    append(out, date.toEpochDay() * 86_400);
  }

  private static void append(JsonBuffer out, long second) {
    if (second < FIRST_SECOND || second > LAST_SECOND) {
      // Python's datetime stops at 1..9999; converting to UTC past them raises OverflowError.
      throw new TaggedJsonException("a datetime outside the years 1..9999 (in UTC) has no Python form");
    }
    out.put(Python.httpDate(second));
  }
}
