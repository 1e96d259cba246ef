package dev.flagon.internal;

import java.time.LocalDate;

/** Python's and Werkzeug's rules that several packages must match exactly, each written once. */
public final class Python {
  private static final String DAYS = "MonTueWedThuFriSatSun";
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private Python() {}

  /**
   * {@code str.isspace()} for one character: bidirectional class WS, B or S, or category Zs (Java's
   * {@code isWhitespace} misses the no-break spaces and counts others). All of them are in the BMP.
   */
  public static boolean isSpace(int c) {
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
        || c == 0x3000;
  }

  /** {@code str.strip()}. */
  public static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /**
   * The index of the first lone surrogate, or -1: Python's {@code str} may hold one but cannot encode it to
   * UTF-8 (nor {@code quote()} it), so Flagon refuses such text wherever it would be encoded.
   */
  public static int loneSurrogateIndex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Werkzeug's {@code http_date} of an epoch second, for cookie {@code Expires} and tagged JSON's
   * {@code " d"}: {@code Tue, 14 Nov 2023 23:13:20 GMT}. The year as Python's {@code %04d} writes it (a sign
   * and a fifth digit kept); which years are allowed is the caller's policy.
   */
  public static String httpDate(long epochSecond) {
    long day = Math.floorDiv(epochSecond, 86_400);
    int second = (int) (epochSecond - day * 86_400);
    LocalDate date = LocalDate.ofEpochDay(day);
    int weekday = Math.floorMod(day + 3, 7) * 3; // 1970-01-01 was a Thursday
    int month = (date.getMonthValue() - 1) * 3;
    StringBuilder out = new StringBuilder(32).append(DAYS, weekday, weekday + 3).append(", ");
    twoDigits(out, date.getDayOfMonth()).append(' ').append(MONTHS, month, month + 3).append(' ');
    int year = date.getYear();
    String digits = Integer.toString(Math.abs(year));
    out.append(year < 0 ? "-" : "").append("0".repeat(Math.max(0, (year < 0 ? 3 : 4) - digits.length())));
    twoDigits(out.append(digits).append(' '), second / 3600).append(':');
    twoDigits(out, second / 60 % 60).append(':');
    return twoDigits(out, second % 60).append(" GMT").toString();
  }

  private static StringBuilder twoDigits(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
