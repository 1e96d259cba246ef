package dev.flagon.json;

import com.fasterxml.jackson.core.io.NumberOutput;
import dev.flagon.internal.Python;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * The writer's output, with the exact text Python's {@code json.dumps(..., ensure_ascii=True)} gives
 * strings, ints, floats and (Werkzeug's {@code http_date}) datetimes. That text is pure ASCII, so it is
 * built as bytes and becomes a string with a single copy. Not thread-safe.
 */
final class JsonBuffer {
  /** Python refuses to convert ints longer than this to text ({@code sys.get_int_max_str_digits()}). */
  static final int MAX_INT_DIGITS = 4300;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final long[] POWERS_OF_TEN = LongStream.iterate(1, p -> p * 10).limit(19).toArray();
  private static final double[] SHORT_SCALES = {1, 10, 100, 1000, 10000};
  /** Epoch seconds of 0001-01-01T00:00:00Z and of 9999-12-31T23:59:59Z: Python's datetime range. */
  private static final long FIRST_SECOND = LocalDate.of(1, 1, 1).toEpochDay() * 86_400;
  private static final long LAST_SECOND = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400 - 1;

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

  /** ASCII text written as is. */
  JsonBuffer put(CharSequence ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[length + i] = (byte) ascii.charAt(i);
    }
    length += n;
    return this;
  }

  /** A long in decimal, as Python writes an int. */
  JsonBuffer put(long value) {
    if (value == Long.MIN_VALUE) {
      return put(Long.toString(value));
    }
    return value < 0 ? put('-').putDecimal(-value, 0) : putDecimal(value, 0);
  }

  /** Decimal digits of a non-negative long (1 for 0). */
  private static int digitCount(long value) {
    int digits = 1;
    while (digits < 19 && value >= POWERS_OF_TEN[digits]) {
      digits++;
    }
    return digits;
  }

  /** An int of any size, refused past Python's 4300-digit limit. */
  static String integerText(BigInteger value) {
    String text = value.bitLength() > 14_285 ? null : value.toString(); // 2^14285 has 4301 digits
    if (text == null || text.length() - (value.signum() < 0 ? 1 : 0) > MAX_INT_DIGITS) {
      throw new TaggedJsonException(
          "an integer has more than " + MAX_INT_DIGITS + " digits, Python's int/str conversion limit");
    }
    return text;
  }

  /**
   * Python's {@code repr(float)}. Speed-only, kept (docs/architecture.md): a value in [1e-4, 2^33) that is
   * N / 10^k with k <= 4 (prices) skips the shortest-digits search. The only candidate N is round(|value| ×
   * 10^k) (10^-k is over 50 ulps of such a value, N < 2^47 is exact); N / 10^k == value exactly when that
   * decimal reads back as the value, and the first such k gives the fewest digits, written positionally.
   */
  JsonBuffer putFloat(double value) {
    double positive = Math.abs(value);
    if (positive >= 1e-4 && positive < 0x1p33) {
      for (int k = 0; k < SHORT_SCALES.length; k++) {
        long n = Math.round(positive * SHORT_SCALES[k]);
        if (n / SHORT_SCALES[k] == positive) {
          JsonBuffer written = (value < 0 ? put('-') : this).putDecimal(n, k);
          return k == 0 ? written.put('.').put('0') : written;
        }
      }
    }
    return put(repr(value));
  }

  /** {@code n / 10^scale} (n >= 0) with exactly {@code scale} decimals (no point for 0), built from the right. */
  private JsonBuffer putDecimal(long n, int scale) {
    int end = length + Math.max(1, digitCount(n) - scale) + (scale == 0 ? 0 : 1 + scale);
    ensure(end - length);
    int at = end;
    for (int i = 0; i < scale; i++) {
      bytes[--at] = (byte) ('0' + n % 10);
      n /= 10;
    }
    if (scale > 0) {
      bytes[--at] = '.';
    }
    do {
      bytes[--at] = (byte) ('0' + n % 10); // a '0' before the point when n < 10^scale
      n /= 10;
    } while (at > length);
    length = end;
    return this;
  }

  /**
   * Python's {@code repr(float)} as {@code json.dumps} writes it. JDK 17's {@code Double.toString} is not
   * always shortest ({@code 1e23} gives {@code 9.999999999999999E22}), so the digits come from jackson-core's
   * Schubfach writer, which may pick a closer two-digit decimal where one digit reads back ({@code 4.9E-324},
   * Python {@code 5e-324}): corrected below.
   */
  static String repr(double value) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
    } else if (value == 0) {
      return Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0";
    }
    double positive = Math.abs(value);
    BigDecimal shortest = new BigDecimal(NumberOutput.toString(positive, true)).stripTrailingZeros();
    if (shortest.precision() == 2) {
      BigDecimal down = shortest.round(new MathContext(1, RoundingMode.FLOOR));
      BigDecimal up = shortest.round(new MathContext(1, RoundingMode.CEILING));
      BigDecimal exact = new BigDecimal(positive);
      boolean upWorks = up.doubleValue() == positive;
      if (down.doubleValue() == positive
          && (!upWorks || exact.subtract(down).compareTo(up.subtract(exact)) <= 0)) {
        shortest = down;
      } else if (upWorks) {
        shortest = up;
      }
    }
    String digits = shortest.unscaledValue().toString();
    int exponent = digits.length() - shortest.scale() - 1;
    String sign = value < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) { // Python's float_repr_style 'short': positional in this range
      return sign + shortest.toPlainString() + (shortest.scale() <= 0 ? ".0" : "");
    }
    return sign + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "")
        + (exponent < 0 ? "e-" : "e+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
  }

  /**
   * A quoted string as Python's {@code ensure_ascii} writes it: {@code " \ \b \f \n \r \t} escaped short,
   * any other UTF-16 unit outside printable ASCII (lone surrogates too) as lower-case {@code \}{@code u}.
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

  /** A datetime at this UTC epoch second as a quoted {@code http_date}; refused outside years 1..9999. */
  JsonBuffer putHttpDate(long second) {
    if (second < FIRST_SECOND || second > LAST_SECOND) {
      // Python's datetime stops at 1..9999; converting to UTC past them raises OverflowError.
      throw new TaggedJsonException("a datetime outside the years 1..9999 (in UTC) has no Python form");
    }
    return put('"').put(Python.httpDate(second)).put('"');
  }

  int length() {
    return length;
  }

  /** A copy of what was written from {@code start} on. */
  byte[] copyOfRange(int start) {
    return Arrays.copyOfRange(bytes, start, length);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }
}
