package dev.flagon.login;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/** What Python makes of the session values Flask-Login reads: truthiness, {@code str()}, {@code timedelta}. */
final class PythonValues {
  private PythonValues() {}

  /**
   * {@code timedelta(seconds=value)} in microseconds: a float is rounded to the microsecond, half to even,
   * as CPython does; {@code null} where Python raises (not a number, not finite, far out of range).
   */
  static Long timedeltaMicros(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1_000_000L : 0L;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      BigInteger seconds = new BigInteger(value.toString());
      return seconds.abs().bitLength() > 40 ? null : seconds.longValue() * 1_000_000L;
    }
    if (value instanceof Double || value instanceof Float) {
      double seconds = ((Number) value).doubleValue();
      if (!Double.isFinite(seconds) || Math.abs(seconds) > 1e12) {
        return null;
      }
      double whole = seconds < 0 ? Math.ceil(seconds) : Math.floor(seconds);
      return (long) whole * 1_000_000L + (long) Math.rint((seconds - whole) * 1e6);
    }
    return null;
  }

  /** A user id as the loader and the cookie get it: text, or an integer's decimal text; else null. */
  static String userId(Object userId) {
    if (userId instanceof String id) {
      return id;
    }
    if (userId instanceof Integer || userId instanceof Long || userId instanceof BigInteger) {
      return userId.toString();
    }
    return null;
  }

  /** Python's truthiness for the values a session holds. */
  static boolean truthy(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n instanceof BigInteger i ? i.signum() != 0 : n.doubleValue() != 0 || Double.isNaN(n.doubleValue());
    }
    if (value instanceof CharSequence text) {
      return text.length() > 0;
    }
    if (value instanceof Collection<?> items) {
      return !items.isEmpty();
    }
    if (value instanceof Map<?, ?> map) {
      return !map.isEmpty();
    }
    return value != null;
  }
}
