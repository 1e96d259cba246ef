package dev.flagon.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Werkzeug's {@code http_date}: {@code Www, DD Mon YYYY HH:MM:SS GMT} in UTC, sub-seconds truncated.
 * Reading is in {@link HttpDateParser}.
 */
final class HttpDate {
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private HttpDate() {}

  /** Whether the datetime tag writes this value (the Java forms of a Python {@code datetime}). */
  static boolean isDateTime(Object value) {
    return value instanceof OffsetDateTime || value instanceof Instant || value instanceof ZonedDateTime
        || value instanceof LocalDateTime;
  }

  /** A datetime (naive = UTC, aware = converted to UTC). */
  static void appendDateTime(StringBuilder out, Object value) {
    Instant instant;
    if (value instanceof OffsetDateTime dateTime) {
      instant = dateTime.toInstant();
    } else if (value instanceof ZonedDateTime dateTime) {
      instant = dateTime.toInstant();
    } else if (value instanceof LocalDateTime dateTime) {
      instant = dateTime.toInstant(ZoneOffset.UTC);
    } else {
      instant = (Instant) value;
    }
    append(out, instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
  }

  /** Epoch seconds of 0001-01-01T00:00:00Z and of 9999-12-31T23:59:59Z: Python's datetime range. */
  private static final long FIRST_SECOND = LocalDate.of(1, 1, 1).toEpochDay() * 86_400;
  private static final long LAST_SECOND = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400 - 1;

  /**
   * {@link #appendDateTime(StringBuilder, Object)} straight into the writer's buffer, from the epoch
   * second: no UTC {@code OffsetDateTime} (whose offset makes new {@code ZoneRules} each time) and no
   * StringBuilder. Values outside the years 1..9999 go the general way, which refuses them as before.
   */
  static void appendDateTime(JsonBuffer out, Object value) {
    long second = epochSecond(value);
    if (second < FIRST_SECOND || second > LAST_SECOND) {
      StringBuilder text = new StringBuilder(32);
      appendDateTime(text, value); // throws
      out.put(text);
      return;
    }
    long day = Math.floorDiv(second, 86_400);
    int secondOfDay = (int) (second - day * 86_400);
    LocalDate date = LocalDate.ofEpochDay(day);
    out.put(DAYS[(int) Math.floorMod(day + 3, 7)]).put(',').put(' '); // 1970-01-01 was a Thursday
    twoDigits(out, date.getDayOfMonth());
    out.put(' ').put(MONTHS[date.getMonthValue() - 1]).put(' ');
    int year = date.getYear();
    twoDigits(out, year / 100);
    twoDigits(out, year % 100);
    out.put(' ');
    twoDigits(out, secondOfDay / 3600);
    out.put(':');
    twoDigits(out, secondOfDay / 60 % 60);
    out.put(':');
    twoDigits(out, secondOfDay % 60);
    out.put(" GMT");
  }

  /** The epoch second a datetime names (floored, so sub-seconds are truncated as Werkzeug does). */
  private static long epochSecond(Object value) {
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.toEpochSecond();
    }
    if (value instanceof ZonedDateTime dateTime) {
      return dateTime.toEpochSecond();
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.toEpochSecond(ZoneOffset.UTC);
    }
    return ((Instant) value).getEpochSecond();
  }

  private static void twoDigits(JsonBuffer out, int value) {
    out.put((char) ('0' + value / 10)).put((char) ('0' + value % 10));
  }

  /** A plain date, as Flask's JSON fallback writes it: midnight UTC. */
  static void appendDate(StringBuilder out, LocalDate date) {
    append(out, date.atStartOfDay());
  }

  private static void append(StringBuilder out, LocalDateTime utc) {
    int year = utc.getYear();
    if (year < 1 || year > 9999) {
      // Python's datetime stops at 1..9999; converting to UTC past them raises OverflowError.
      throw new TaggedJsonException("a datetime outside the years 1..9999 (in UTC) has no Python form");
    }
    out.append(DAYS[utc.getDayOfWeek().getValue() - 1]).append(", ");
    twoDigits(out, utc.getDayOfMonth());
    out.append(' ').append(MONTHS[utc.getMonthValue() - 1]).append(' ');
    if (year < 1000) {
      out.append(year < 10 ? "000" : year < 100 ? "00" : "0");
    }
    out.append(year).append(' ');
    twoDigits(out, utc.getHour());
    out.append(':');
    twoDigits(out, utc.getMinute());
    out.append(':');
    twoDigits(out, utc.getSecond());
    out.append(" GMT");
  }

  private static void twoDigits(StringBuilder out, int value) {
    if (value < 10) {
      out.append('0');
    }
    out.append(value);
  }
}
