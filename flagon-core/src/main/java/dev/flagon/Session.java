package dev.flagon;

import dev.flagon.codec.BadPayloadException;
import dev.flagon.json.TaggedJson;
import dev.flagon.json.TaggedJsonException;
import dev.flagon.json.Tuple;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The session of one request: Flask's session dict, as a {@code Map<String, Object>} of values that tagged
 * JSON can carry, with Flask's flags, so it can be handed to anything that takes a map. Not thread-safe.
 *
 * <p>Flask ↔ Java: {@code session[k]} ↔ {@link #get}; {@code session.get(k, d)} ↔ {@link #getOrDefault};
 * {@code session[k] = v} ↔ {@link #put}; {@code k in session} ↔ {@link #containsKey}; {@code pop(k, d)} ↔
 * {@link #pop}; {@code del session[k]} ↔ {@link #remove(Object)}; {@code setdefault} ↔ {@link #putIfAbsent};
 * {@code update} ↔ {@link #putAll}; {@code keys()}, {@code values()}, {@code items()} ↔ live views;
 * {@code permanent}, {@code modified}, {@code accessed} ↔ {@link #isPermanent}, {@link #isModified},
 * {@link #isAccessed}; {@code flash()}, {@code get_flashed_messages()} ↔ {@link #flash}, {@link #flashedMessages}.
 *
 * <p>Flask's flags, on every method and view: any read or write marks it accessed (Flask 3.1.3 then adds
 * {@code Vary: Cookie}). A store always marks it modified, even of an identical value or an empty
 * {@link #putAll}; {@link #clear} always; a removal only when the key was present; {@link #putIfAbsent}
 * only when it was absent; the Java-only methods ({@code compute*}, {@code merge}, {@code replace*}) when
 * they store or remove. Changes inside a nested value are not seen: call {@link #markModified()}. A key
 * holding {@code null} (None) is present, as in Python; keys are never null.
 *
 * <p>Each value is checked as it is stored ({@link TaggedJson#canWrite}): one tagged JSON cannot write
 * throws {@link UnsupportedValueException} naming the key; nested values are checked when saved.
 * {@code toString} never shows keys or values.
 */
public final class Session extends SessionMap {
  /** The key under which the permanent flag is stored. */
  public static final String PERMANENT_KEY = "_permanent";
  /** The key under which flashed messages are stored. */
  public static final String FLASHES_KEY = "_flashes";

  // Flask caches the popped flashes on the request context; a Session lives exactly that long.
  private List<FlashMessage> poppedFlashes;
  // What the SessionInterface that opened it needs again when saving (a server-side id, the chunk cookies).
  Object storeState;
  // Flask-Session's ServerSideSession.clear() keeps _permanent; Flask's cookie session drops it.
  private boolean clearKeepsPermanent;

  /** A session over this very map, which nobody else holds: no copy. */
  Session(LinkedHashMap<String, Object> owned, TaggedJson json) {
    super(owned, json);
  }

  /**
   * A session for a {@link SessionInterface}: a copy of the data it loaded, the serializer that checks each
   * value stored, and what the store needs again when saving ({@link #storeState()}). Untouched.
   */
  public static Session of(Map<String, ?> data, TaggedJson taggedJson, Object storeState) {
    Session session = new Session(new LinkedHashMap<>(data), taggedJson);
    session.storeState = storeState;
    return session;
  }

  /** As {@link #of}, but {@link #clear} keeps {@code _permanent} (false if absent), as Flask-Session's does. */
  public static Session serverSide(Map<String, ?> data, TaggedJson taggedJson, Object storeState) {
    Session session = of(data, taggedJson, storeState);
    session.clearKeepsPermanent = true;
    return session;
  }

  /**
   * The session in a verified payload, read within a budget proportional to the cookie's length: a JSON
   * object, or empty for {@code null}. Untouched. @throws BadPayloadException if it is not valid tagged JSON
   * or not a session (a custom tag may return a map with any keys)
   */
  static Session load(TaggedJson json, String payload, int sourceLength) {
    Object value;
    try {
      value = Objects.requireNonNullElseGet(json.loads(payload, sourceLength), LinkedHashMap::new); // null: empty
    } catch (TaggedJsonException e) {
      throw new BadPayloadException("the signed payload is not valid tagged JSON: " + e.getMessage(), e);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new BadPayloadException("the signed payload is not a session: " + (value instanceof Tuple
          ? "a tagged tuple" : value instanceof List ? "a JSON list" : value instanceof Number ? "a JSON number"
          : value instanceof String ? "a JSON string" : value instanceof Boolean ? "a JSON boolean"
          : "a tagged " + value.getClass().getSimpleName()));
    }
    if (json != TaggedJson.standard() && !map.keySet().stream().allMatch(String.class::isInstance)) {
      throw new BadPayloadException("the signed payload is not a session: a key is not a string");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) map;
    // Flask's own tags give a map the reader just made, which nobody else holds; a custom tag's may be shared.
    return json == TaggedJson.standard() && data instanceof LinkedHashMap<String, Object> parsed
        ? new Session(parsed, json) : new Session(new LinkedHashMap<>(data), json);
  }

  /** Python's {@code clear()}: always modified; the permanent flag goes too unless {@link #serverSide}. */
  @Override
  public void clear() {
    Object permanent = clearKeepsPermanent ? getOrDefault(PERMANENT_KEY, false) : null;
    super.clear();
    if (clearKeepsPermanent) {
      put(PERMANENT_KEY, permanent);
    }
  }

  /**
   * The value as this type, or null if absent; integers convert between Integer, Long and BigInteger when
   * they fit. @throws ClassCastException naming the key and the actual type otherwise
   */
  public <T> T get(String key, Class<T> type) {
    Object value = get(key);
    @SuppressWarnings("unchecked")
    Class<T> boxed = (Class<T>) MethodType.methodType(type).wrap().returnType();
    if (value == null || boxed.isInstance(value)) {
      return boxed.cast(value);
    }
    BigInteger integer = value instanceof BigInteger i ? i
        : value instanceof Integer || value instanceof Long ? BigInteger.valueOf(((Number) value).longValue()) : null;
    Object converted = integer == null ? null
        : boxed == BigInteger.class ? integer
        : boxed == Long.class && integer.bitLength() < 64 ? (Object) integer.longValue()
        : boxed == Integer.class && integer.bitLength() < 32 ? (Object) integer.intValue() : null;
    if (converted == null) {
      throw new ClassCastException("session value '" + key + "' is a " + value.getClass().getSimpleName()
          + ", not " + (integer != null ? "representable as " : "a ") + boxed.getSimpleName());
    }
    return boxed.cast(converted);
  }

  /** Python's {@code key in session}: the same as {@link #containsKey}. */
  public boolean contains(String key) {
    return containsKey(key);
  }

  /** Python's {@code pop(key, default)}. */
  public Object pop(String key, Object defaultValue) {
    return containsKey(key) ? remove(key) : defaultValue;
  }

  /** The keys, as an unmodifiable snapshot. */
  public Set<String> keys() {
    accessed = true;
    return Collections.unmodifiableSet(new LinkedHashSet<>(data().keySet()));
  }

  /** The data, as an unmodifiable snapshot. */
  public Map<String, Object> toMap() {
    accessed = true;
    return Collections.unmodifiableMap(new LinkedHashMap<>(data()));
  }

  /** Whether the session outlives the browser: {@code _permanent} is present and truthy in Python's sense. */
  public boolean isPermanent() {
    accessed = true;
    return permanentFlag();
  }

  /** Stores {@code _permanent} (a write, even when false). */
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
   * Flask's {@code flash}: appends {@code (category, message)} to {@code _flashes} and stores the list back.
   * @throws IllegalStateException if {@code _flashes} holds something other than a list
   * @throws UnsupportedValueException if tagged JSON cannot write the message's type
   */
  public void flash(Object message, String category) {
    checkValue(FLASHES_KEY, message);
    if (!(getOrDefault(FLASHES_KEY, List.of()) instanceof List<?> stored) || stored instanceof Tuple) {
      throw new IllegalStateException("the session's " + FLASHES_KEY + " is not a list");
    }
    List<Object> flashes = new ArrayList<>(stored);
    flashes.add(Tuple.of(category, message));
    put(FLASHES_KEY, flashes);
  }

  /**
   * Flask's {@code get_flashed_messages(with_categories, category_filter)}: the first call pops
   * {@code _flashes} (a modification, if present) and later calls see the same messages. Entries are
   * {@code (category, message)} tuples or two-item lists; others are skipped.
   * @return the messages, or {@link FlashMessage}s if {@code withCategories}, unmodifiable
   */
  public List<Object> flashedMessages(boolean withCategories, String... categoryFilter) {
    return flashes(categoryFilter).stream().map(f -> withCategories ? f : f.message()).toList();
  }

  /** The flashed messages with their categories, in these categories (all if none), as above. */
  public List<FlashMessage> flashes(String... categoryFilter) {
    if (poppedFlashes == null) {
      List<?> entries = pop(FLASHES_KEY, null) instanceof List<?> list ? list : List.of();
      poppedFlashes = entries.stream().filter(entry -> entry instanceof List<?> pair && pair.size() == 2)
          .map(entry -> (List<?>) entry)
          .map(pair -> new FlashMessage(Objects.toString(pair.get(0), null), pair.get(1))).toList();
    }
    accessed = true;
    List<String> wanted = Arrays.asList(categoryFilter);
    return poppedFlashes.stream().filter(f -> wanted.isEmpty() || wanted.contains(f.category())).toList();
  }

  /** Never the keys or values: a session may be logged by accident. Does not mark access. */
  @Override
  public String toString() {
    return "Session[" + data().size() + " keys" + (modified ? ", modified" : "") + "]";
  }

  /** What the {@link SessionInterface} that opened it gave it for saving (null if nothing). */
  public Object storeState() {
    return storeState;
  }

  /** The permanent flag, for saving, as Python's {@code bool}: does not mark access. */
  boolean permanentFlag() {
    Object value = data().get(PERMANENT_KEY);
    return value instanceof Boolean flag ? flag
        : value instanceof Double || value instanceof Float ? ((Number) value).doubleValue() != 0 // NaN truthy
        : value instanceof BigInteger integer ? integer.signum() != 0
        : value instanceof BigDecimal decimal ? decimal.signum() != 0
        : value instanceof Number number ? number.longValue() != 0
        : value instanceof CharSequence text ? text.length() > 0
        : value instanceof Collection<?> collection ? !collection.isEmpty()
        : value instanceof Map<?, ?> map ? !map.isEmpty()
        : value instanceof byte[] bytes ? bytes.length > 0 : value != null;
  }
}
