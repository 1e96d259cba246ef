package dev.flagon.redis;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A finite double as msgspec's JSON writes it (ryu's shortest digits, laid out by msgspec's
 * {@code write_f64}): {@code 1.0}, {@code 0.00001}, {@code 1e-7}, {@code 1e16}, {@code 1.5e300},
 * {@code -0.0}; positional while the decimal point falls within 16 digits.
 *
 * <p>The shortest digits come from jackson-core's Schubfach writer, which follows JDK 19's rules: where
 * one digit reads back as the value, Java may still pick a closer two-digit decimal ({@code 4.9E-324} where
 * ryu gives {@code 5e-324}), so two-digit results are checked for a one-digit form.
 */
final class MsgspecFloat {
  private MsgspecFloat() {}

  static String format(double value) {
    if (value == 0) {
      return Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0";
    }
    BigDecimal decimal = shortest(Math.abs(value));
    String digits = decimal.unscaledValue().toString();
    int length = digits.length();
    int k = -decimal.scale(); // value = digits × 10^k
    int point = length + k; // digits before the decimal point
    StringBuilder out = new StringBuilder(24);
    if (value < 0) {
      out.append('-');
    }
    if (k >= 0 && point <= 16) {
      out.append(digits).append("0".repeat(k)).append(".0");
    } else if (point > 0 && point <= 16) {
      out.append(digits, 0, point).append('.').append(digits, point, length);
    } else if (point > -5 && point <= 0) {
      out.append("0.").append("0".repeat(-point)).append(digits);
    } else {
      out.append(digits.charAt(0));
      if (length > 1) {
        out.append('.').append(digits, 1, length);
      }
      out.append('e').append(point - 1);
    }
    return out.toString();
  }

  /** The shortest decimal that reads back as this positive finite double, without trailing zeros. */
  static BigDecimal shortest(double positive) {
    BigDecimal decimal = new BigDecimal(NumberOutput.toString(positive, true)).stripTrailingZeros();
    if (decimal.precision() != 2) {
      return decimal;
    }
    BigDecimal down = decimal.round(new MathContext(1, RoundingMode.FLOOR));
    BigDecimal up = decimal.round(new MathContext(1, RoundingMode.CEILING));
    boolean downWorks = down.doubleValue() == positive;
    boolean upWorks = up.doubleValue() == positive;
    if (downWorks && upWorks) {
      BigDecimal exact = new BigDecimal(positive);
      return exact.subtract(down).compareTo(up.subtract(exact)) <= 0 ? down.stripTrailingZeros()
          : up.stripTrailingZeros();
    }
    return downWorks ? down.stripTrailingZeros() : upWorks ? up.stripTrailingZeros() : decimal;
  }
}
