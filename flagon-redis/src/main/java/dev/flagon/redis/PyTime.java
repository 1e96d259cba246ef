package dev.flagon.redis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Java's date-time values as Python's {@code datetime} holds them (microseconds, years 1 to 9999) and as
 * msgspec writes them as text: {@code 2024-01-02T03:04:05[.ffffff][Z|+hh:mm]}, {@code 2024-01-02},
 * {@code 03:04:05[.ffffff]}.
 */
final class PyTime {
  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z, Python's datetime.min and max in UTC. */
  static final long MIN_EPOCH_SECOND = -62_135_596_800L;
  static final long MAX_EPOCH_SECOND = 253_402_300_799L;

  private PyTime() {}

  /** An aware value (Instant, OffsetDateTime, ZonedDateTime) as an OffsetDateTime in microseconds. */
  static OffsetDateTime aware(Object value, String path) {
    OffsetDateTime time = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC)
        : value instanceof ZonedDateTime zoned ? zoned.toOffsetDateTime()
        : (OffsetDateTime) value;
    time = time.truncatedTo(ChronoUnit.MICROS); // Python's datetime has microseconds
    long epochSecond = time.toEpochSecond();
    checkYear(time.getYear(), path);
    if (epochSecond < MIN_EPOCH_SECOND || epochSecond > MAX_EPOCH_SECOND) {
      throw outOfRange(path);
    }
    return time;
  }

  /** msgspec's RFC 3339 text of an aware datetime: offsets in whole minutes, a zero one as {@code Z}. */
  static String rfc3339(OffsetDateTime time) {
    StringBuilder out = new StringBuilder(32);
    appendDate(out, time.toLocalDate());
    out.append('T');
    appendTime(out, time.toLocalTime());
    int seconds = Math.abs(time.getOffset().getTotalSeconds());
    int minutes = seconds / 60 + (seconds % 60 > 30 ? 1 : 0); // msgspec rounds to the nearest minute
    if (minutes == 0) {
      return out.append('Z').toString();
    }
    out.append(time.getOffset().getTotalSeconds() < 0 ? '-' : '+');
    pad(out, minutes / 60, 2).append(':');
    return pad(out, minutes % 60, 2).toString();
  }

  /** A naive datetime as msgspec writes it (a string, in both formats). */
  static String naive(LocalDateTime value, String path) {
    LocalDateTime time = value.truncatedTo(ChronoUnit.MICROS);
    checkYear(time.getYear(), path);
    StringBuilder out = new StringBuilder(26);
    appendDate(out, time.toLocalDate());
    appendTime(out.append('T'), time.toLocalTime());
    return out.toString();
  }

  /** A date as msgspec writes it. */
  static String date(LocalDate value, String path) {
    checkYear(value.getYear(), path);
    StringBuilder out = new StringBuilder(10);
    appendDate(out, value);
    return out.toString();
  }

  /** A naive time as msgspec writes it. */
  static String time(LocalTime value) {
    StringBuilder out = new StringBuilder(15);
    appendTime(out, value.truncatedTo(ChronoUnit.MICROS));
    return out.toString();
  }

  /** The value of a msgpack timestamp as Python gets it: nanoseconds rounded half up to microseconds. */
  static OffsetDateTime fromTimestamp(long epochSecond, long nanos, String path) {
    long micros = (nanos + 500) / 1000;
    long seconds = epochSecond + micros / 1_000_000; // 999999500 ns and up round into the next second
    if (seconds < MIN_EPOCH_SECOND || seconds > MAX_EPOCH_SECOND) {
      throw new SessionDataException(path + " is outside Python's years 1 to 9999");
    }
    return Instant.ofEpochSecond(seconds, micros % 1_000_000 * 1000).atOffset(ZoneOffset.UTC);
  }

  private static void checkYear(int year, String path) {
    if (year < 1 || year > 9999) {
      throw outOfRange(path);
    }
  }

  private static SessionDataException outOfRange(String path) {
    return new SessionDataException("the date-time at " + path + " is outside Python's years 1 to 9999");
  }

  private static void appendDate(StringBuilder out, LocalDate date) {
    pad(out, date.getYear(), 4).append('-');
    pad(out, date.getMonthValue(), 2).append('-');
    pad(out, date.getDayOfMonth(), 2);
  }

  private static void appendTime(StringBuilder out, LocalTime time) {
    pad(out, time.getHour(), 2).append(':');
    pad(out, time.getMinute(), 2).append(':');
    pad(out, time.getSecond(), 2);
    int micros = time.getNano() / 1000;
    if (micros != 0) {
      pad(out.append('.'), micros, 6);
    }
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }
}
