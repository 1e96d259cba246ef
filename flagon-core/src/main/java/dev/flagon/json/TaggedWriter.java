package dev.flagon.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.UUID;

/**
 * Tags and writes in one pass, straight into one buffer, producing what Flask's
 * {@code json.dumps(serializer.tag(value), separators=(",", ":"), sort_keys=True, ensure_ascii=True)}
 * produces. Not thread-safe: one instance per call.
 */
final class TaggedWriter {
  /** Same bound as the reader, so whatever is written can be read back (Python's own is about 1000). */
  static final int MAX_DEPTH = TaggedReader.MAX_DEPTH;

  private final TagRegistry tags;
  /** Flask's tags only: no custom tag can claim a value, so common types are dispatched directly. */
  private final boolean builtinOnly;
  private final JsonBuffer out;
  private final KeyShapes shapes;
  /** The shape of the last dict recognised or learned (the next one is often its sibling). */
  private KeyShape recent;
  /**
   * The values of the dicts being written by shape, innermost last: each is collected in the same pass
   * that recognises its keys. Made on the first such dict of at least two keys.
   */
  private Object[] values;
  private int valuesTop;

  /**
   * @param shapes the serializer's recently written dict shapes
   * @param capacity the expected length of the text, so the buffer rarely has to grow and copy
   */
  TaggedWriter(TagRegistry tags, KeyShapes shapes, int capacity) {
    this.tags = tags;
    this.builtinOnly = tags.builtinOnly();
    this.shapes = shapes;
    this.out = new JsonBuffer(capacity);
  }

  String write(Object value) {
    writeValue(value, 0);
    return out.toString();
  }

  private void writeValue(Object value, int depth) {
    if (builtinOnly) {
      // The same first match as the loop below over Flask's order: no builtin tag takes a string, an
      // integer, a boolean, null or a double; a dict goes to TAG_DICT, then PASS_DICT, which takes any
      // dict; a list to TUPLE (if it is a Tuple), then PASS_LIST, which takes any list. The final classes
      // come first: none of them is a Map or a List, and testing them is one class comparison each, while
      // an interface test that fails walks the value's interfaces.
      if (value instanceof String text) {
        out.putQuoted(text);
        return;
      }
      if (value instanceof Integer number) {
        out.put((long) number.intValue());
        return;
      }
      if (value instanceof Boolean flag) {
        out.putTrueOrFalse(flag);
        return;
      }
      if (value instanceof Double number) {
        FloatRepr.append(out, number);
        return;
      }
      if (value instanceof Long number) {
        out.put(number.longValue());
        return;
      }
      if (value == null) {
        out.putNull();
        return;
      }
      if (value instanceof Map<?, ?> map) {
        if (map.size() != 1 || !writeBuiltin(BuiltinTag.TAG_DICT, value, depth)) {
          writeMap(map, depth);
        }
        return;
      }
      if (value instanceof List<?> list) { // TUPLE comes before PASS_LIST, and a Tuple is a List
        if (!(list instanceof Tuple) || !writeBuiltin(BuiltinTag.TUPLE, value, depth)) {
          writeList(list, depth);
        }
        return;
      }
    }
    writeTagged(value, depth);
  }

  /** Tries the tags in Flask's order and writes the value by the first that takes it. */
  private void writeTagged(Object value, int depth) {
    for (Object tag : tags.order()) {
      if (tag instanceof BuiltinTag builtin ? writeBuiltin(builtin, value, depth)
          : writeCustom((JsonTag<?>) tag, value, depth)) {
        return;
      }
    }
    writeUntagged(value);
  }

  private boolean writeBuiltin(BuiltinTag tag, Object value, int depth) {
    switch (tag) {
      case TAG_DICT -> {
        if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
          return false;
        }
        Map.Entry<?, ?> only = map.entrySet().iterator().next();
        if (!tags.isTagKey(only.getKey())) {
          return false;
        }
        openTag(tag.key(), depth);
        enter(depth + 1);
        out.put('{');
        out.putQuoted(only.getKey() + "__");
        out.put(':');
        writeValue(only.getValue(), depth + 2);
        out.put("}}");
      }
      case PASS_DICT -> {
        if (!(value instanceof Map<?, ?> map)) {
          return false;
        }
        writeMap(map, depth);
      }
      case TUPLE -> {
        if (!(value instanceof Tuple tuple)) {
          return false;
        }
        openTag(tag.key(), depth);
        writeList(tuple, depth + 1);
        out.put('}');
      }
      case PASS_LIST -> {
        if (!(value instanceof List<?> list)) {
          return false;
        }
        writeList(list, depth);
      }
      case BYTES -> {
        if (!(value instanceof byte[] bytes)) {
          return false;
        }
        openTag(tag.key(), depth);
        out.put('"').put(Base64.getEncoder().encodeToString(bytes)).put("\"}");
      }
      case MARKUP -> {
        if (!(value instanceof Markup markup)) {
          return false;
        }
        openTag(tag.key(), depth);
        out.putQuoted(markup.html());
        out.put('}');
      }
      case UUID -> {
        if (!(value instanceof UUID uuid)) {
          return false;
        }
        openTag(tag.key(), depth);
        out.put('"');
        appendHex(uuid.getMostSignificantBits());
        appendHex(uuid.getLeastSignificantBits());
        out.put('"').put('}');
      }
      case DATETIME -> {
        if (!PyDateTime.isDateTime(value)) {
          return false;
        }
        openTag(tag.key(), depth);
        out.put('"');
        PyDateTime.appendDateTime(out, value);
        out.put("\"}");
      }
    }
    return true;
  }

  private boolean writeCustom(JsonTag<?> tag, Object value, int depth) {
    if (!tag.check(value)) {
      return false;
    }
    Object json;
    try {
      json = convert(tag, value);
    } catch (RuntimeException e) {
      throw new TaggedJsonException(
          "the custom tag '" + tag.key() + "' failed on a value of type " + KeyOrder.typeName(value), e);
    }
    openTag(tag.key(), depth);
    writeValue(json, depth + 1); // tagged again, as documented on JsonTag
    out.put('}');
    return true;
  }

  @SuppressWarnings("unchecked")
  private static <T> Object convert(JsonTag<T> tag, Object value) {
    return tag.toJson((T) value);
  }

  /** Whether {@link #writeBuiltin}, {@link #writeCustom} or {@link #writeUntagged} takes the value itself. */
  static boolean canWrite(TagRegistry tags, Object value) {
    if (value == null || value instanceof CharSequence || value instanceof Boolean || value instanceof Map
        || value instanceof List || value instanceof byte[] || value instanceof UUID
        || PyDateTime.isDateTime(value) || value instanceof LocalDate || value instanceof BigDecimal
        || value instanceof BigInteger || value instanceof Integer || value instanceof Long
        || value instanceof Short || value instanceof Byte || value instanceof Double || value instanceof Float) {
      return true; // CharSequence covers Markup, List covers Tuple
    }
    for (Object tag : tags.order()) {
      if (tag instanceof JsonTag<?> custom && custom.check(value)) {
        return true;
      }
    }
    return false;
  }

  private void writeUntagged(Object value) {
    if (value == null) {
      out.put("null");
    } else if (value instanceof String text) {
      out.putQuoted(text);
    } else if (value instanceof Boolean flag) {
      out.put(flag ? "true" : "false");
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      out.put(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      FloatRepr.append(out, ((Number) value).doubleValue()); // Python has no float32: widen
    } else if (value instanceof BigInteger big) {
      JsonText.appendInteger(out, big);
    } else if (value instanceof CharSequence text) {
      out.putQuoted(text);
    } else if (value instanceof LocalDate date) {
      out.put('"'); // Flask's fallback for a date: an untagged HTTP date at midnight UTC
      PyDateTime.appendDate(out, date);
      out.put('"');
    } else if (value instanceof BigDecimal decimal) {
      // str(Decimal): both follow the General Decimal Arithmetic to-scientific-string rules, so
      // toString matches for every BigDecimal (Python's NaN, Infinity and -0 have no BigDecimal form).
      out.putQuoted(decimal.toString());
    } else {
      throw new TaggedJsonException("a value of type " + value.getClass().getName()
          + " cannot be written as tagged JSON");
    }
  }

  private void writeMap(Map<?, ?> map, int depth) {
    enter(depth);
    int size = map.size();
    boolean written = size == 1 ? writeOneByShape(map, depth)
        : size > 1 && size <= KeyShape.MAX_KEYS && writeByShape(map, size, depth);
    if (written) {
      return;
    }
    out.put('{');
    boolean first = true;
    if (KeyOrder.inPythonOrder(map)) {
      KeyShape learned = shapes.learn(map); // next time, these keys are recognised instead of checked
      if (learned != null) {
        recent = learned;
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) { // no copy: the map's own order is Python's
        first = writeEntry(entry, first, depth);
      }
    } else {
      for (Map.Entry<?, ?> entry : KeyOrder.sortedEntries(map)) {
        first = writeEntry(entry, first, depth);
      }
    }
    out.put('}');
  }

  /** Writes a dict of 2 to 16 keys whose shape is known; false (nothing written) if it is not. */
  private boolean writeByShape(Map<?, ?> map, int size, int depth) {
    int at = valuesTop;
    if (values == null) {
      values = new Object[Math.max(32, size)];
    } else if (at + size > values.length) {
      values = Arrays.copyOf(values, Math.max(values.length * 2, at + size));
    }
    KeyShape shape = recent;
    if (shape == null || !shape.collect(map, values, at)) {
      shape = shapes.candidate(map.keySet().iterator().next(), size);
      if (shape == null || !shape.collect(map, values, at)) {
        return false;
      }
      recent = shape;
    }
    valuesTop = at + size; // nested dicts collect above these
    for (int i = 0; i < size; i++) {
      shape.putPrefix(out, i);
      writeValue(values[at + i], depth + 1);
    }
    valuesTop = at;
    out.put('}');
    return true;
  }

  /** {@link #writeByShape} for a one-key dict, which needs no room for its values. */
  private boolean writeOneByShape(Map<?, ?> map, int depth) {
    Map.Entry<?, ?> only = map.entrySet().iterator().next();
    Object key = only.getKey();
    KeyShape shape = recent;
    if (shape == null || shape.size() != 1 || !shape.isKey(0, key)) {
      shape = shapes.candidate(key, 1); // its first key is checked, which for one key is the whole shape
      if (shape == null) {
        return false;
      }
      recent = shape;
    }
    shape.putPrefix(out, 0);
    writeValue(only.getValue(), depth + 1);
    out.put('}');
    return true;
  }

  private boolean writeEntry(Map.Entry<?, ?> entry, boolean first, int depth) {
    if (!first) {
      out.put(',');
    }
    KeyOrder.appendKey(out, entry.getKey());
    out.put(':');
    writeValue(entry.getValue(), depth + 1);
    return false;
  }

  private void writeList(List<?> list, int depth) {
    enter(depth);
    out.put('[');
    if (list instanceof RandomAccess) { // lists and tuples: no iterator and its modification checks
      for (int i = 0, n = list.size(); i < n; i++) {
        if (i > 0) {
          out.put(',');
        }
        writeValue(list.get(i), depth + 1);
      }
    } else {
      boolean first = true;
      for (Object item : list) {
        if (!first) {
          out.put(',');
        }
        first = false;
        writeValue(item, depth + 1);
      }
    }
    out.put(']');
  }

  /** Writes {@code {"<key>":} and counts the object it opens. */
  private void openTag(String key, int depth) {
    enter(depth);
    out.put('{');
    out.putQuoted(key);
    out.put(':');
  }

  /** Called for every object or array opened; depth counts the ones already open around it. */
  private static void enter(int depth) {
    if (depth >= MAX_DEPTH) {
      throw new TaggedJsonException(
          "the value is nested deeper than " + MAX_DEPTH + " JSON levels (or contains itself)");
    }
  }

  private void appendHex(long bits) {
    String hex = Long.toHexString(bits);
    for (int i = hex.length(); i < 16; i++) {
      out.put('0');
    }
    out.put(hex);
  }
}
