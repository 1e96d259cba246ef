package dev.flagon.json;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
  /** Flask's tags only: no custom tag can claim a value. */
  private final boolean builtinOnly;
  private final JsonBuffer out;
  private final KeyShapes shapes;
  /** The shape of the last dict recognised or learned (the next one is often its sibling). */
  private KeyShape recent;
  /** The values of the dicts being written by shape, innermost last, collected as their keys are matched. */
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
      // Speed-only, kept (docs/architecture.md): the first match of writeTagged's loop over Flask's
      // order, for the common types; final classes first (one class comparison each).
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
    JsonText.writeUntagged(out, value);
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
        out.putQuoted(markup.html()).put('}');
      }
      case UUID -> {
        if (!(value instanceof UUID uuid)) {
          return false;
        }
        openTag(tag.key(), depth);
        out.put('"').put(uuid.toString().replace("-", "")).put("\"}"); // Python's uuid.hex
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

  /** {@link #writeByShape} for one key, with no values array: speed-only, kept (docs/architecture.md). */
  private boolean writeOneByShape(Map<?, ?> map, int depth) {
    Map.Entry<?, ?> only = map.entrySet().iterator().next();
    KeyShape shape = recent;
    if (shape == null || shape.size() != 1 || !shape.isKey(0, only.getKey())) {
      shape = shapes.candidate(only.getKey(), 1); // its first key checked: for one key, the whole shape
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
    boolean first = true;
    for (Object item : list) {
      if (!first) {
        out.put(',');
      }
      first = false;
      writeValue(item, depth + 1);
    }
    out.put(']');
  }

  /** Writes {@code {"<key>":} and counts the object it opens. */
  private void openTag(String key, int depth) {
    enter(depth);
    out.put('{').putQuoted(key).put(':');
  }

  /** Called for every object or array opened; depth counts the ones already open around it. */
  private static void enter(int depth) {
    if (depth >= MAX_DEPTH) {
      throw new TaggedJsonException(
          "the value is nested deeper than " + MAX_DEPTH + " JSON levels (or contains itself)");
    }
  }
}
