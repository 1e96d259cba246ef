package dev.flagon.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tags of one serializer: the order they are tried in when writing (each entry a {@link BuiltinTag}
 * or a custom {@link JsonTag}) and the lookup by key used when reading. Immutable once built.
 */
final class TagRegistry {
  private final Object[] order;
  /** Never modified after construction and never handed out. */
  private final Map<String, Object> byKey;
  /**
   * The longest tag key: every one-key object read is looked up, and most of their keys (session keys such
   * as {@code user_id}) are longer than any tag key (Flask's have 2 or 3 characters), so they are turned
   * away without hashing.
   */
  private final int longestKey;

  private TagRegistry(Object[] order, Map<String, Object> byKey) {
    this.order = order;
    this.byKey = byKey;
    this.longestKey = byKey.keySet().stream().mapToInt(String::length).max().orElse(0);
  }

  /** Flask's tags only. */
  static TagRegistry standard() {
    return new Draft().freeze();
  }

  /** Writing order; entries are {@link BuiltinTag} or {@link JsonTag}. Callers must not modify it. */
  Object[] order() {
    return order;
  }

  /** Whether every tag is one of Flask's own (no custom tag was registered). */
  boolean builtinOnly() {
    for (Object tag : order) {
      if (!(tag instanceof BuiltinTag)) {
        return false;
      }
    }
    return true;
  }

  /** The {@link BuiltinTag} or {@link JsonTag} for a key, or null if the key is not a tag key. */
  Object forKey(Object key) {
    return key instanceof String s && s.length() <= longestKey ? byKey.get(s) : null;
  }

  boolean isTagKey(Object key) {
    return key instanceof CharSequence && byKey.containsKey(key.toString());
  }

  /** The mutable state behind {@link TaggedJson.Builder}. */
  static final class Draft {
    private final List<Object> order = new ArrayList<>(List.of((Object[]) BuiltinTag.values()));
    private final Map<String, Object> byKey = new HashMap<>();

    Draft() {
      for (BuiltinTag tag : BuiltinTag.values()) {
        if (tag.key() != null) {
          byKey.put(tag.key(), tag);
        }
      }
    }

    void add(JsonTag<?> tag, int index) {
      if (index < 0 || index > order.size()) {
        throw new IllegalArgumentException(
            "tag index " + index + " is outside 0.." + order.size() + " (the current number of tags)");
      }
      if (byKey.containsKey(tag.key())) {
        throw new IllegalArgumentException("the tag key '" + tag.key() + "' is already registered");
      }
      byKey.put(tag.key(), tag);
      order.add(index, tag);
    }

    int size() {
      return order.size();
    }

    TagRegistry freeze() {
      return new TagRegistry(order.toArray(), new HashMap<>(byKey));
    }
  }
}
