package dev.flagon.json;

import dev.flagon.internal.Python;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Werkzeug's {@code parse_date}: Python's lenient RFC 2822 parser ({@code email._parseaddr._parsedate_tz}
 * and {@code parsedate_to_datetime}), ported step by step with Python's own whitespace, {@code isdigit},
 * {@code lower} and {@code int()}, so that crafted strings give what Flask gives. Unparseable: null; where
 * Python raises {@code OverflowError} (which Werkzeug does not catch): {@link TaggedJsonException}.
 */
final class HttpDateParser {
  private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final List<String> MONTH_NAMES = List.of(("jan feb mar apr may jun jul aug sep oct nov dec"
      + " january february march april may june july august september october november december").split(" "));
  /** Python's {@code +HHMM} values, not seconds. */
  private static final Map<String, Integer> ZONES = Map.ofEntries(
      Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
      Map.entry("AST", -400), Map.entry("ADT", -300), Map.entry("EST", -500), Map.entry("EDT", -400),
      Map.entry("CST", -600), Map.entry("CDT", -500), Map.entry("MST", -700), Map.entry("MDT", -600),
      Map.entry("PST", -800), Map.entry("PDT", -700));
  /** Code points that are {@code isdigit()} in Python without being decimal digits (superscripts, ①…). */
  private static final int[] NON_DECIMAL_DIGITS = {
    0xB2, 0xB3, 0xB9, 0xB9, 0x1369, 0x1371, 0x19DA, 0x19DA, 0x2070, 0x2070, 0x2074, 0x2079, 0x2080, 0x2089,
    0x2460, 0x2468, 0x2474, 0x247C, 0x2488, 0x2490, 0x24EA, 0x24EA, 0x24F5, 0x24FD, 0x24FF, 0x24FF,
    0x2776, 0x277E, 0x2780, 0x2788, 0x278A, 0x2792, 0x10A40, 0x10A43, 0x10E60, 0x10E68, 0x11052, 0x1105A,
    0x1F100, 0x1F10A
  };
  /** Where {@link #pyInt} stops counting: beyond any C int, and beyond any offset timedelta can hold. */
  private static final long HUGE = 1L << 56;

  private HttpDateParser() {}

  /**
   * Python's {@code _parsedate_tz}. It reads five words of {@code text.split()} and whether there are three,
   * four or more after dropping the first: six words tell all (and four parts of a split on '-' or ':').
   */
  static OffsetDateTime parse(String text) {
    List<String> data = split(text, ' ', 6);
    if (data.isEmpty()) {
      return null;
    }
    String first = data.get(0);
    if (first.endsWith(",") || DAY_NAMES.contains(first.toLowerCase(Locale.ROOT))) {
      data.remove(0);
    } else if (first.lastIndexOf(',') >= 0) {
      data.set(0, first.substring(first.lastIndexOf(',') + 1));
    }
    if (data.size() == 3) { // RFC 850: 15-Jan-24 12:00:00 GMT
      List<String> dayMonthYear = split(data.get(0), '-', 4);
      if (dayMonthYear.size() == 3) {
        dayMonthYear.addAll(data.subList(1, 3));
        data = dayMonthYear;
      }
    }
    if (data.size() == 4) { // the zone may be glued to the time: 12:00:00+0100
      String last = data.get(3);
      int sign = last.indexOf('+') >= 0 ? last.indexOf('+') : last.indexOf('-');
      data.set(3, sign > 0 ? last.substring(0, sign) : last);
      data.add(sign > 0 ? last.substring(sign) : "");
    }
    if (data.size() < 5 || data.get(0).isEmpty() || data.get(1).isEmpty() || data.get(2).isEmpty()) {
      return null;
    }
    // data is now [day, month, year, time, zone], each swapped with another where Python swaps them
    if (!MONTH_NAMES.contains(data.get(1).toLowerCase(Locale.ROOT))) {
      Collections.swap(data, 0, 1);
    }
    int monthNumber = MONTH_NAMES.indexOf(data.get(1).toLowerCase(Locale.ROOT)) % 12 + 1;
    if (monthNumber == 0) {
      return null;
    } else if (data.get(2).indexOf(':') > 0) {
      Collections.swap(data, 2, 3);
    }
    for (int i : new int[] {0, 2, 3}) { // the zone keeps its comma; none of these is empty yet
      String field = data.get(i);
      data.set(i, field.endsWith(",") ? field.substring(0, field.length() - 1) : field);
    }
    if (data.get(2).isEmpty()) {
      return null;
    } else if (!isDigit(data.get(2).codePointAt(0))) {
      Collections.swap(data, 2, 4);
    }
    String time = data.get(3);
    List<String> hms = split(time, ':', 4);
    if (hms.size() == 1 && time.indexOf('.') >= 0) { // from non-compliant mailers: HH.MM[.SS]
      hms = split(time, '.', 4);
    }
    if (hms.size() == 2) {
      hms.add("0");
    }
    if (hms.size() != 3) {
      return null;
    }
    long[] numbers = new long[5];
    String[] texts = {data.get(2), data.get(0), hms.get(0), hms.get(1), hms.get(2)};
    for (int i = 0; i < texts.length; i++) {
      numbers[i] = pyInt(texts[i]);
      if (numbers[i] == Long.MIN_VALUE) {
        return null;
      }
    }
    numbers[0] += numbers[0] > 99 ? 0 : numbers[0] > 68 ? 1900 : 2000; // POSIX style, negatives too
    return toDateTime(monthNumber, numbers, offsetSeconds(data.get(4).toUpperCase(Locale.ROOT)));
  }

  /** The zone's offset in seconds, or null for none (naive), which includes {@code -0000}. */
  private static Long offsetSeconds(String zone) {
    Integer named = ZONES.get(zone);
    long hhmm = named != null ? named : pyInt(zone);
    if (hhmm == Long.MIN_VALUE || hhmm == 0 && zone.startsWith("-")) {
      return null;
    }
    long seconds = Math.abs(hhmm) / 100 * 3600 + Math.abs(hhmm) % 100 * 60;
    return hhmm < 0 ? -seconds : seconds;
  }

  /** {@code datetime(...)} with {@code timezone(timedelta(seconds=...))}, checked in Python's order. */
  private static OffsetDateTime toDateTime(int month, long[] fields, Long offset) {
    if (offset != null) {
      if (Math.abs(Math.floorDiv(offset, 86_400)) > 999_999_999) {
        throw new TaggedJsonException("a datetime tag's zone offset overflows Python's timedelta");
      } else if (Math.abs(offset) >= 86_400) {
        return null; // timezone() wants strictly less than 24 hours
      }
    }
    for (long field : fields) {
      if (field != (int) field) {
        throw new TaggedJsonException("a datetime tag's field overflows a C int in Python");
      }
    }
    int y = (int) fields[0];
    int d = (int) fields[1];
    if (y < 1 || y > 9999 || d < 1 || d > YearMonth.of(y, month).lengthOfMonth() || fields[2] < 0
        || fields[2] > 23 || fields[3] < 0 || fields[3] > 59 || fields[4] < 0 || fields[4] > 59) {
      return null;
    }
    LocalDateTime local = LocalDateTime.of(y, month, d, (int) fields[2], (int) fields[3], (int) fields[4]);
    int seconds = offset == null ? 0 : offset.intValue();
    if (Math.abs(seconds) <= 18 * 3600) { // java.time's offset range; Python's reaches 24 hours
      return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(seconds));
    }
    // Same instant, shown in UTC: Flask writes it back in UTC anyway, so the cookie text is unchanged.
    return Instant.ofEpochSecond(local.toEpochSecond(ZoneOffset.UTC) - seconds).atOffset(ZoneOffset.UTC);
  }

  /**
   * The first {@code limit} parts of Python's {@code str.split()} (separator ' ': no empty parts) or
   * {@code str.split(separator)}, so a long text never makes a string per word.
   */
  private static List<String> split(String text, char separator, int limit) {
    List<String> parts = new ArrayList<>();
    int start = separator == ' ' ? -1 : 0;
    for (int i = 0; i < text.length() && parts.size() < limit; ) {
      int c = text.codePointAt(i);
      if (separator == ' ' ? Python.isSpace(c) : c == separator) {
        if (start >= 0) {
          parts.add(text.substring(start, i));
        }
        start = separator == ' ' ? -1 : i + 1;
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(c);
    }
    if (start >= 0 && parts.size() < limit) {
      parts.add(text.substring(start));
    }
    return parts;
  }

  /** {@code str.isdigit()} for one code point. */
  private static boolean isDigit(int c) {
    for (int i = 0; i < NON_DECIMAL_DIGITS.length; i += 2) {
      if (c >= NON_DECIMAL_DIGITS[i] && c <= NON_DECIMAL_DIGITS[i + 1]) {
        return true;
      }
    }
    return Character.isDigit(c);
  }

  /**
   * Python's {@code int(text)}: surrounding whitespace, one sign, Unicode decimal digits, single underscores
   * between digits, at most 4300 digits; magnitudes past {@link #HUGE} saturate at it. Long.MIN_VALUE where
   * Python raises {@code ValueError}.
   */
  private static long pyInt(String text) {
    text = Python.strip(text);
    int i = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
    long value = 0;
    int digits = 0;
    boolean lastWasDigit = false;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '_' && lastWasDigit) {
        lastWasDigit = false;
      } else if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER && Character.digit(c, 10) >= 0) {
        value = Math.min(HUGE, value * 10 + Character.digit(c, 10));
        digits++;
        lastWasDigit = true;
      } else {
        return Long.MIN_VALUE;
      }
    }
    if (!lastWasDigit || digits > 4300) {
      return Long.MIN_VALUE;
    }
    return text.startsWith("-") ? -value : value;
  }
}
