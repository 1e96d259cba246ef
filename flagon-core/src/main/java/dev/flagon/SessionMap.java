package dev.flagon;

import dev.flagon.json.TaggedJson;
import dev.flagon.json.TaggedJsonException;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The {@link Map} half of {@link Session}: the data, the accessed and modified flags, Flask's rules for every
 * Map method and live view (described on {@link Session}), the check of each value stored, and the key path
 * of a value that fails to save. The Map defaults not overridden ({@code getOrDefault}, {@code compute*},
 * {@code merge}, {@code remove(k, v)}, {@code replace(k, old, new)}) run through get, put and remove.
 */
abstract class SessionMap extends AbstractMap<String, Object> {
  private static final int MAX_KEY_SHOWN = 64; // a message stays short whatever the data
  private static final int MAX_DEPTH = 512; // as deep as the writer goes

  private final LinkedHashMap<String, Object> data; // not Map.copyOf: Python's None is a legal value
  private final TaggedJson json;
  boolean modified;
  boolean accessed;

  SessionMap(LinkedHashMap<String, Object> owned, TaggedJson json) {
    this.data = owned;
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public Object get(Object key) {
    accessed = true;
    return data.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    accessed = true;
    return data.containsKey(key);
  }

  @Override
  public int size() {
    accessed = true;
    return data.size();
  }

  @Override
  public Object put(String key, Object value) {
    return store(checkKey(key), value);
  }

  /** Every value checked before any is stored. */
  @Override
  public void putAll(Map<? extends String, ?> entries) {
    entries.forEach((key, value) -> checkValue(checkKey(key), value));
    accessed = true;
    modified = true;
    data.putAll(entries);
  }

  /** A key holding None is present, as in Python (Java's {@code HashMap} would replace it). */
  @Override
  public Object putIfAbsent(String key, Object value) {
    return containsKey(checkKey(key)) ? data.get(key) : store(key, value);
  }

  @Override
  public Object remove(Object key) {
    if (!containsKey(key)) {
      return null;
    }
    modified = true;
    return data.remove(key);
  }

  @Override
  public void clear() {
    accessed = true;
    modified = true;
    data.clear();
  }

  @Override
  public Object replace(String key, Object value) {
    return containsKey(checkKey(key)) ? store(key, value) : null;
  }

  /** Every new value checked before any is stored; modified unless empty. */
  @Override
  public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
    Map<String, Object> replaced = new LinkedHashMap<>();
    forEach((key, value) -> replaced.put(key, checkValue(key, function.apply(key, value))));
    if (!replaced.isEmpty()) {
      modified = true;
      data.putAll(replaced);
    }
  }

  @Override
  public Set<String> keySet() {
    return view(Map.Entry::getKey, "keys");
  }

  /** Not a set (values repeat), so the set view is wrapped in a plain collection. */
  @Override
  public Collection<Object> values() {
    Set<Object> view = view(Map.Entry::getValue, "values");
    return new AbstractCollection<>() {
      @Override
      public Iterator<Object> iterator() {
        return view.iterator();
      }

      @Override
      public int size() {
        return view.size();
      }

      @Override
      public String toString() {
        return view.toString();
      }
    };
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return view(Entry::new, "entries");
  }

  /** A live view: marks access; a removal through it or its iterator marks modified; never shows data. */
  private <T> Set<T> view(Function<Map.Entry<String, Object>, T> as, String what) {
    accessed = true;
    return new AbstractSet<>() {
      @Override
      public Iterator<T> iterator() {
        Iterator<Map.Entry<String, Object>> entries = data.entrySet().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return entries.hasNext();
          }

          @Override
          public T next() {
            return as.apply(entries.next());
          }

          @Override
          public void remove() {
            entries.remove(); // throws if there is nothing to remove, and then nothing changed
            modified = true;
          }
        };
      }

      @Override
      public int size() {
        return data.size();
      }

      @Override
      public String toString() {
        return "Session." + what + "[" + data.size() + "]";
      }
    };
  }

  /** An entry whose {@code setValue} is a store. */
  private final class Entry extends SimpleEntry<String, Object> {
    Entry(Map.Entry<String, Object> entry) {
      super(entry);
    }

    @Override
    public Object setValue(Object value) {
      Object old = put(getKey(), value);
      super.setValue(value);
      return old;
    }

    @Override
    public String toString() {
      return "Session.entry";
    }
  }

  /** The data itself, for saving and tests: reading it this way does not mark access. */
  final Map<String, Object> data() {
    return data;
  }

  /** A store: the value checked, then a modification. Returns the previous value. */
  final Object store(String key, Object value) {
    checkValue(key, value);
    accessed = true;
    modified = true;
    return data.put(key, value);
  }

  /** Shallow, so every write stays cheap. @throws UnsupportedValueException if tagged JSON cannot write it */
  final Object checkValue(String key, Object value) {
    if (!json.canWrite(value)) {
      throw new UnsupportedValueException(repr(key), value.getClass(), null);
    }
    return value;
  }

  private static String checkKey(String key) {
    return Objects.requireNonNull(key, "session keys are strings, not null");
  }

  /**
   * The session's tagged JSON text.
   *
   * @throws UnsupportedValueException naming the key path of the first value the serializer cannot write
   * @throws TaggedJsonException if it fails otherwise (mixed key types, too many digits, too deep)
   */
  final String dump() {
    try {
      return json.dumps(data);
    } catch (TaggedJsonException e) {
      for (Map.Entry<String, Object> entry : data.entrySet()) {
        RuntimeException found = find(repr(entry.getKey()), entry.getValue(), e, 0);
        if (found != null) {
          throw found;
        }
      }
      throw e;
    }
  }

  private RuntimeException find(String path, Object value, Throwable cause, int depth) {
    if (!json.canWrite(value)) {
      return new UnsupportedValueException(path, value.getClass(), cause);
    }
    RuntimeException found = null;
    if (depth < MAX_DEPTH && value instanceof List<?> list) {
      for (int i = 0; i < list.size() && found == null; i++) {
        found = find(path + "[" + i + "]", list.get(i), cause, depth + 1);
      }
    } else if (depth < MAX_DEPTH && value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        found = found != null ? found
            : find(path + "[" + repr(entry.getKey()) + "]", entry.getValue(), cause, depth + 1);
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
}
