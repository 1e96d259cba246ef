package dev.flagon;

import dev.flagon.json.TaggedJson;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session of one request: Flask's session dict, as a {@code Map<String, Object>} of values that tagged
 * JSON can carry, with Flask's flags. It can be handed to anything that takes a map (a template engine).
 * Not thread-safe: it belongs to one request.
 *
 * <p>Flask ↔ Java: {@code session[k]} ↔ {@link #get}; {@code session.get(k, d)} ↔ {@link #getOrDefault};
 * {@code session[k] = v} ↔ {@link #put}; {@code k in session} ↔ {@link #containsKey} (or
 * {@link #contains}); {@code session.pop(k, d)} ↔ {@link #pop}; {@code session.pop(k, None)} and
 * {@code del session[k]} ↔ {@link #remove(Object)}; {@code setdefault(k, v)} ↔ {@link #putIfAbsent};
 * {@code update(m)} ↔ {@link #putAll}; {@code clear()} ↔ {@link #clear}; {@code len(session)} ↔
 * {@link #size}; {@code keys()}, {@code values()}, {@code items()} ↔ {@link #keySet}, {@link #values},
 * {@link #entrySet} (live views); {@code session.permanent} ↔ {@link #isPermanent} / {@link #setPermanent};
 * {@code session.modified} ↔ {@link #isModified} / {@link #markModified}; {@code session.accessed} ↔
 * {@link #isAccessed}; {@code flash()} and {@code get_flashed_messages()} ↔ {@link #flash} and
 * {@link #flashedMessages}.
 *
 * <p>Flags, by Flask's rules, on every method and every view: any call that reads or writes the data marks
 * the session {@link #isAccessed() accessed} (Flask 3.1.3 then adds {@code Vary: Cookie}). A store always
 * marks it {@link #isModified() modified}, even with an identical value ({@link #put}, an entry's
 * {@code setValue}, {@link #putAll} even with an empty map); {@link #clear} always, even when empty; a
 * removal ({@link #remove(Object)}, {@link #pop}, through a view) only when the key was present;
 * {@link #putIfAbsent} only when the key was absent. The methods Python has no name for ({@code compute*},
 * {@code merge}, {@code replace*}, {@code remove(k, v)}) follow the {@link Map} contract and mark it
 * modified exactly when they store or remove something. Changes inside a nested value are not seen: call
 * {@link #markModified()} after them.
 *
 * <p>A key holding {@code null} (Python's None) is present: {@link #getOrDefault} returns null for it and
 * {@link #putIfAbsent} keeps it, as Python's {@code get} and {@code setdefault} do (Java's {@code HashMap}
 * treats it as absent). {@code compute*} and {@code merge} keep the Map contract: a null result removes
 * the key. Keys are never null.
 *
 * <p>Every value is checked as it is stored, by the configuration's {@link TaggedJson}
 * ({@link TaggedJson#canWrite}): one it cannot write (a {@code Set}, a record, a {@code Character}) throws
 * {@link UnsupportedValueException} at once, naming the key and the types that work. Values nested in lists
 * and maps can change after they are stored, so they are checked when the session is saved.
 *
 * <p>{@code equals} and {@code hashCode} are those of a map; {@code toString} never shows keys or values.
 */
public final class Session extends SessionMap {
  /** The key under which the permanent flag is stored. */
  public static final String PERMANENT_KEY = "_permanent";
  /** The key under which flashed messages are stored. */
  public static final String FLASHES_KEY = "_flashes";

  // Flask caches the popped flashes on the request context; a Session lives exactly that long.
  private List<?> poppedFlashes;
  // What the SessionInterface that opened it needs again when saving (a server-side id, the chunk cookies).
  private Object storeState;
  // Flask-Session's ServerSideSession.clear() keeps _permanent; Flask's cookie session drops it.
  private boolean clearKeepsPermanent;

  /** A session holding a copy of the loaded data, checked by Flask's own serializer; untouched. */
  Session(Map<String, ?> loaded) {
    this(loaded, TaggedJson.standard());
  }

  /** A session holding a copy of the loaded data, checked by this serializer; untouched. */
  Session(Map<String, ?> loaded, TaggedJson json) {
    super(new LinkedHashMap<>(loaded), json);
  }

  private Session(LinkedHashMap<String, Object> owned, TaggedJson json) {
    super(owned, json);
  }

  /**
   * A session over this very map, which must be mutable and held by no one else (one the JSON reader has
   * just made): opening a cookie then copies nothing. Neither accessed nor modified.
   */
  static Session adopting(LinkedHashMap<String, Object> owned, TaggedJson json) {
    return new Session(owned, json);
  }

  /**
   * A session for a {@link SessionInterface}: a copy of the data it loaded, the serializer that checks each
   * value stored from now on, and what the store needs again when saving ({@link #storeState()}, such as a
   * server-side session id). Neither accessed nor modified.
   */
  public static Session of(Map<String, ?> data, TaggedJson taggedJson, Object storeState) {
    Session session = new Session(data, taggedJson);
    session.storeState = storeState;
    return session;
  }

  /**
   * A session for a server-side store with Flask-Session's {@code ServerSideSession} rules: as
   * {@link #of}, except that {@link #clear} keeps the permanent flag ({@code _permanent} stays, false if it
   * was absent), as Flask-Session's {@code clear()} does.
   */
  public static Session serverSide(Map<String, ?> data, TaggedJson taggedJson, Object storeState) {
    Session session = of(data, taggedJson, storeState);
    session.clearKeepsPermanent = true;
    return session;
  }

  /**
   * Python's {@code clear()}: removes every key and marks the session modified. Flask's session drops the
   * permanent flag with the rest; a {@link #serverSide} session keeps {@code _permanent} as Flask-Session
   * does (its value, or false if absent), so such a session is empty afterwards but stays as permanent.
   */
  @Override
  public void clear() {
    Object permanent = clearKeepsPermanent ? getOrDefault(PERMANENT_KEY, false) : null;
    super.clear();
    if (clearKeepsPermanent) {
      put(PERMANENT_KEY, permanent);
    }
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

  /** Whether the key is present (Python's {@code key in session}); the same as {@link #containsKey}. */
  public boolean contains(String key) {
    return containsKey(key);
  }

  /** Python's {@code pop(key, default)}: removes a key and returns its value, or the default if absent. */
  public Object pop(String key, Object defaultValue) {
    return containsKey(key) ? remove(key) : defaultValue;
  }

  /** The keys, as an unmodifiable snapshot. */
  public Set<String> keys() {
    accessed = true;
    return Collections.unmodifiableSet(new LinkedHashSet<>(data().keySet()));
  }

  /** An unmodifiable snapshot of the data. */
  public Map<String, Object> toMap() {
    accessed = true;
    return Collections.unmodifiableMap(new LinkedHashMap<>(data()));
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
   * @throws UnsupportedValueException if tagged JSON cannot write the message's type
   */
  public void flash(Object message, String category) {
    checkValue(FLASHES_KEY, message);
    put(FLASHES_KEY, Flashes.appended(getOrDefault(FLASHES_KEY, List.of()), category, message));
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
    List<FlashMessage> flashes = flashes(categoryFilter);
    return Collections.unmodifiableList(withCategories ? List.copyOf(flashes)
        : flashes.stream().map(FlashMessage::message).toList());
  }

  /** The flashed messages with their categories, optionally filtered; as {@link #flashedMessages}. */
  public List<FlashMessage> flashes(String... categoryFilter) {
    if (poppedFlashes == null) {
      poppedFlashes = Flashes.entries(pop(FLASHES_KEY, null));
    }
    accessed = true;
    return Flashes.filter(poppedFlashes, categoryFilter);
  }

  /** Never the keys or values: a session may be logged by accident. Does not mark access. */
  @Override
  public String toString() {
    return "Session[" + data().size() + " keys" + (modified ? ", modified" : "") + "]";
  }

  /**
   * What the {@link SessionInterface} that opened this session gave it for saving (null if nothing): only
   * that store knows what it is. Does not mark access.
   */
  public Object storeState() {
    return storeState;
  }

  void storeState(Object state) {
    storeState = state;
  }

  /** The permanent flag, for saving: does not mark access. */
  boolean permanentFlag() {
    return TypedValues.isTruthy(data().get(PERMANENT_KEY));
  }
}
