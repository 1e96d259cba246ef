package dev.flagon;

import dev.flagon.json.TaggedJson;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The {@link Map} half of {@link Session}: the data, the accessed and modified flags, and every Map method
 * with Flask's rules for them (described on {@link Session}). Each value stored is checked by the
 * configuration's serializer.
 */
abstract class SessionMap implements Map<String, Object> {
  // LinkedHashMap, not Map.copyOf: Python's None is a legal value.
  private final Map<String, Object> data;
  private final TaggedJson json;
  boolean modified;
  boolean accessed;

  SessionMap(LinkedHashMap<String, Object> owned, TaggedJson json) {
    this.data = owned;
    this.json = Objects.requireNonNull(json, "json");
  }

  /** The value for a key, or {@code null} if absent (or holding None). */
  @Override
  public Object get(Object key) {
    accessed = true;
    return data.get(key);
  }

  /** Python's {@code get(key, default)}: the value, even None, if the key is present; else the default. */
  @Override
  public Object getOrDefault(Object key, Object defaultValue) {
    accessed = true;
    return data.containsKey(key) ? data.get(key) : defaultValue;
  }

  /** Whether the key is present: Python's {@code key in session}. */
  @Override
  public boolean containsKey(Object key) {
    accessed = true;
    return data.containsKey(key);
  }

  @Override
  public boolean containsValue(Object value) {
    accessed = true;
    return data.containsValue(value);
  }

  /**
   * Python's {@code session[key] = value}: stores the value and returns the previous one; always marks the
   * session modified, even with an identical value.
   *
   * @throws NullPointerException if the key is null (values may be null: Python's {@code None})
   * @throws UnsupportedValueException if tagged JSON cannot write a value of this type
   */
  @Override
  public Object put(String key, Object value) {
    return store(checkKey(key), value);
  }

  /**
   * Python's {@code update}: stores every entry, each value checked before any is stored; marks the
   * session modified even when the map is empty.
   */
  @Override
  public void putAll(Map<? extends String, ?> entries) {
    for (Map.Entry<? extends String, ?> entry : entries.entrySet()) {
      checkValue(checkKey(entry.getKey()), entry.getValue());
    }
    accessed = true;
    modified = true;
    data.putAll(entries);
  }

  /**
   * Python's {@code setdefault}: stores the value only if the key is absent, and then marks the session
   * modified. A key holding None is present, as in Python (Java's {@code HashMap} would replace it).
   * Returns the previous value, null if there was none.
   */
  @Override
  public Object putIfAbsent(String key, Object value) {
    accessed = true;
    return data.containsKey(checkKey(key)) ? data.get(key) : store(key, value);
  }

  /** Python's {@code session.pop(key, None)}: modified only if the key was present. */
  @Override
  public Object remove(Object key) {
    accessed = true;
    if (!data.containsKey(key)) {
      return null;
    }
    modified = true;
    return data.remove(key);
  }

  /** Removes the key if it holds this value; modified only then. */
  @Override
  public boolean remove(Object key, Object value) {
    accessed = true;
    if (!holds(key, value)) {
      return false;
    }
    remove(key);
    return true;
  }

  /** Python's {@code clear()}: removes every key, the permanent flag included; always modified. */
  @Override
  public void clear() {
    accessed = true;
    modified = true;
    data.clear();
  }

  /** As the {@link Map} contract: a null result removes the key; modified if it stores or removes. */
  @Override
  public Object compute(String key, BiFunction<? super String, ? super Object, ?> remapping) {
    accessed = true;
    Object value = remapping.apply(checkKey(key), data.get(key));
    if (value != null) {
      store(key, value);
    } else {
      remove(key);
    }
    return value;
  }

  /** As the {@link Map} contract (a key holding None counts as absent); modified if it stores. */
  @Override
  public Object computeIfAbsent(String key, Function<? super String, ?> mapping) {
    accessed = true;
    Object old = data.get(checkKey(key));
    if (old != null) {
      return old;
    }
    Object value = mapping.apply(key);
    if (value != null) {
      store(key, value);
    }
    return value;
  }

  /** As the {@link Map} contract; modified if it stores or removes. */
  @Override
  public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> remapping) {
    accessed = true;
    return data.get(checkKey(key)) == null ? null : compute(key, remapping);
  }

  /** As the {@link Map} contract (a key holding None counts as absent); modified if it stores or removes. */
  @Override
  public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> remapping) {
    Objects.requireNonNull(value, "merge needs a value");
    Objects.requireNonNull(remapping, "remapping");
    return compute(key, (k, old) -> old == null ? value : remapping.apply(old, value));
  }

  /** Stores the value only if the key is present (a store, so modified even if identical). */
  @Override
  public Object replace(String key, Object value) {
    accessed = true;
    return data.containsKey(checkKey(key)) ? store(key, value) : null;
  }

  /** Stores the new value only if the key holds the old one (a store, so modified even if identical). */
  @Override
  public boolean replace(String key, Object oldValue, Object newValue) {
    accessed = true;
    if (!holds(checkKey(key), oldValue)) {
      return false;
    }
    store(key, newValue);
    return true;
  }

  /** Stores a new value for every key, each checked before any is stored; modified unless empty. */
  @Override
  public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
    accessed = true;
    Map<String, Object> replaced = new LinkedHashMap<>();
    data.forEach((key, value) -> replaced.put(key, checkValue(key, function.apply(key, value))));
    if (!replaced.isEmpty()) {
      modified = true;
      data.putAll(replaced);
    }
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    accessed = true;
    data.forEach(action);
  }

  /** Python's {@code keys()}, as a live view: removing through it removes from the session. */
  @Override
  public Set<String> keySet() {
    accessed = true;
    return new SessionViews.Keys(this);
  }

  /** Python's {@code values()}, as a live view: removing through it removes from the session. */
  @Override
  public Collection<Object> values() {
    accessed = true;
    return new SessionViews.Values(this);
  }

  /** Python's {@code items()}, as a live view: removing or setting a value through it changes the session. */
  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    accessed = true;
    return new SessionViews.Entries(this);
  }

  /** Python's {@code len(session)}. */
  @Override
  public int size() {
    accessed = true;
    return data.size();
  }

  @Override
  public boolean isEmpty() {
    accessed = true;
    return data.isEmpty();
  }

  /** Map equality with the data, as any {@link Map}. */
  @Override
  public boolean equals(Object other) {
    accessed = true;
    return other == this || (other instanceof Map<?, ?> map && data.equals(map));
  }

  /** The map hash code of the data. */
  @Override
  public int hashCode() {
    accessed = true;
    return data.hashCode();
  }

  /**
   * The data itself, not a copy or a view, for saving and for the views: saving only reads it. Reading it
   * this way does not mark access.
   */
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

  /** @throws UnsupportedValueException if tagged JSON cannot write a value of this type */
  final Object checkValue(String key, Object value) {
    SessionValues.check(json, key, value);
    return value;
  }

  private boolean holds(Object key, Object value) {
    return data.containsKey(key) && Objects.equals(data.get(key), value);
  }

  private static String checkKey(String key) {
    return Objects.requireNonNull(key, "session keys are strings, not null");
  }
}
