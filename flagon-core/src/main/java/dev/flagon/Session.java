package dev.flagon;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session of one request: a map from string keys to values that Flask's tagged JSON can carry, with
 * Flask's flags. Not thread-safe: it belongs to one request.
 *
 * <p>Every method that reads or writes the data marks the session {@link #isAccessed() accessed} (Flask
 * 3.1.3 then adds {@code Vary: Cookie}). Every write marks it {@link #isModified() modified}, even with an
 * identical value; {@link #pop} and {@link #remove} only when the key was present. Changes inside a nested
 * value are not seen: call {@link #markModified()} after them.
 */
public final class Session {
  /** The key under which the permanent flag is stored. */
  public static final String PERMANENT_KEY = "_permanent";
  /** The key under which flashed messages are stored. */
  public static final String FLASHES_KEY = "_flashes";

  /** The value for a key, or {@code null} if absent. */
  public Object get(String key) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The value for a key as a given type, or {@code null} if absent. Integers convert between
   * {@code Integer}, {@code Long} and {@code BigInteger} when the value fits.
   *
   * @throws ClassCastException naming the key and the actual type if the value is of another type
   */
  public <T> T get(String key, Class<T> type) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The value for a key, or {@code defaultValue} if absent. */
  public Object getOrDefault(String key, Object defaultValue) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Whether the key is present (Python's {@code key in session}). */
  public boolean contains(String key) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Stores a value and returns the previous one; always marks the session modified. */
  public Object put(String key, Object value) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Removes a key and returns its value, or {@code null}; modified only if the key was present. */
  public Object remove(String key) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Removes a key and returns its value, or {@code defaultValue}; modified only if the key was present. */
  public Object pop(String key, Object defaultValue) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Removes every key, the permanent flag included; always marks the session modified. */
  public void clear() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The keys, as an unmodifiable snapshot. */
  public Set<String> keys() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The number of keys. */
  public int size() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Whether there are no keys. */
  public boolean isEmpty() {
    throw new UnsupportedOperationException("TODO");
  }

  /** An unmodifiable snapshot of the data. */
  public Map<String, Object> toMap() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Whether the session outlives the browser: {@code _permanent} is present and truthy. */
  public boolean isPermanent() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Stores {@code _permanent} as a boolean (a write, even when false). */
  public void setPermanent(boolean permanent) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Whether the data changed in this request (then the cookie is written). Does not mark access. */
  public boolean isModified() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Marks the session modified, after changing a nested value in place. */
  public void markModified() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Whether application code used the session in this request. Does not mark access. */
  public boolean isAccessed() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Always false, as in Flask: a client-side session cannot tell whether it is new. */
  public boolean isNew() {
    return false;
  }

  /** Flashes a message in the category {@code message}. */
  public void flash(Object message) {
    flash(message, "message");
  }

  /** Appends {@code (category, message)} to {@code _flashes}, as Flask's {@code flash}. */
  public void flash(Object message, String category) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Flask's {@code get_flashed_messages(with_categories, category_filter)}: the first call in a request
   * pops {@code _flashes} (a modification, only if present) and later calls see the same list.
   *
   * @param withCategories whether to return {@link FlashMessage}s rather than the bare messages
   * @param categoryFilter if not empty, only messages in these categories
   * @return the messages, or {@link FlashMessage}s
   */
  public List<Object> flashedMessages(boolean withCategories, String... categoryFilter) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The flashed messages with their categories, optionally filtered; see {@link #flashedMessages(boolean, String...)}. */
  public List<FlashMessage> flashes(String... categoryFilter) {
    throw new UnsupportedOperationException("TODO");
  }
}
