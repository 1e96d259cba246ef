package dev.flagon.json;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Werkzeug's {@code parse_date}: Python's lenient RFC 2822 parser ({@code email._parseaddr._parsedate_tz}
 * and {@code parsedate_to_datetime}), ported step by step so that crafted strings give what Flask gives.
 * Unparseable → null; where Python raises {@code OverflowError} (which Werkzeug does not catch) →
 * {@link TaggedJsonException}.
 */
final class HttpDateParser {
  private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final List<String> MONTH_NAMES = List.of(
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december");
  /** Values are Python's {@code +HHMM} integers, not seconds. */
  private static final Map<String, Integer> ZONES = Map.ofEntries(
      Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
      Map.entry("AST", -400), Map.entry("ADT", -300), Map.entry("EST", -500), Map.entry("EDT", -400),
      Map.entry("CST", -600), Map.entry("CDT", -500), Map.entry("MST", -700), Map.entry("MDT", -600),
      Map.entry("PST", -800), Map.entry("PDT", -700));
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);
  private static final BigInteger SECONDS_PER_DAY = BigInteger.valueOf(86400);
  private static final BigInteger MAX_TIMEDELTA_DAYS = BigInteger.valueOf(999_999_999L);
  /** java.time offsets stop at ±18:00; Python allows up to (not including) ±24:00. */
  private static final int MAX_JAVA_OFFSET_SECONDS = 18 * 3600;

  private HttpDateParser() {}

  static OffsetDateTime parse(String text) {
    OffsetDateTime canonical = parseCanonical(text);
    return canonical != null ? canonical : parseLenient(text);
  }

  private static final List<String> CANONICAL_MONTHS =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

  /**
   * The shape Flask writes ({@code Wed, 26 Nov 2025 12:34:56 GMT}, Werkzeug's {@code http_date}) read
   * directly, since every datetime in a session cookie made by Flask has it; null for anything else (also
   * for a valid date of another shape, or an impossible one), which then goes the lenient way and gets
   * the same result that way would give, as {@code HttpDateParserTest} checks.
   */
  static OffsetDateTime parseCanonical(String text) {
    if (text.length() != 29 || text.charAt(3) != ',' || text.charAt(4) != ' ' || text.charAt(7) != ' '
        || text.charAt(11) != ' ' || text.charAt(16) != ' ' || text.charAt(19) != ':'
        || text.charAt(22) != ':' || text.charAt(25) != ' ' || !text.startsWith("GMT", 26)
        || !isAsciiLetter(text.charAt(0)) || !isAsciiLetter(text.charAt(1)) || !isAsciiLetter(text.charAt(2))) {
      return null;
    }
    int month = CANONICAL_MONTHS.indexOf(text.substring(8, 11)) + 1;
    int day = digits(text, 5, 2);
    int year = digits(text, 12, 4);
    int hour = digits(text, 17, 2);
    int minute = digits(text, 20, 2);
    int second = digits(text, 23, 2);
    if (month == 0 || day < 1 || year < 100 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
      return null; // years below 100 are two-digit years to Python: the lenient way handles them
    }
    return OffsetDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.UTC);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** The ASCII decimal number in {@code text[from, from + n)}, or -1 if a char is not an ASCII digit. */
  private static int digits(String text, int from, int n) {
    int value = 0;
    for (int i = from; i < from + n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * Python's {@code _parsedate_tz}. Of {@code data = text.split()} it only reads the first five words and
   * whether there are three, four, or five and more after dropping the first one, so six words tell all;
   * likewise a split on '-' or ':' only ever needs to tell up to three parts from more.
   */
  static OffsetDateTime parseLenient(String text) {
    List<String> data = PyText.splitOnWhitespace(text, 6);
    if (data.isEmpty()) {
      return null;
    }
    String first = data.get(0);
    if (first.endsWith(",") || DAY_NAMES.contains(PyText.lower(first))) {
      data.remove(0);
    } else if (first.lastIndexOf(',') >= 0) {
      data.set(0, first.substring(first.lastIndexOf(',') + 1));
    }
    if (data.size() == 3) { // RFC 850: 15-Jan-24 12:00:00 GMT
      List<String> dayMonthYear = PyText.splitOn(data.get(0), '-', 4);
      if (dayMonthYear.size() == 3) {
        List<String> joined = new ArrayList<>(dayMonthYear);
        joined.addAll(data.subList(1, 3));
        data = joined;
      }
    }
    if (data.size() == 4) { // the zone may be glued to the time: 12:00:00+0100
      String last = data.get(3);
      int sign = last.indexOf('+') >= 0 ? last.indexOf('+') : last.indexOf('-');
      if (sign > 0) {
        data.set(3, last.substring(0, sign));
        data.add(last.substring(sign));
      } else {
        data.add("");
      }
    }
    if (data.size() < 5) {
      return null;
    }
    String day = data.get(0);
    String month = data.get(1);
    String year = data.get(2);
    String time = data.get(3);
    String zone = data.get(4);
    if (day.isEmpty() || month.isEmpty() || year.isEmpty()) {
      return null;
    }
    month = PyText.lower(month);
    int monthIndex = MONTH_NAMES.indexOf(month);
    if (monthIndex < 0) {
      String swapped = day;
      day = month;
      month = PyText.lower(swapped);
      monthIndex = MONTH_NAMES.indexOf(month);
      if (monthIndex < 0) {
        return null;
      }
    }
    int monthNumber = monthIndex % 12 + 1;
    day = withoutTrailingComma(day);
    if (year.indexOf(':') > 0) {
      String swapped = year;
      year = time;
      time = swapped;
    }
    if (year.endsWith(",")) {
      year = withoutTrailingComma(year);
      if (year.isEmpty()) {
        return null;
      }
    }
    if (!PyText.isDigit(year.codePointAt(0))) {
      String swapped = year;
      year = zone;
      zone = swapped;
    }
    time = withoutTrailingComma(time);
    String[] hms = splitTime(time);
    if (hms == null) {
      return null;
    }
    BigInteger[] numbers = new BigInteger[5];
    String[] texts = {year, day, hms[0], hms[1], hms[2]};
    for (int i = 0; i < texts.length; i++) {
      numbers[i] = PyText.parseInt(texts[i]);
      if (numbers[i] == null) {
        return null;
      }
    }
    BigInteger y = numbers[0];
    if (y.compareTo(HUNDRED) < 0) { // two-digit years, POSIX style
      y = y.add(BigInteger.valueOf(y.compareTo(BigInteger.valueOf(68)) > 0 ? 1900 : 2000));
    }
    BigInteger offsetSeconds = offsetSeconds(PyText.upper(zone));
    return toDateTime(y, monthNumber, numbers[1], numbers[2], numbers[3], numbers[4], offsetSeconds);
  }

  private static String withoutTrailingComma(String text) {
    return text.endsWith(",") ? text.substring(0, text.length() - 1) : text;
  }

  /** {@code HH:MM[:SS]} or, from non-compliant mailers, {@code HH.MM[.SS]}; null if neither. */
  private static String[] splitTime(String time) {
    List<String> parts = PyText.splitOn(time, ':', 4);
    if (parts.size() == 1 && time.indexOf('.') >= 0) {
      parts = PyText.splitOn(time, '.', 4);
    }
    if (parts.size() == 2) {
      return new String[] {parts.get(0), parts.get(1), "0"};
    }
    if (parts.size() == 3) {
      return new String[] {parts.get(0), parts.get(1), parts.get(2)};
    }
    return null;
  }

  /** The zone's offset in seconds, or null for none (naive), which includes {@code -0000}. */
  private static BigInteger offsetSeconds(String zone) {
    BigInteger hhmm;
    Integer named = ZONES.get(zone);
    if (named != null) {
      hhmm = BigInteger.valueOf(named);
    } else {
      hhmm = PyText.parseInt(zone);
      if (hhmm != null && hhmm.signum() == 0 && zone.startsWith("-")) {
        return null;
      }
    }
    if (hhmm == null || hhmm.signum() == 0) {
      return hhmm;
    }
    BigInteger[] hoursAndMinutes = hhmm.abs().divideAndRemainder(HUNDRED);
    BigInteger seconds = hoursAndMinutes[0].multiply(BigInteger.valueOf(3600))
        .add(hoursAndMinutes[1].multiply(BigInteger.valueOf(60)));
    return hhmm.signum() < 0 ? seconds.negate() : seconds;
  }

  /** {@code datetime(...)} with {@code timezone(timedelta(seconds=...))}, evaluated in Python's order. */
  private static OffsetDateTime toDateTime(
      BigInteger year, int month, BigInteger day, BigInteger hour, BigInteger minute, BigInteger second,
      BigInteger offsetSeconds) {
    if (offsetSeconds != null) {
      BigInteger[] daysAndRest = offsetSeconds.divideAndRemainder(SECONDS_PER_DAY);
      BigInteger floorDays =
          daysAndRest[1].signum() < 0 ? daysAndRest[0].subtract(BigInteger.ONE) : daysAndRest[0];
      if (floorDays.abs().compareTo(MAX_TIMEDELTA_DAYS) > 0) {
        throw new TaggedJsonException("a datetime tag's zone offset overflows Python's timedelta");
      }
      if (offsetSeconds.abs().compareTo(SECONDS_PER_DAY) >= 0) {
        return null; // timezone() wants strictly less than 24 hours
      }
    }
    for (BigInteger field : new BigInteger[] {year, day, hour, minute, second}) {
      if (field.bitLength() > 31) {
        throw new TaggedJsonException("a datetime tag's field overflows a C int in Python");
      }
    }
    int y = year.intValue();
    int d = day.intValue();
    int h = hour.intValue();
    int m = minute.intValue();
    int s = second.intValue();
    if (y < 1 || y > 9999 || d < 1 || d > YearMonth.of(y, month).lengthOfMonth() || h < 0 || h > 23
        || m < 0 || m > 59 || s < 0 || s > 59) {
      return null;
    }
    LocalDateTime local = LocalDateTime.of(y, month, d, h, m, s);
    int offset = offsetSeconds == null ? 0 : offsetSeconds.intValue();
    if (Math.abs(offset) <= MAX_JAVA_OFFSET_SECONDS) {
      return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(offset));
    }
    // Same instant, shown in UTC: Flask writes it back in UTC anyway, so the cookie text is unchanged.
    Instant instant = Instant.ofEpochSecond(local.toEpochSecond(ZoneOffset.UTC) - offset);
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
