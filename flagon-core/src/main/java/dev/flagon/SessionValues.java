package dev.flagon;

import dev.flagon.codec.BadPayloadException;
import dev.flagon.json.TaggedJson;
import dev.flagon.json.TaggedJsonException;
import java.util.List;
import java.util.Map;

/**
 * Which values a session can hold: a session read from verified tagged JSON, the type of a value as it is
 * stored (shallow, so that every write stays cheap), and on a failed save the nested value to blame, named
 * by its key path.
 */
final class SessionValues {
  /** Keys longer than this are cut in paths: a message stays short whatever the data. */
  private static final int MAX_KEY_SHOWN = 64;
  /** As deep as the writer goes (it refuses deeper values itself). */
  private static final int MAX_DEPTH = 512;

  private SessionValues() {}

  /**
   * The session in a verified payload, read within a budget of values proportional to the cookie it came in
   * ({@code sourceLength} characters): a JSON object, or {@code null} for an empty one. With Flask's tags
   * only the map is new and keyed by strings; a custom tag may return a map it keeps, with any keys.
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
      throw new BadPayloadException("the signed payload is not a session: " + TypedValues.describe(value));
    }
    if (json != TaggedJson.standard() && !map.keySet().stream().allMatch(String.class::isInstance)) {
      throw new BadPayloadException("the signed payload is not a session: a key is not a string");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) map;
    return data;
  }

  /**
   * The session's tagged JSON text.
   *
   * @throws UnsupportedValueException naming the key path of a value the serializer cannot write
   * @throws TaggedJsonException if it cannot be written for another reason
   */
  static String dump(TaggedJson json, Map<String, Object> data) {
    try {
      return json.dumps(data);
    } catch (TaggedJsonException e) {
      throw explain(e, data, json);
    }
  }

  /** @throws UnsupportedValueException if the serializer cannot write a value of this kind */
  static void check(TaggedJson json, String key, Object value) {
    if (!json.canWrite(value)) {
      throw new UnsupportedValueException(repr(key), value.getClass(), null);
    }
  }

  /**
   * What to throw for a failed save: the first value in the data that the serializer cannot write, named
   * by its path, or the original failure if every value's type is fine (mixed key types, an integer past
   * Python's digit limit, nesting too deep, a failing custom tag).
   */
  static RuntimeException explain(TaggedJsonException failure, Map<String, Object> data, TaggedJson json) {
    for (Map.Entry<String, Object> entry : data.entrySet()) {
      RuntimeException found = find(json, repr(entry.getKey()), entry.getValue(), failure, 0);
      if (found != null) {
        return found;
      }
    }
    return failure;
  }

  private static RuntimeException find(TaggedJson json, String path, Object value, Throwable cause, int depth) {
    if (!json.canWrite(value)) {
      return new UnsupportedValueException(path, value.getClass(), cause);
    }
    if (depth >= MAX_DEPTH) {
      return null;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        RuntimeException found = find(json, path + "[" + i + "]", list.get(i), cause, depth + 1);
        if (found != null) {
          return found;
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String inner = path + "[" + repr(entry.getKey()) + "]";
        RuntimeException found = find(json, inner, entry.getValue(), cause, depth + 1);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** A key as Python's {@code repr} shows it, cut after {@value #MAX_KEY_SHOWN} characters. */
  private static String repr(Object key) {
    if (key == null) {
      return "None";
    }
    if (key instanceof Boolean flag) {
      return flag ? "True" : "False";
    }
    if (!(key instanceof CharSequence)) {
      return key.toString();
    }
    String text = key.toString();
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < Math.min(text.length(), MAX_KEY_SHOWN); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\'' -> out.append("\\'");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
      }
    }
    return out.append(text.length() > MAX_KEY_SHOWN ? "...'" : "'").toString();
  }
}
