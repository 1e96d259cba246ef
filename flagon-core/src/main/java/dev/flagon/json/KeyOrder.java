package dev.flagon.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * {@code sort_keys=True}: Python sorts the keys with their own order first and only then writes them as
 * strings, so string keys sort by code point and number keys numerically ({@code 2} before {@code 11}).
 * Keys Python could not compare with each other fail the save, as Python's {@code TypeError} does.
 */
final class KeyOrder {
  private KeyOrder() {}

  private static final Comparator<Object> NUMERIC_ORDER = KeyOrder::compareNumbers;

  private enum Kind { TEXT, NUMBER, NONE, OTHER }

  /** The map's entries in the order Python writes them. */
  static Map.Entry<?, ?>[] sortedEntries(Map<?, ?> map) {
    Map.Entry<?, ?>[] entries = map.entrySet().toArray(new Map.Entry<?, ?>[0]);
    if (entries.length < 2) {
      return entries; // Python does not compare anything, so even a lone None key is fine
    }
    Kind kind = kindOf(entries[0].getKey());
    for (Map.Entry<?, ?> entry : entries) {
      Kind other = kindOf(entry.getKey());
      if (other != kind) {
        throw new TaggedJsonException(
            "dict keys of types " + typeName(entries[0].getKey()) + " and " + typeName(entry.getKey())
                + " cannot be sorted together");
      }
    }
    Comparator<Object> order =
        switch (kind) {
          case TEXT -> (a, b) -> compareCodePoints((CharSequence) a, (CharSequence) b);
          case NUMBER -> NUMERIC_ORDER;
          default -> throw new TaggedJsonException(
              "dict keys of type " + typeName(entries[0].getKey()) + " cannot be sorted");
        };
    Arrays.sort(entries, (a, b) -> order.compare(a.getKey(), b.getKey()));
    for (int i = 1; i < entries.length; i++) {
      if (order.compare(entries[i - 1].getKey(), entries[i].getKey()) == 0) {
        throw new TaggedJsonException(
            "two dict keys are equal as Python values (" + typeName(entries[i - 1].getKey()) + ", "
                + typeName(entries[i].getKey()) + ")");
      }
    }
    return entries;
  }

  /**
   * Whether every key is a {@code String} and each sorts strictly after the one before it, so the map can
   * be written in its own order (e.g. a dict read back from a cookie: Flask wrote it sorted). Strictly
   * ascending also rules out keys that are equal as Python values.
   */
  static boolean inPythonOrder(Map<?, ?> map) {
    String previous = null;
    for (Object key : map.keySet()) {
      if (!(key instanceof String text) || (previous != null && compareCodePoints(previous, text) >= 0)) {
        return false;
      }
      previous = text;
    }
    return true;
  }

  /** Writes a key as the string Python's encoder makes of it. */
  static void appendKey(JsonBuffer out, Object key) {
    if (key instanceof CharSequence text) {
      out.putQuoted(text);
    } else if (key == null) {
      out.put("\"null\"");
    } else if (key instanceof Boolean flag) {
      out.put(flag ? "\"true\"" : "\"false\"");
    } else if (key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof Byte) {
      out.put('"').put(((Number) key).longValue()).put('"');
    } else if (key instanceof BigInteger big) {
      out.put('"').put(JsonText.integerText(big)).put('"');
    } else if (key instanceof Double || key instanceof Float) {
      out.put('"');
      FloatRepr.append(out, ((Number) key).doubleValue());
      out.put('"');
    } else {
      throw new TaggedJsonException("dict keys must be str, int, float, bool or None, not " + typeName(key));
    }
  }

  /** Python's string order. UTF-16 order is wrong past the BMP: U+FB01 sorts before U+1F642 (a pair). */
  static int compareCodePoints(CharSequence a, CharSequence b) {
    int shorter = Math.min(a.length(), b.length());
    for (int i = 0; i < shorter; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (!Character.isSurrogate(x) && !Character.isSurrogate(y)) {
          return x - y;
        }
        // Step back onto a shared high surrogate so that pairs compare as whole code points.
        int at = i > 0 && Character.isHighSurrogate(a.charAt(i - 1)) ? i - 1 : i;
        return Integer.compare(Character.codePointAt(a, at), Character.codePointAt(b, at));
      }
    }
    return a.length() - b.length();
  }

  private static Kind kindOf(Object key) {
    if (key instanceof CharSequence) {
      return Kind.TEXT;
    }
    if (key == null) {
      return Kind.NONE;
    }
    if (key instanceof Boolean || isIntegral(key) || key instanceof Double || key instanceof Float) {
      return Kind.NUMBER;
    }
    return Kind.OTHER;
  }

  private static boolean isIntegral(Object key) {
    return key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof Byte
        || key instanceof BigInteger;
  }

  /** Python compares bool, int and float exactly by value (True == 1, 2**64 < 1.9e19 is exact). */
  private static int compareNumbers(Object a, Object b) {
    boolean aFloat = a instanceof Double || a instanceof Float;
    boolean bFloat = b instanceof Double || b instanceof Float;
    if (!aFloat && !bFloat) {
      return integral(a).compareTo(integral(b));
    }
    double x = aFloat ? ((Number) a).doubleValue() : 0;
    double y = bFloat ? ((Number) b).doubleValue() : 0;
    if (Double.isNaN(x) || Double.isNaN(y)) {
      // Python's sort gives an arbitrary order with NaN (every comparison is False); refuse instead.
      throw new TaggedJsonException("a NaN dict key cannot be sorted like Python does");
    }
    if (Double.isInfinite(x)) {
      return bFloat && x == y ? 0 : (x > 0 ? 1 : -1);
    }
    if (Double.isInfinite(y)) {
      return y > 0 ? -1 : 1;
    }
    return exact(a).compareTo(exact(b));
  }

  private static BigInteger integral(Object n) {
    if (n instanceof Boolean flag) {
      return flag ? BigInteger.ONE : BigInteger.ZERO;
    }
    return n instanceof BigInteger big ? big : BigInteger.valueOf(((Number) n).longValue());
  }

  private static BigDecimal exact(Object n) {
    if (n instanceof Double || n instanceof Float) {
      return new BigDecimal(((Number) n).doubleValue());
    }
    return new BigDecimal(integral(n));
  }

  static String typeName(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
