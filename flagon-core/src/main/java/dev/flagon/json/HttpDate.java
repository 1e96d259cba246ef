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
