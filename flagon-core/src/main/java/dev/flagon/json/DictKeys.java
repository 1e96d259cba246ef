package dev.flagon.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * Dict keys as {@code json.dumps(..., sort_keys=True)} writes them: sorted in Python's order before being
 * written as strings (strings by code point, numbers numerically: {@code 2} before {@code 11}); keys Python
 * cannot compare fail the save, as its {@code TypeError} does.
 *
 * <p>An instance is the serializer's table of recently written dict {@link Shape}s (speed-only, kept:
 * docs/architecture.md): two possible slots per shape, by its first key's hash and its size. Lock-free: a
 * shape is immutable behind final fields, so a racing thread sees none or a whole one. Bounded: 128 shapes
 * of 16 keys of 32 characters.
 */
final class DictKeys {
  static final int MAX_KEYS = 16;
  static final int MAX_KEY_LENGTH = 32;
  private static final int SLOTS = 128;

  private final Shape[] slots = new Shape[SLOTS];

  /** A known shape of this size whose first key equals {@code firstKey} (its other keys unchecked), or null. */
  Shape candidate(Object firstKey, int size) {
    if (!(firstKey instanceof String text)) {
      return null;
    }
    int slot = slot(text, size);
    Shape shape = slots[slot];
    if (shape != null && shape.keys.length == size && shape.isKey(0, text)) {
      return shape;
    }
    shape = slots[slot ^ 1];
    return shape != null && shape.keys.length == size && shape.isKey(0, text) ? shape : null;
  }

  /** Keeps the keys of a dict that {@link #inPythonOrder} accepted; null if too many or too long. */
  Shape learn(Map<?, ?> map) {
    int size = map.size();
    if (size == 0 || size > MAX_KEYS) {
      return null;
    }
    String[] keys = new String[size];
    int[] ends = new int[size];
    JsonBuffer written = new JsonBuffer(size * 12);
    int i = 0;
    for (Object key : map.keySet()) {
      if (i == size || !(key instanceof String text) || text.length() > MAX_KEY_LENGTH) {
        return null; // too long to keep, or the map changed under us (the general path copes with that)
      }
      written.put(i == 0 ? '{' : ',').putQuoted(text).put(':');
      keys[i] = text;
      ends[i++] = written.length();
    }
    if (i != size) {
      return null;
    }
    Shape shape = new Shape(keys, written.copyOfRange(0), ends);
    int slot = slot(keys[0], size);
    if (slots[slot] != null) {
      slots[slot ^ 1] = slots[slot];
    }
    slots[slot] = shape;
    return shape;
  }

  private static int slot(String firstKey, int size) {
    int hash = firstKey.hashCode() * 31 + size;
    hash ^= hash >>> 16;
    return (hash * 0x9e3779b9 >>> 24) & (SLOTS - 1);
  }

  /**
   * The string keys of a dict in Python's order with their written form: sessions repeat dicts (a cart's
   * lines, the login keys), and recognising keys costs less than sorting and escaping them again.
   *
   * @param prefixes what goes before each value, one after the other: {@code {"k0":}, then {@code ,"ki":}
   *     ending at {@code ends[i]}
   */
  record Shape(String[] keys, byte[] prefixes, int[] ends) {
    /** Whether the key equals the i-th key (usually the same string). */
    boolean isKey(int i, Object key) {
      return key == keys[i] || keys[i].equals(key);
    }

    /** Whether the map has exactly these keys in this order; then its values are in values[at...]. */
    boolean collect(Map<?, ?> map, Object[] values, int at) {
      if (map.size() != keys.length) {
        return false;
      }
      int i = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (i == keys.length || !isKey(i, entry.getKey())) {
          return false;
        }
        values[at + i++] = entry.getValue();
      }
      return i == keys.length;
    }

    /** Writes the brace or comma, the i-th key and its colon. */
    void putPrefix(JsonBuffer out, int i) {
      int start = i == 0 ? 0 : ends[i - 1];
      out.put(prefixes, start, ends[i] - start);
    }
  }

  /** The map's entries in the order Python writes them. */
  static Map.Entry<?, ?>[] sortedEntries(Map<?, ?> map) {
    Map.Entry<?, ?>[] entries = map.entrySet().toArray(new Map.Entry<?, ?>[0]);
    if (entries.length < 2) {
      return entries; // Python compares nothing, so even a lone None key is fine
    }
    Object first = entries[0].getKey();
    int kind = kind(first);
    for (Map.Entry<?, ?> entry : entries) {
      if (kind(entry.getKey()) != kind) {
        throw new TaggedJsonException("dict keys of types " + typeName(first) + " and "
            + typeName(entry.getKey()) + " cannot be sorted together");
      }
    }
    if (kind > 1) {
      throw new TaggedJsonException("dict keys of type " + typeName(first) + " cannot be sorted");
    }
    Comparator<Object> order = kind == 0
        ? (a, b) -> compareCodePoints((CharSequence) a, (CharSequence) b) : DictKeys::compareNumbers;
    Arrays.sort(entries, (a, b) -> order.compare(a.getKey(), b.getKey()));
    for (int i = 1; i < entries.length; i++) {
      if (order.compare(entries[i - 1].getKey(), entries[i].getKey()) == 0) {
        throw new TaggedJsonException("two dict keys are equal as Python values ("
            + typeName(entries[i - 1].getKey()) + ", " + typeName(entries[i].getKey()) + ")");
      }
    }
    return entries;
  }

  /** Whether the keys are strings in strictly ascending order, so the map can be written as it iterates. */
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
  static void putKey(JsonBuffer out, Object key) {
    if (key instanceof CharSequence text) {
      out.putQuoted(text);
    } else if (key == null || key instanceof Boolean) {
      out.put(key == null ? "\"null\"" : (Boolean) key ? "\"true\"" : "\"false\"");
    } else if (key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof Byte) {
      out.put('"').put(((Number) key).longValue()).put('"');
    } else if (key instanceof BigInteger big) {
      out.put('"').put(JsonBuffer.integerText(big)).put('"');
    } else if (key instanceof Double || key instanceof Float) {
      out.put('"').putFloat(((Number) key).doubleValue()).put('"');
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
        // Step back onto a shared high surrogate (it always starts a code point, paired or lone), then compare
        // whole code points: after a lone one the next may still be equal (U+D800 '>' < U+D800 U+D800 U+DEC6).
        for (int at = i > 0 && Character.isHighSurrogate(a.charAt(i - 1)) ? i - 1 : i;
            at < a.length() && at < b.length(); ) {
          int p = Character.codePointAt(a, at);
          int q = Character.codePointAt(b, at);
          if (p != q) {
            return Integer.compare(p, q);
          }
          at += Character.charCount(p);
        }
        break; // one is a prefix of the other in code points
      }
    }
    return a.length() - b.length();
  }

  /** 0 for strings, 1 for numbers (bool, int, float: mutually comparable), 2 for None, 3 for the rest. */
  private static int kind(Object key) {
    return key instanceof CharSequence ? 0 : key == null ? 2 : key instanceof Boolean || key instanceof Integer
        || key instanceof Long || key instanceof Short || key instanceof Byte || key instanceof BigInteger
        || key instanceof Double || key instanceof Float ? 1 : 3;
  }

  /**
   * Python compares bool, int and float exactly by value (True == 1, 2**64 < 1.9e19 is exact), and an
   * infinity by its sign (0 stands in for a non-float); a NaN is refused (Python's order is then arbitrary).
   */
  private static int compareNumbers(Object a, Object b) {
    double x = a instanceof Double || a instanceof Float ? ((Number) a).doubleValue() : 0;
    double y = b instanceof Double || b instanceof Float ? ((Number) b).doubleValue() : 0;
    if (Double.isNaN(x) || Double.isNaN(y)) {
      throw new TaggedJsonException("a NaN dict key cannot be sorted like Python does");
    }
    return Double.isInfinite(x) || Double.isInfinite(y) ? Double.compare(x, y) : exact(a).compareTo(exact(b));
  }

  private static BigDecimal exact(Object n) {
    if (n instanceof Boolean flag) {
      return flag ? BigDecimal.ONE : BigDecimal.ZERO;
    } else if (n instanceof BigInteger big) {
      return new BigDecimal(big);
    }
    return n instanceof Double || n instanceof Float ? new BigDecimal(((Number) n).doubleValue())
        : BigDecimal.valueOf(((Number) n).longValue());
  }

  static String typeName(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
