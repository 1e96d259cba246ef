package dev.flagon.json;

import java.util.Map;

/**
 * The string keys of a dict, known to be in Python's order, with their written form: sessions repeat the
 * same dicts (a cart's items, a user's preferences) within a dump and from one request to the next, and
 * recognising the keys costs less than checking their order and escaping them again. Immutable.
 */
final class KeyShape {
  /** Shapes are for the small dicts that repeat; larger ones take the general path. */
  static final int MAX_KEYS = 16;
  /** Bounds what a shared table of shapes can hold on to. */
  static final int MAX_KEY_LENGTH = 32;

  private final String[] keys;
  /**
   * What goes before each value, one after the other: {@code {"k0":} for the first key, {@code ,"ki":} for
   * the others; the i-th ends at {@code ends[i]}.
   */
  private final byte[] prefixes;
  private final int[] ends;

  private KeyShape(String[] keys, byte[] prefixes, int[] ends) {
    this.keys = keys;
    this.prefixes = prefixes;
    this.ends = ends;
  }

  /**
   * The shape of a non-empty dict whose keys {@link KeyOrder#inPythonOrder} accepted (all strings, strictly
   * ascending), or null if it is too large for one.
   */
  static KeyShape of(Map<?, ?> map) {
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
      ends[i] = written.length();
      i++;
    }
    return i == size ? new KeyShape(keys, written.copyOfRange(0), ends) : null;
  }

  int size() {
    return keys.length;
  }

  String key(int i) {
    return keys[i];
  }

  /** Whether the key is the i-th key of this shape: the same string, or an equal one. */
  boolean isKey(int i, Object key) {
    String expected = keys[i];
    return key == expected || expected.equals(key);
  }

  /**
   * Whether the map has exactly these keys in this order; if so, its values are in {@code values} from
   * {@code at} on, taken in the same pass as the keys (so they are the values of the keys checked).
   */
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

  /** Writes what goes before the i-th value: the opening brace or a comma, and the key with its colon. */
  void putPrefix(JsonBuffer out, int i) {
    int start = i == 0 ? 0 : ends[i - 1];
    out.put(prefixes, start, ends[i] - start);
  }
}
