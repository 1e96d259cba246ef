package dev.flagon;

import dev.flagon.json.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The session of one request: a map from string keys to values that Flask's tagged JSON can carry, with
 * Flask's flags. Not thread-safe: it belongs to one request.
 *
 * <p>Every method that reads or writes the data marks the session {@link #isAccessed() accessed} (Flask
 * 3.1.3 then adds {@code Vary: Cookie}). Every write marks it {@link #isModified() modified}, even with an
 * identical value; {@link #pop} and {@link #remove} only when the key was present. Changes inside a nested
 * value are not seen: call {@link #markModified()} after them.
 *
 * <p>Values are not checked when stored: one that tagged JSON cannot write makes {@link Flagon#save} fail.
 */
public final class Session {
  /** The key under which the permanent flag is stored. */
  public static final String PERMANENT_KEY = "_permanent";
  /** The key under which flashed messages are stored. */
  public static final String FLASHES_KEY = "_flashes";

  // LinkedHashMap, not Map.copyOf: Python's None is a legal value.
  private final Map<String, Object> data;
  private boolean modified;
  private boolean accessed;
  // Flask caches the popped flashes on the request context; a Session lives exactly that long.
  private List<?> poppedFlashes;
  // SizePolicy.SPLIT: the chunk cookies (name.1, ...) the request carried, so saving can delete stale ones.
  private Set<Integer> incomingChunks = Set.of();

  /** A session holding a copy of the loaded data; neither accessed nor modified. */
  Session(Map<String, ?> loaded) {
    this(new LinkedHashMap<>(loaded));
  }

  private Session(LinkedHashMap<String, Object> owned) {
    this.data = owned;
  }

  /**
   * A session over this very map, which must be mutable and held by no one else (one the JSON reader has
   * just made): opening a cookie then copies nothing. Neither accessed nor modified.
   */
  static Session adopting(LinkedHashMap<String, Object> owned) {
    return new Session(owned);
  }

  /** The value for a key, or {@code null} if absent. */
  public Object get(String key) {
    accessed = true;
    return data.get(key);
  }

  /**
   * The value for a key as a given type, or {@code null} if absent. Integers convert between
   * {@code Integer}, {@code Long} and {@code BigInteger} when the value fits.
   *
   * @throws ClassCastException naming the key and the actual type if the value is of another type
   */
  public <T> T get(String key, Class<T> type) {
    return TypedValues.convert(key, get(key), type);
  }

  /** The value for a key, or {@code defaultValue} if absent. */
  public Object getOrDefault(String key, Object defaultValue) {
    accessed = true;
    return data.containsKey(key) ? data.get(key) : defaultValue;
  }

  /** Whether the key is present (Python's {@code key in session}). */
  public boolean contains(String key) {
    accessed = true;
    return data.containsKey(key);
  }

  /**
   * Stores a value and returns the previous one; always marks the session modified.
   *
   * @throws NullPointerException if the key is null (values may be null: Python's {@code None})
   */
  public Object put(String key, Object value) {
    Objects.requireNonNull(key, "session keys are strings, not null");
    accessed = true;
    modified = true;
    return data.put(key, value);
  }

  /** Removes a key and returns its value, or {@code null}; modified only if the key was present. */
  public Object remove(String key) {
    return pop(key, null);
  }

  /** Removes a key and returns its value, or {@code defaultValue}; modified only if the key was present. */
  public Object pop(String key, Object defaultValue) {
    accessed = true;
    if (!data.containsKey(key)) {
      return defaultValue;
    }
    modified = true;
    return data.remove(key);
  }

  /** Removes every key, the permanent flag included; always marks the session modified. */
  public void clear() {
    accessed = true;
    modified = true;
    data.clear();
  }

  /** The keys, as an unmodifiable snapshot. */
  public Set<String> keys() {
    accessed = true;
    return Collections.unmodifiableSet(new LinkedHashSet<>(data.keySet()));
  }

  /** The number of keys. */
  public int size() {
    accessed = true;
    return data.size();
  }

  /** Whether there are no keys. */
  public boolean isEmpty() {
    accessed = true;
    return data.isEmpty();
  }

  /** An unmodifiable snapshot of the data. */
  public Map<String, Object> toMap() {
    accessed = true;
    return Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /**
   * Whether the session outlives the browser: {@code _permanent} is present and truthy in Python's sense
   * (true, a non-zero number, a non-empty string or collection).
   */
  public boolean isPermanent() {
    accessed = true;
    return permanentFlag();
  }

  /** Stores {@code _permanent} as a boolean (a write, even when false). */
  public void setPermanent(boolean permanent) {
    put(PERMANENT_KEY, permanent);
  }

  /** Whether the data changed in this request (then the cookie is written). Does not mark access. */
  public boolean isModified() {
    return modified;
  }

  /** Marks the session modified, after changing a nested value in place. */
  public void markModified() {
    modified = true;
  }

  /** Whether application code used the session in this request. Does not mark access. */
  public boolean isAccessed() {
    return accessed;
  }

  /** Always false, as in Flask: a client-side session cannot tell whether it is new. */
  public boolean isNew() {
    return false;
  }

  /** Flashes a message in the category {@code message}. */
  public void flash(Object message) {
    flash(message, "message");
  }

  /**
   * Appends {@code (category, message)} to {@code _flashes}, as Flask's {@code flash}: the list is stored
   * back, so the session is modified.
   *
   * @throws IllegalStateException if {@code _flashes} holds something other than a list
   */
  public void flash(Object message, String category) {
    Object stored = getOrDefault(FLASHES_KEY, List.of());
    if (!(stored instanceof List<?> existing) || stored instanceof Tuple) {
      throw new IllegalStateException("the session's " + FLASHES_KEY + " is not a list");
    }
    List<Object> flashes = new ArrayList<>(existing);
    flashes.add(Tuple.of(category, message));
    put(FLASHES_KEY, flashes);
  }

  /**
   * Flask's {@code get_flashed_messages(with_categories, category_filter)}: the first call on this session
   * pops {@code _flashes} (a modification, only if present) and later calls see the same list. Entries
   * are {@code (category, message)} tuples, or any two-item lists; other entries are skipped.
   *
   * @param withCategories whether to return {@link FlashMessage}s rather than the bare messages
   * @param categoryFilter if not empty, only messages in these categories
   * @return the messages, or {@link FlashMessage}s, unmodifiable
   */
  public List<Object> flashedMessages(boolean withCategories, String... categoryFilter) {
    List<Object> result = new ArrayList<>();
    for (FlashMessage flash : flashes(categoryFilter)) {
      result.add(withCategories ? flash : flash.message());
    }
    return Collections.unmodifiableList(result);
  }

  /** The flashed messages with their categories, optionally filtered; as {@link #flashedMessages}. */
  public List<FlashMessage> flashes(String... categoryFilter) {
    if (poppedFlashes == null) {
      Object popped = contains(FLASHES_KEY) ? pop(FLASHES_KEY, null) : null;
      poppedFlashes = popped instanceof List<?> list ? List.copyOf(nonNull(list)) : List.of();
    }
    accessed = true;
    Set<String> wanted = new HashSet<>(Arrays.asList(categoryFilter));
    List<FlashMessage> result = new ArrayList<>();
    for (Object entry : poppedFlashes) {
      if (entry instanceof List<?> pair && pair.size() == 2) {
        String category = pair.get(0) == null ? null : pair.get(0).toString();
        if (wanted.isEmpty() || wanted.contains(category)) {
          result.add(new FlashMessage(category, pair.get(1)));
        }
      }
    }
    return Collections.unmodifiableList(result);
  }

  /**
   * The data itself, not a copy or a view, for saving: callers only read it. Reading it this way does not
   * mark access.
   */
  Map<String, Object> data() {
    return data;
  }

  /** The chunk cookies the request carried (their indexes), for saving. */
  Set<Integer> incomingChunks() {
    return incomingChunks;
  }

  void incomingChunks(Set<Integer> indexes) {
    incomingChunks = Collections.unmodifiableSortedSet(new TreeSet<>(indexes)); // deleted in index order
  }

  /** The permanent flag, for saving: does not mark access. */
  boolean permanentFlag() {
    return TypedValues.isTruthy(data.get(PERMANENT_KEY));
  }

  private static List<Object> nonNull(List<?> list) {
    List<Object> copy = new ArrayList<>();
    for (Object item : list) {
      if (item != null) {
        copy.add(item);
      }
    }
    return copy;
  }

  /** Never the keys or values: a session may be logged by accident. */
  @Override
  public String toString() {
    return "Session[" + data.size() + " keys" + (modified ? ", modified" : "") + "]";
  }
}
