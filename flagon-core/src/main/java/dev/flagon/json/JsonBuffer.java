package dev.flagon.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The writer's output: Flask's JSON is pure ASCII ({@code ensure_ascii}), so it is built as bytes, one
 * store per character, and becomes a string with a single copy. Every method takes ASCII only (escaping
 * is {@link #putQuoted}'s job). Not thread-safe.
 */
final class JsonBuffer {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private byte[] bytes;
  private int length;

  JsonBuffer(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  private void ensure(int extra) {
    if (length + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
    }
  }

  JsonBuffer put(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  /** Bytes already in JSON form, written as they are. */
  JsonBuffer put(byte[] written, int from, int n) {
    ensure(n);
    System.arraycopy(written, from, bytes, length, n);
    length += n;
    return this;
  }

  /** A copy of what was written from {@code start} on. */
  byte[] copyOfRange(int start) {
    return Arrays.copyOfRange(bytes, start, length);
  }

  /** ASCII text written as is: literals, numbers, dates. */
  JsonBuffer put(CharSequence ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[length + i] = (byte) ascii.charAt(i);
    }
    length += n;
    return this;
  }

  /** {@code true} or {@code false}, stored directly: they are among the most common values. */
  JsonBuffer putTrueOrFalse(boolean flag) {
    ensure(5);
    byte[] b = bytes;
    int at = length;
    if (flag) {
      b[at] = 't';
      b[at + 1] = 'r';
      b[at + 2] = 'u';
      b[at + 3] = 'e';
      length = at + 4;
    } else {
      b[at] = 'f';
      b[at + 1] = 'a';
      b[at + 2] = 'l';
      b[at + 3] = 's';
      b[at + 4] = 'e';
      length = at + 5;
    }
    return this;
  }

  JsonBuffer putNull() {
    ensure(4);
    byte[] b = bytes;
    int at = length;
    b[at] = 'n';
    b[at + 1] = 'u';
    b[at + 2] = 'l';
    b[at + 3] = 'l';
    length = at + 4;
    return this;
  }

  /** A long in decimal, as Python writes an int. */
  JsonBuffer put(long value) {
    if (value == Long.MIN_VALUE) {
      return put(Long.toString(value));
    }
    ensure(20);
    if (value < 0) {
      bytes[length++] = '-';
      value = -value;
    }
    int digits = digitCount(value);
    for (int i = length + digits - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += digits;
    return this;
  }

  /**
   * {@code n / 10^scale} written positionally with exactly {@code scale} decimals, or {@code n.0} for
   * scale 0: {@code (287, 1)} is {@code 28.7}, {@code (5, 4)} is {@code 0.0005}. The digits are produced
   * from the right, so there is no division by a variable 10^scale. @param n at least 0 @param scale 0 to 4
   */
  JsonBuffer putDecimal(long n, int scale) {
    if (scale == 0) {
      put(n);
      ensure(2);
      bytes[length++] = '.';
      bytes[length++] = '0';
      return this;
    }
    int integerDigits = Math.max(1, digitCount(n) - scale);
    int end = length + integerDigits + 1 + scale;
    ensure(end - length);
    byte[] b = bytes;
    int at = end;
    for (int i = 0; i < scale; i++) {
      b[--at] = (byte) ('0' + n % 10);
      n /= 10;
    }
    b[--at] = '.';
    do {
      b[--at] = (byte) ('0' + n % 10); // a '0' before the point when n < 10^scale
      n /= 10;
    } while (at > length);
    length = end;
    return this;
  }

  /** Decimal digits of a non-negative long (1 for 0). */
  private static int digitCount(long value) {
    int digits = 1;
    while (digits < 19 && value >= POWERS_OF_TEN[digits]) {
      digits++;
    }
    return digits;
  }

  /**
   * A quoted string, ASCII only: printable ASCII as is, short escapes for {@code " \ \b \f \n \r \t},
   * {@code \}{@code u} with lower-case hex for every other UTF-16 unit (so a non-BMP character becomes
   * its surrogate pair and a lone surrogate stays as it is, as in Python).
   */
  JsonBuffer putQuoted(CharSequence text) {
    int n = text.length();
    ensure(n + 2);
    byte[] b = bytes;
    int at = length;
    b[at++] = '"';
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        b[at++] = (byte) c;
        continue;
      }
      length = at;
      ensure(6 + (n - i)); // the escape, and room for the rest as plain characters
      b = bytes;
      b[at++] = '\\';
      switch (c) {
        case '"' -> b[at++] = '"';
        case '\\' -> b[at++] = '\\';
        case '\b' -> b[at++] = 'b';
        case '\f' -> b[at++] = 'f';
        case '\n' -> b[at++] = 'n';
        case '\r' -> b[at++] = 'r';
        case '\t' -> b[at++] = 't';
        default -> {
          b[at++] = 'u';
          b[at++] = HEX[c >>> 12];
          b[at++] = HEX[(c >>> 8) & 0xf];
          b[at++] = HEX[(c >>> 4) & 0xf];
          b[at++] = HEX[c & 0xf];
        }
      }
    }
    b[at++] = '"';
    length = at;
    return this;
  }

  int length() {
    return length;
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }
}
