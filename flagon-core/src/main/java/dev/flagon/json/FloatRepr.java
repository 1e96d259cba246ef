package dev.flagon.json;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;

/**
 * Python's {@code repr(float)} as {@code json.dumps} writes it.
 *
 * <p>JDK 17's {@code Double.toString} does not always give the shortest digits ({@code 1e23} prints
 * {@code 9.999999999999999E22}), so the digits come from jackson-core's Schubfach writer, which follows the
 * JDK 19+ rules. Those rules differ from Python's in one case: when a single digit round-trips, Java may
 * still choose a closer two-digit decimal ({@code 4.9E-324} where Python says {@code 5e-324}), so two-digit
 * results are re-checked for a one-digit form.
 */
final class FloatRepr {
  private FloatRepr() {}

  static String repr(double value) {
    StringBuilder out = new StringBuilder(24);
    append(out, value);
    return out.toString();
  }

  static void append(StringBuilder out, double value) {
    if (Double.isNaN(value)) {
      out.append("NaN");
      return;
    }
    if (Double.isInfinite(value)) {
      out.append(value > 0 ? "Infinity" : "-Infinity");
      return;
    }
    if (value == 0) {
      out.append(Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0");
      return;
    }
    if (value < 0) {
      out.append('-');
      value = -value;
    }
    Decimal decimal = shortest(value);
    layOut(out, decimal.digits, decimal.pointPosition);
  }

  private static final double[] POWERS_OF_TEN = {1, 10, 100, 1000, 10000};

  private static final int SCALE_BITS = 3;
  private static final long SCALE_MASK = (1 << SCALE_BITS) - 1;

  /**
   * Speed-only, kept (docs/architecture.md): the common case without the general algorithm, a value in
   * [1e-4, 2^33) that is some N / 10^k with k <= 4 (prices, ratios, small integers). For k = 0, 1, ... the
   * only candidate is N = round(value × 10^k) (10^-k is more than 50 ulps of such a value, so no other N
   * can read back as it, and N < 2^47 is exact); N / 10^k == value holds exactly when the decimal N ×
   * 10^-k reads back as the value (IEEE division is correctly rounded). The first k that works gives the
   * fewest digits, Python's repr, and within this range Python writes it positionally: {@code 19.99},
   * {@code 0.0005}, {@code 42.0}. Returns N and k as {@code N << 3 | k} (N < 2^47 fits), or -1 if the value is
   * not of that kind (false for NaN, infinities and zeros). One search gives both, so the caller does not
   * round again, and N is written without dividing by a variable 10^k (a slow 64-bit division).
   */
  private static long shortDecimal(double positive) {
    if (!(positive >= 1e-4 && positive < 0x1p33)) {
      return -1;
    }
    for (int k = 0; k < POWERS_OF_TEN.length; k++) {
      double scale = POWERS_OF_TEN[k];
      long n = Math.round(positive * scale);
      if (n / scale == positive) {
        return n << SCALE_BITS | k;
      }
    }
    return -1;
  }

  /** {@link #append(StringBuilder, double)} into the writer's buffer; short decimals laid out directly. */
  static void append(JsonBuffer out, double value) {
    long packed = shortDecimal(Math.abs(value));
    if (packed < 0) {
      StringBuilder text = new StringBuilder(24);
      append(text, value);
      out.put(text);
      return;
    }
    if (value < 0) {
      out.put('-');
    }
    out.putDecimal(packed >>> SCALE_BITS, (int) (packed & SCALE_MASK));
  }

  /** value = 0.digits × 10^pointPosition, digits without leading or trailing zeros. */
  private record Decimal(String digits, int pointPosition) {}

  private static Decimal shortest(double positive) {
    Decimal decimal = parseJavaFormat(NumberOutput.toString(positive, true));
    if (decimal.digits.length() == 2) {
      Decimal oneDigit = oneDigitForm(positive, decimal);
      if (oneDigit != null) {
        return oneDigit;
      }
    }
    return decimal;
  }

  /** Reads Java's {@code 1.2345E-7} / {@code 0.00123} / {@code 123.0} layout. */
  private static Decimal parseJavaFormat(String text) {
    int exponentAt = text.indexOf('E');
    String mantissa = exponentAt < 0 ? text : text.substring(0, exponentAt);
    int exponent = exponentAt < 0 ? 0 : Integer.parseInt(text.substring(exponentAt + 1));
    int dot = mantissa.indexOf('.');
    String allDigits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    int pointPosition = (dot < 0 ? mantissa.length() : dot) + exponent;
    int first = 0;
    while (first < allDigits.length() - 1 && allDigits.charAt(first) == '0') {
      first++;
      pointPosition--;
    }
    int end = allDigits.length();
    while (end > first + 1 && allDigits.charAt(end - 1) == '0') {
      end--;
    }
    return new Decimal(allDigits.substring(first, end), pointPosition);
  }

  /** The one-digit decimal that reads back as the value (the closer one if both neighbours do), or null. */
  private static Decimal oneDigitForm(double positive, Decimal twoDigits) {
    int lead = twoDigits.digits.charAt(0) - '0';
    Decimal down = new Decimal(String.valueOf(lead), twoDigits.pointPosition);
    Decimal up =
        lead == 9
            ? new Decimal("1", twoDigits.pointPosition + 1)
            : new Decimal(String.valueOf(lead + 1), twoDigits.pointPosition);
    boolean downWorks = readsBackAs(down, positive);
    boolean upWorks = readsBackAs(up, positive);
    if (downWorks && upWorks) {
      BigDecimal exact = new BigDecimal(positive);
      BigDecimal downGap = exact.subtract(toBigDecimal(down)).abs();
      BigDecimal upGap = toBigDecimal(up).subtract(exact).abs();
      return downGap.compareTo(upGap) <= 0 ? down : up;
    }
    return downWorks ? down : upWorks ? up : null;
  }

  private static boolean readsBackAs(Decimal decimal, double value) {
    return Double.parseDouble("0." + decimal.digits + "E" + decimal.pointPosition) == value;
  }

  private static BigDecimal toBigDecimal(Decimal decimal) {
    return new BigDecimal("0." + decimal.digits + "E" + decimal.pointPosition);
  }

  /** Python's {@code float_repr_style = 'short'} layout: positional when -4 < exponent <= 16. */
  private static void layOut(StringBuilder out, String digits, int pointPosition) {
    int count = digits.length();
    if (pointPosition > -4 && pointPosition <= 16) {
      if (pointPosition <= 0) {
        out.append("0.");
        for (int i = pointPosition; i < 0; i++) {
          out.append('0');
        }
        out.append(digits);
      } else if (pointPosition < count) {
        out.append(digits, 0, pointPosition).append('.').append(digits, pointPosition, count);
      } else {
        out.append(digits);
        for (int i = count; i < pointPosition; i++) {
          out.append('0');
        }
        out.append(".0");
      }
      return;
    }
    out.append(digits.charAt(0));
    if (count > 1) {
      out.append('.').append(digits, 1, count);
    }
    int exponent = pointPosition - 1;
    out.append(exponent < 0 ? "e-" : "e+");
    int magnitude = Math.abs(exponent);
    if (magnitude < 10) {
      out.append('0');
    }
    out.append(magnitude);
  }
}
