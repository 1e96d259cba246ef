package dev.flagon.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Werkzeug's {@code http_date}, the one writer of it (cookie {@code Expires}, tagged JSON's {@code " d"}):
 * {@code Tue, 14 Nov 2023 23:13:20 GMT}, in UTC, English names, whole seconds. The year is written as
 * Python's {@code %04d} would (a sign and a fifth digit are kept); which years are allowed is the caller's
 * policy (tagged JSON refuses those outside 1..9999). Written as ASCII bytes so that the JSON writer's byte
 * buffer takes them without a string in between.
 */
public final class HttpDate {
  /** Room {@link #write} may need: 25 fixed characters and a year of at most 10 digits and a sign. */
  public static final int MAX_LENGTH = 36;

  private static final byte[] DAYS = "MonTueWedThuFriSatSun".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec".getBytes(StandardCharsets.US_ASCII);

  private HttpDate() {}

  /** The date of an epoch second (already floored: Werkzeug truncates sub-seconds). */
  public static String format(long epochSecond) {
    byte[] out = new byte[MAX_LENGTH];
    return new String(out, 0, write(epochSecond, out, 0), StandardCharsets.US_ASCII);
  }

  /** Writes the date at {@code out[at]} ({@link #MAX_LENGTH} bytes of room) and returns where it ends. */
  public static int write(long epochSecond, byte[] out, int at) {
    long day = Math.floorDiv(epochSecond, 86_400);
    int second = (int) (epochSecond - day * 86_400);
    LocalDate date = LocalDate.ofEpochDay(day);
    at = copy(DAYS, (int) Math.floorMod(day + 3, 7) * 3, out, at); // 1970-01-01 was a Thursday
    out[at++] = ',';
    out[at++] = ' ';
    at = twoDigits(date.getDayOfMonth(), out, at);
    out[at++] = ' ';
    at = copy(MONTHS, (date.getMonthValue() - 1) * 3, out, at);
    out[at++] = ' ';
    int year = date.getYear();
    String digits = Integer.toString(Math.abs(year));
    if (year < 0) {
      out[at++] = '-';
    }
    for (int pad = (year < 0 ? 3 : 4) - digits.length(); pad > 0; pad--) {
      out[at++] = '0';
    }
    for (int i = 0; i < digits.length(); i++) {
      out[at++] = (byte) digits.charAt(i);
    }
    out[at++] = ' ';
    at = twoDigits(second / 3600, out, at);
    out[at++] = ':';
    at = twoDigits(second / 60 % 60, out, at);
    out[at++] = ':';
    at = twoDigits(second % 60, out, at);
    out[at++] = ' ';
    out[at++] = 'G';
    out[at++] = 'M';
    out[at++] = 'T';
    return at;
  }

  private static int copy(byte[] names, int start, byte[] out, int at) {
    System.arraycopy(names, start, out, at, 3);
    return at + 3;
  }

  private static int twoDigits(int value, byte[] out, int at) {
    out[at] = (byte) ('0' + value / 10);
    out[at + 1] = (byte) ('0' + value % 10);
    return at + 2;
  }
}
