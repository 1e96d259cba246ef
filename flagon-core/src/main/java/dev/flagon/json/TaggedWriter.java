package dev.flagon.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Flask's {@code json.dumps(serializer.tag(value), separators=(",", ":"), sort_keys=True,
 * ensure_ascii=True)}, tagging and writing in one pass into one buffer. Not thread-safe: one per call.
 */
final class TaggedWriter {
  private final TaggedJson tags;
  private final JsonBuffer out;
  private final DictKeys shapes;
  /** The shape of the last dict recognised or learned (the next one is often its sibling). */
  private DictKeys.Shape recent;
  /** The values of the dicts being written by shape, innermost last. */
  private Object[] values;
  private int valuesTop;

  /** @param capacity the expected length of the text, so the buffer rarely has to grow and copy */
  TaggedWriter(TaggedJson tags, DictKeys shapes, int capacity) {
    this.tags = tags;
    this.shapes = shapes;
    this.out = new JsonBuffer(capacity);
  }

  String write(Object value) {
    writeValue(value, 0);
    return out.toString();
  }

  private void writeValue(Object value, int depth) {
    if (tags.builtinOnly) {
      // Speed-only, kept (docs/architecture.md): the first match of writeTagged's loop over Flask's
      // order, for the common types; final classes first (one class comparison each).
      if (value instanceof String text) {
        out.putQuoted(text);
        return;
      }
      if (value instanceof Integer || value instanceof Long) {
        out.put(((Number) value).longValue());
        return;
      }
      if (value instanceof Boolean flag) {
        out.put(flag ? "true" : "false");
        return;
      }
      if (value instanceof Double number) {
        out.putFloat(number);
        return;
      }
      if (value == null) {
        out.put("null");
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

  /** Writes the value by the first tag in Flask's order that takes it. */
  private void writeTagged(Object value, int depth) {
    for (Object tag : tags.order) {
      if (tag instanceof BuiltinTag builtin ? writeBuiltin(builtin, value, depth)
          : writeCustom((JsonTag<?>) tag, value, depth)) {
        return;
      }
    }
    writeUntagged(value);
  }

  /** A value no tag took: JSON's own types, and Flask's fallbacks for dates and decimals. */
  private void writeUntagged(Object value) {
    if (value == null || value instanceof Boolean) {
      out.put(value == null ? "null" : (Boolean) value ? "true" : "false");
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      out.put(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      out.putFloat(((Number) value).doubleValue()); // Python has no float32: widen
    } else if (value instanceof BigInteger big) {
      out.put(JsonBuffer.integerText(big));
    } else if (value instanceof CharSequence text) {
      out.putQuoted(text);
    } else if (value instanceof LocalDate date) {
      out.putHttpDate(date.toEpochDay() * 86_400); // Flask's fallback: an untagged date at midnight UTC
    } else if (value instanceof BigDecimal decimal) {
      // str(Decimal) is toString: both are GDA's to-scientific-string (NaN, Infinity, -0 have no BigDecimal)
      out.putQuoted(decimal.toString());
    } else {
      throw new TaggedJsonException("a value of type " + value.getClass().getName()
          + " cannot be written as tagged JSON");
    }
  }

  /** A Python datetime's UTC epoch second (naive is UTC, sub-seconds dropped as by http_date), else null. */
  static Long epochSecond(Object value) {
    return value instanceof OffsetDateTime time ? (Long) time.toEpochSecond()
        : value instanceof ZonedDateTime time ? (Long) time.toEpochSecond()
        : value instanceof LocalDateTime time ? (Long) time.toEpochSecond(ZoneOffset.UTC)
        : value instanceof Instant time ? (Long) time.getEpochSecond() : null;
  }

  private boolean writeBuiltin(BuiltinTag tag, Object value, int depth) {
    switch (tag) {
      case TAG_DICT -> {
        if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
          return false;
        }
        Map.Entry<?, ?> only = map.entrySet().iterator().next();
        if (!(only.getKey() instanceof CharSequence key) || tags.tagFor(key.toString()) == null) {
          return false;
        }
        openTag(tag.key, depth);
        enter(depth + 1);
        out.put('{').putQuoted(only.getKey() + "__").put(':');
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
        openTag(tag.key, depth);
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
        openTag(tag.key, depth).put('"').put(Base64.getEncoder().encodeToString(bytes)).put("\"}");
      }
      case MARKUP -> {
        if (!(value instanceof Markup markup)) {
          return false;
        }
        openTag(tag.key, depth).putQuoted(markup.html()).put('}');
      }
      case UUID -> {
        if (!(value instanceof UUID uuid)) {
          return false;
        }
        openTag(tag.key, depth).put('"').put(uuid.toString().replace("-", "")).put("\"}"); // uuid.hex
      }
      case DATETIME -> {
        Long second = epochSecond(value);
        if (second == null) {
          return false;
        }
        openTag(tag.key, depth).putHttpDate(second).put('}');
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private boolean writeCustom(JsonTag<?> tag, Object value, int depth) {
    if (!tag.check(value)) {
      return false;
    }
    Object json;
    try {
      json = ((JsonTag<Object>) tag).toJson(value);
    } catch (RuntimeException e) {
      throw new TaggedJsonException(
          "the custom tag '" + tag.key() + "' failed on a value of type " + DictKeys.typeName(value), e);
    }
    openTag(tag.key(), depth);
    writeValue(json, depth + 1); // tagged again, as documented on JsonTag
    out.put('}');
    return true;
  }

  private void writeMap(Map<?, ?> map, int depth) {
    enter(depth);
    int size = map.size();
    boolean written = size == 1 ? writeOneByShape(map, depth)
        : size > 1 && size <= DictKeys.MAX_KEYS && writeByShape(map, size, depth);
    if (written) {
      return;
    }
    boolean ordered = DictKeys.inPythonOrder(map); // then no copy: the map's own order is Python's
    if (ordered) {
      DictKeys.Shape learned = shapes.learn(map); // next time, these keys are recognised instead of checked
      recent = learned != null ? learned : recent;
    }
    char separator = '{';
    for (Map.Entry<?, ?> entry : ordered ? map.entrySet() : Arrays.asList(DictKeys.sortedEntries(map))) {
      DictKeys.putKey(out.put(separator), entry.getKey());
      out.put(':');
      writeValue(entry.getValue(), depth + 1);
      separator = ',';
    }
    out.put(separator == '{' ? "{}" : "}");
  }

  /** {@link #writeByShape} for one key, with no values array: speed-only, kept (docs/architecture.md). */
  private boolean writeOneByShape(Map<?, ?> map, int depth) {
    Map.Entry<?, ?> only = map.entrySet().iterator().next();
    DictKeys.Shape shape = recent;
    if (shape == null || shape.keys().length != 1 || !shape.isKey(0, only.getKey())) {
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
    DictKeys.Shape shape = recent;
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

  private void writeList(List<?> list, int depth) {
    enter(depth);
    char separator = '[';
    for (Object item : list) {
      out.put(separator);
      writeValue(item, depth + 1);
      separator = ',';
    }
    out.put(separator == '[' ? "[]" : "]");
  }

  /** Writes {@code {"<key>":} and counts the object it opens. */
  private JsonBuffer openTag(String key, int depth) {
    enter(depth);
    return out.put('{').putQuoted(key).put(':');
  }

  /** Called for every object or array opened, with the number already open around it. */
  private static void enter(int depth) {
    if (depth >= TaggedReader.MAX_DEPTH) { // the reader's bound, so whatever is written can be read back
      throw new TaggedJsonException(
          "the value is nested deeper than " + TaggedReader.MAX_DEPTH + " JSON levels (or contains itself)");
    }
  }
}
