package dev.flagon;

import dev.flagon.json.Markup;
import dev.flagon.json.Tuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Python's view of session values: truthiness, integer conversions for typed gets, kinds for messages. */
final class TypedValues {
  private TypedValues() {}

  /** Python's {@code bool(value)}: false for None, False, zero, and empty strings, bytes and collections. */
  static boolean isTruthy(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Double || value instanceof Float) {
      // NaN is truthy in Python; -0.0 is falsy.
      return ((Number) value).doubleValue() != 0.0 || Double.isNaN(((Number) value).doubleValue());
    }
    if (value instanceof BigInteger i) {
      return i.signum() != 0;
    }
    if (value instanceof BigDecimal d) {
      return d.signum() != 0;
    }
    if (value instanceof Number n) {
      return n.longValue() != 0;
    }
    if (value instanceof CharSequence text) {
      return text.length() > 0;
    }
    if (value instanceof Collection<?> collection) {
      return !collection.isEmpty();
    }
    if (value instanceof Map<?, ?> map) {
      return !map.isEmpty();
    }
    if (value instanceof byte[] bytes) {
      return bytes.length > 0;
    }
    return true;
  }

  /** What a decoded payload is, for messages: {@code a JSON list}, {@code a tagged tuple}, ... */
  static String describe(Object value) {
    if (value instanceof Tuple) {
      return "a tagged tuple";
    }
    if (value instanceof List) {
      return "a JSON list";
    }
    if (value instanceof Number) {
      return "a JSON number";
    }
    if (value instanceof String) {
      return "a JSON string";
    }
    if (value instanceof Boolean) {
      return "a JSON boolean";
    }
    if (value instanceof Markup) {
      return "a tagged markup string";
    }
    if (value instanceof byte[]) {
      return "a tagged bytes value";
    }
    if (value instanceof UUID) {
      return "a tagged UUID";
    }
    return value instanceof Temporal ? "a tagged datetime" : "a " + value.getClass().getSimpleName();
  }

  /**
   * The value as the requested type: itself if it already is one, or an integer converted between
   * Integer, Long and BigInteger when it fits.
   *
   * @throws ClassCastException naming the key and the actual type otherwise
   */
  static <T> T convert(String key, Object value, Class<T> type) {
    Class<?> boxed = box(type);
    if (value == null) {
      return null;
    }
    if (boxed.isInstance(value)) {
      @SuppressWarnings("unchecked")
      T same = (T) boxed.cast(value);
      return same;
    }
    BigInteger integer = asInteger(value);
    if (integer != null) {
      Object converted = null;
      if (boxed == BigInteger.class) {
        converted = integer;
      } else if (boxed == Long.class && integer.bitLength() < 64) {
        converted = integer.longValue();
      } else if (boxed == Integer.class && integer.bitLength() < 32) {
        converted = integer.intValue();
      }
      if (converted != null) {
        @SuppressWarnings("unchecked")
        T result = (T) converted;
        return result;
      }
    }
    throw new ClassCastException("session value '" + key + "' is a " + value.getClass().getSimpleName()
        + ", not " + (integer != null ? "representable as " : "a ") + boxed.getSimpleName());
  }

  private static BigInteger asInteger(Object value) {
    if (value instanceof BigInteger i) {
      return i;
    }
    if (value instanceof Integer || value instanceof Long) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    return null;
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == int.class) {
      return Integer.class;
    }
    if (type == long.class) {
      return Long.class;
    }
    if (type == boolean.class) {
      return Boolean.class;
    }
    if (type == double.class) {
      return Double.class;
    }
    throw new IllegalArgumentException("unsupported primitive type " + type);
  }
}
