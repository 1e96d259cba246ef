package dev.flagon.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code to_python} side of Flask's tags. The inner value is already untagged and may be anything a
 * validly signed cookie holds, so each conversion accepts what Python's accepts (a tuple of a string is its
 * characters) and fails where Python raises.
 */
final class BuiltinTagReader {
  /** Every one-character Latin-1 string, shared by the tuples made of strings (Flask's {@code tuple("abc")}). */
  private static final String[] LATIN1_CHARACTERS = new String[256];
  /** The values of a byte, shared by the tuples made of bytes ({@code Integer.valueOf} caches only up to 127). */
  private static final Integer[] BYTE_VALUES = new Integer[256];

  static {
    for (int i = 0; i < 256; i++) {
      LATIN1_CHARACTERS[i] = String.valueOf((char) i);
      BYTE_VALUES[i] = i;
    }
  }

  private BuiltinTagReader() {}

  /**
   * What converting this value costs a read's budget beyond the result itself, in values: a tuple of a
   * string or of bytes makes one item per character or byte (a tuple of a list or dict holds values already
   * read), and parsing a datetime or a UUID allocates as much as about 20 and 10 values do (measured: at
   * most 3.5 and 1.6 KiB for the text alone; a long text also costs per character, as any string does).
   */
  static int extraCost(BuiltinTag tag, Object json) {
    return switch (tag) {
      case TUPLE -> json instanceof CharSequence text ? text.length() // at least its code points
          : json instanceof byte[] bytes ? bytes.length : 0;
      case DATETIME -> DATETIME_COST;
      case UUID -> UUID_COST;
      default -> 0;
    };
  }

  private static final int DATETIME_COST = 20;
  private static final int UUID_COST = 10;

  static Object fromJson(BuiltinTag tag, Object json) {
    return switch (tag) {
      case TAG_DICT -> dict(json);
      case TUPLE -> tuple(json);
      case BYTES -> bytes(json);
      case MARKUP -> markup(json);
      case UUID -> uuid(json);
      case DATETIME -> dateTime(json);
      default -> throw new IllegalStateException("no key for " + tag);
    };
  }

  /** {@code {" di": {"k__": v}}} → {@code {"k": v}}: the first inner key loses its last two characters. */
  private static Object dict(Object json) {
    if (!(json instanceof Map<?, ?> inner) || inner.isEmpty()) {
      throw wrongType(BuiltinTag.TAG_DICT, json);
    }
    Map.Entry<?, ?> first = inner.entrySet().iterator().next();
    String key = (String) first.getKey(); // keys read from JSON are always strings
    int codePoints = key.codePointCount(0, key.length());
    String shortened = codePoints <= 2 ? "" : key.substring(0, key.offsetByCodePoints(0, codePoints - 2));
    Map<String, Object> result = new LinkedHashMap<>(2);
    result.put(shortened, first.getValue());
    return result;
  }

  /** Python's {@code tuple(value)}: items of a list, characters of a string, keys of a dict, byte values. */
  private static Object tuple(Object json) {
    if (json instanceof Tuple tuple) {
      return tuple;
    }
    if (json instanceof List<?> list) {
      return Tuple.copyOf(list);
    }
    if (json instanceof CharSequence text) {
      return characters(text.toString());
    }
    if (json instanceof Map<?, ?> map) {
      return Tuple.copyOf(new ArrayList<>(map.keySet()));
    }
    if (json instanceof byte[] bytes) {
      Object[] values = new Object[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        values[i] = BYTE_VALUES[bytes[i] & 0xff];
      }
      return Tuple.adopting(values);
    }
    throw wrongType(BuiltinTag.TUPLE, json);
  }

  /** The code points of a string, each as a string: Latin-1 ones shared, one array and no list between. */
  private static Tuple characters(String text) {
    Object[] items = new Object[text.codePointCount(0, text.length())];
    for (int i = 0, k = 0; k < items.length; k++) {
      int c = text.codePointAt(i);
      items[k] = c < LATIN1_CHARACTERS.length ? LATIN1_CHARACTERS[c] : Character.toString(c);
      i += Character.charCount(c);
    }
    return Tuple.adopting(items);
  }

  private static Object bytes(Object json) {
    if (json instanceof CharSequence text) {
      return PyBase64.decode(text);
    }
    if (json instanceof byte[] ascii) {
      return PyBase64.decode(ascii);
    }
    throw wrongType(BuiltinTag.BYTES, json);
  }

  /**
   * {@code Markup(value)} is {@code str(value)}. Scalars follow Python's {@code str}; containers, bytes
   * and datetimes, whose {@code str} is a Python repr, are refused (Flask never writes them).
   */
  private static Object markup(Object json) {
    if (json instanceof Markup markup) {
      return markup;
    }
    if (json instanceof CharSequence text) {
      return Markup.of(text.toString());
    }
    if (json == null) {
      return Markup.of("None");
    }
    if (json instanceof Boolean flag) {
      return Markup.of(flag ? "True" : "False");
    }
    if (json instanceof Integer || json instanceof Long || json instanceof BigInteger
        || json instanceof UUID) {
      return Markup.of(json.toString());
    }
    if (json instanceof Double number) {
      double value = number;
      return Markup.of(Double.isNaN(value) ? "nan" : Double.isInfinite(value)
          ? (value > 0 ? "inf" : "-inf") : FloatRepr.repr(value));
    }
    throw wrongType(BuiltinTag.MARKUP, json);
  }

  private static Object uuid(Object json) {
    if (json instanceof CharSequence text) {
      return PyUuid.parse(text.toString());
    }
    throw wrongType(BuiltinTag.UUID, json);
  }

  /**
   * Werkzeug's {@code parse_date}: strings are parsed (null if unparseable); Python's parser returns None
   * early for any false value and fails on bytes in a way Werkzeug catches, so those give null too.
   */
  private static Object dateTime(Object json) {
    if (json instanceof CharSequence text) {
      return HttpDateParser.parse(text.toString());
    }
    if (json instanceof byte[] || isFalsy(json)) {
      return null;
    }
    throw wrongType(BuiltinTag.DATETIME, json);
  }

  private static boolean isFalsy(Object value) {
    if (value == null || Boolean.FALSE.equals(value)) {
      return true;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue() == 0;
    }
    if (value instanceof BigInteger big) {
      return big.signum() == 0;
    }
    if (value instanceof Double number) {
      return number == 0.0;
    }
    if (value instanceof List<?> list) {
      return list.isEmpty();
    }
    return value instanceof Map<?, ?> map && map.isEmpty();
  }

  private static TaggedJsonException wrongType(BuiltinTag tag, Object json) {
    return new TaggedJsonException(
        "the '" + tag.key() + "' tag cannot hold a value of type " + KeyOrder.typeName(json));
  }
}
