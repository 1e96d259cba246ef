package dev.flagon;

import dev.flagon.codec.BadPayloadException;
import dev.flagon.json.Markup;
import dev.flagon.json.TaggedJson;
import dev.flagon.json.TaggedJsonException;
import dev.flagon.json.Tuple;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Session values as Python sees them: reading a session from verified tagged JSON, checking a value as it
 * is stored (shallow, so every write stays cheap), naming the nested value to blame when a save fails,
 * truthiness, and the integer conversions of typed gets.
 */
final class SessionValues {
  private static final int MAX_KEY_SHOWN = 64; // a message stays short whatever the data
  private static final int MAX_DEPTH = 512; // as deep as the writer goes

  private SessionValues() {}

  /**
   * The session in a verified payload, read within a budget proportional to the cookie's length: a JSON
   * object, or an empty map for {@code null}. A custom tag may return a map with any keys: refused.
   *
   * @throws BadPayloadException if it is not valid tagged JSON or not a session
   */
  static Map<String, Object> load(TaggedJson json, String payload, int sourceLength) {
    Object value;
    try {
      value = json.loads(payload, sourceLength);
    } catch (TaggedJsonException e) {
      throw new BadPayloadException("the signed payload is not valid tagged JSON: " + e.getMessage(), e);
    }
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new BadPayloadException("the signed payload is not a session: " + describe(value));
    }
    if (json != TaggedJson.standard() && !map.keySet().stream().allMatch(String.class::isInstance)) {
      throw new BadPayloadException("the signed payload is not a session: a key is not a string");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) map;
    return data;
  }

  private static String describe(Object value) {
    return value instanceof Tuple ? "a tagged tuple"
        : value instanceof List ? "a JSON list"
        : value instanceof Number ? "a JSON number"
        : value instanceof String ? "a JSON string"
        : value instanceof Boolean ? "a JSON boolean"
        : value instanceof Markup ? "a tagged markup string"
        : value instanceof byte[] ? "a tagged bytes value"
        : value instanceof UUID ? "a tagged UUID"
        : value instanceof Temporal ? "a tagged datetime" : "a " + value.getClass().getSimpleName();
  }

  /**
   * The session's tagged JSON text.
   *
   * @throws UnsupportedValueException naming the key path of the first value the serializer cannot write
   * @throws TaggedJsonException if it fails otherwise (mixed key types, too many digits, too deep)
   */
  static String dump(TaggedJson json, Map<String, Object> data) {
    try {
      return json.dumps(data);
    } catch (TaggedJsonException e) {
      for (Map.Entry<String, Object> entry : data.entrySet()) {
        RuntimeException found = find(json, repr(entry.getKey()), entry.getValue(), e, 0);
        if (found != null) {
          throw found;
        }
      }
      throw e;
    }
  }

  /** @throws UnsupportedValueException if the serializer cannot write a value of this kind */
  static void check(TaggedJson json, String key, Object value) {
    if (!json.canWrite(value)) {
      throw new UnsupportedValueException(repr(key), value.getClass(), null);
    }
  }

  private static RuntimeException find(TaggedJson json, String path, Object value, Throwable cause, int depth) {
    if (!json.canWrite(value)) {
      return new UnsupportedValueException(path, value.getClass(), cause);
    }
    RuntimeException found = null;
    if (depth < MAX_DEPTH && value instanceof List<?> list) {
      for (int i = 0; i < list.size() && found == null; i++) {
        found = find(json, path + "[" + i + "]", list.get(i), cause, depth + 1);
      }
    } else if (depth < MAX_DEPTH && value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        found = found != null ? found
            : find(json, path + "[" + repr(entry.getKey()) + "]", entry.getValue(), cause, depth + 1);
      }
    }
    return found;
  }

  /** A key as Python's {@code repr} shows it, cut after {@value #MAX_KEY_SHOWN} characters. */
  private static String repr(Object key) {
    if (!(key instanceof CharSequence)) {
      return key == null ? "None" : key instanceof Boolean flag ? (flag ? "True" : "False") : key.toString();
    }
    String text = key.toString();
    StringBuilder out = new StringBuilder("'");
    for (char c : text.substring(0, Math.min(text.length(), MAX_KEY_SHOWN)).toCharArray()) {
      switch (c) {
        case '\'', '\\' -> out.append('\\').append(c);
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
      }
    }
    return out.append(text.length() > MAX_KEY_SHOWN ? "...'" : "'").toString();
  }

  /** Python's {@code bool(value)}: false for None, False, zero, and empty text, bytes and collections. */
  static boolean isTruthy(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return d != 0.0 || Double.isNaN(d); // NaN is truthy in Python, -0.0 falsy
    }
    return value instanceof Boolean flag ? flag
        : value instanceof BigInteger integer ? integer.signum() != 0
        : value instanceof BigDecimal decimal ? decimal.signum() != 0
        : value instanceof Number number ? number.longValue() != 0
        : value instanceof CharSequence text ? text.length() > 0
        : value instanceof Collection<?> collection ? !collection.isEmpty()
        : value instanceof Map<?, ?> map ? !map.isEmpty()
        : value instanceof byte[] bytes ? bytes.length > 0 : value != null;
  }

  /**
   * The value as the requested type: itself if it is one, or an integer converted between Integer, Long
   * and BigInteger when it fits. @throws ClassCastException naming the key and the actual type otherwise
   */
  static <T> T convert(String key, Object value, Class<T> type) {
    @SuppressWarnings("unchecked")
    Class<T> boxed = (Class<T>) MethodType.methodType(type).wrap().returnType();
    if (value == null || boxed.isInstance(value)) {
      return boxed.cast(value);
    }
    BigInteger integer = value instanceof BigInteger i ? i
        : value instanceof Integer || value instanceof Long ? BigInteger.valueOf(((Number) value).longValue())
        : null;
    Object converted = integer == null ? null
        : boxed == BigInteger.class ? integer
        : boxed == Long.class && integer.bitLength() < 64 ? (Object) integer.longValue()
        : boxed == Integer.class && integer.bitLength() < 32 ? (Object) integer.intValue() : null;
    if (converted == null) {
      throw new ClassCastException("session value '" + key + "' is a " + value.getClass().getSimpleName()
          + ", not " + (integer != null ? "representable as " : "a ") + boxed.getSimpleName());
    }
    return boxed.cast(converted);
  }
}
