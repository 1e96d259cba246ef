package dev.flagon.redis;

import dev.flagon.CookieUpdate;
import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.FlagonSettings;
import dev.flagon.Session;
import dev.flagon.SessionInterface;
import dev.flagon.SessionStoreException;
import dev.flagon.WerkzeugCookie;
import dev.flagon.codec.BadPayloadException;
import dev.flagon.json.TaggedJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Server-side sessions in Redis, shared with Flask apps running Flask-Session 0.8: its
 * {@code RedisSessionInterface}, with its rules and bytes. The cookie carries a session id, the data lives in
 * Redis under {@code SESSION_KEY_PREFIX + id} in msgspec's msgpack or JSON ({@link MsgSpecSerializer}), for
 * {@code PERMANENT_SESSION_LIFETIME}; with the same Redis and settings, Flask-Session sees the same sessions.
 *
 * <p>The rules, from Flask-Session's {@code ServerSideSessionInterface}:
 * <ul>
 *   <li>open: no cookie, a bad signature or an id Redis does not have gives an empty session with a new id
 *       (never the client's), holding {@code _permanent: true} when {@code SESSION_PERMANENT};
 *   <li>a session is empty when it has no keys, or only {@code _permanent}; {@link Session#clear} keeps
 *       {@code _permanent} ({@link Session#serverSide});
 *   <li>save: an empty session that was modified deletes the entry and the cookie; an empty one otherwise
 *       sends nothing; else the entry is written when modified or when {@code SESSION_REFRESH_EACH_REQUEST}
 *       is on, and the cookie set when modified or when permanent with refresh on ({@code Expires} only for
 *       permanent sessions); {@code Vary: Cookie} when the session was accessed, set or deleted;
 *   <li>{@link #regenerate} gives a non-empty session a new id and deletes the old entry.
 * </ul>
 * With {@code SESSION_MIGRATE_COOKIE} (Flagon's, off by default), a request that still carries a Flask signed
 * cookie session gets its data in a new Redis session, for moving a user base from cookie to Redis sessions.
 *
 * <p>The cookie is written as Flask-Session writes it: {@code set_cookie} with the {@code SESSION_COOKIE_*}
 * domain, path, Secure, HttpOnly and SameSite (Flask-Session passes no Partitioned), and
 * {@code delete_cookie} with the domain and path only.
 *
 * <p>Redis down or slow: {@link SessionStoreException} from {@link #open}, {@link #save} and
 * {@link #regenerate} (integrations answer 503), never an empty session in place of the stored one, and a
 * save that threw stored nothing. A stored entry that cannot be read ({@link SessionDataException},
 * {@link PickledSessionException}) fails the request as it fails Flask-Session's. Immutable and thread-safe.
 */
public final class RedisSessionInterface implements SessionInterface, AutoCloseable {
  private final RedisSessionStore store;
  private final boolean ownsStore;
  private final SessionIds ids;
  private final MsgSpecSerializer serializer;
  private final TaggedJson taggedJson;
  private final WerkzeugCookie cookie;
  private final String deleteCookieHeader;
  private final boolean permanentByDefault;
  private final boolean refreshEachRequest;
  private final Duration lifetime;
  private final long ttlSeconds;
  private final Clock clock;
  private final Flagon cookieSessions; // SESSION_MIGRATE_COOKIE: reads the signed cookies being replaced

  private RedisSessionInterface(FlagonConfig config, RedisSessionConfig redis, RedisSessionStore store,
      boolean ownsStore) {
    this.store = store;
    this.ownsStore = ownsStore;
    this.ids = SessionIds.create(redis, config.secretKey());
    this.serializer = MsgSpecSerializer.of(redis.serializationFormat());
    this.taggedJson = config.taggedJson();
    this.cookie = WerkzeugCookie.builder(config.cookieName()).settingPrefix("SESSION_COOKIE_")
        .domain(config.cookieDomain().orElse(null)).path(config.cookiePath()).secure(config.cookieSecure())
        .httpOnly(config.cookieHttpOnly()).sameSite(config.cookieSameSite().orElse(null)).build();
    this.deleteCookieHeader = WerkzeugCookie.builder(config.cookieName()).settingPrefix("SESSION_COOKIE_")
        .domain(config.cookieDomain().orElse(null)).path(config.cookiePath()).build().delete();
    this.permanentByDefault = redis.permanent();
    this.refreshEachRequest = config.refreshEachRequest();
    this.lifetime = config.permanentSessionLifetime();
    this.ttlSeconds = lifetime.getSeconds(); // Flask-Session: int(total_seconds())
    this.clock = config.clock();
    this.cookieSessions = config.get(RedisSettings.SESSION_MIGRATE_COOKIE) ? Flagon.create(config) : null;
  }

  /**
   * The interface for a configuration with {@code SESSION_TYPE=redis}, with a Lettuce client of its own on
   * {@code SESSION_REDIS} (it connects on first use), shut down by {@link #close}.
   *
   * @throws IllegalArgumentException naming a bad setting (no {@code SESSION_REDIS}, a
   *     {@code PERMANENT_SESSION_LIFETIME} under 1 second, {@code SESSION_USE_SIGNER} without a key)
   */
  public static RedisSessionInterface create(FlagonConfig config) {
    RedisSessionConfig redis = checked(config, true);
    return new RedisSessionInterface(config, redis, RedisSessionStore.connect(redis), true);
  }

  /**
   * The interface on a store the application made (for example on its own Lettuce client,
   * {@link RedisSessionStore#using}); {@link #close} leaves that store open. The store's key prefix is used.
   *
   * @throws IllegalArgumentException naming a bad setting
   */
  public static RedisSessionInterface create(FlagonConfig config, RedisSessionStore store) {
    return new RedisSessionInterface(config, checked(config, false), Objects.requireNonNull(store, "store"), false);
  }

  private static RedisSessionConfig checked(FlagonConfig config, boolean needsUrl) {
    RedisSessionConfig redis = needsUrl ? RedisSessionConfig.from(config.toBuilder()
        .set(FlagonSettings.SESSION_TYPE, "redis").build()) : RedisSessionConfig.forApplicationClient(config);
    if (config.permanentSessionLifetime().getSeconds() < 1) {
      throw new IllegalArgumentException("PERMANENT_SESSION_LIFETIME must be at least 1 second with SESSION_TYPE="
          + "redis: it is the Redis entry's time to live");
    }
    return redis;
  }

  @Override
  public String cookieName() {
    return cookie.name();
  }

  /**
   * Opens the session named by the request's session cookie (the first one, as Werkzeug reads it).
   *
   * @throws SessionStoreException if Redis does not answer: never an empty session in its place
   * @throws SessionDataException if the stored entry is not a session Flagon can read
   */
  @Override
  public Session open(List<String> cookieHeaderValues) {
    String value = WerkzeugCookie.firstValue(cookieHeaderValues == null ? List.of() : cookieHeaderValues,
        cookie.name());
    Optional<String> id = ids.idFromCookie(value);
    if (id.isEmpty()) {
      return cookieSessions == null || value == null ? newSession() : migrated(value);
    }
    Optional<byte[]> stored = store.get(id.get());
    Map<String, Object> data = stored.isEmpty() || stored.get().length == 0 ? null
        : serializer.decode(stored.get());
    return data == null ? newSession() : Session.serverSide(data, taggedJson, new SessionId(id.get()));
  }

  /**
   * {@code SESSION_MIGRATE_COOKIE}: a Flask signed cookie session (verified with {@code SECRET_KEY} and its
   * fallbacks, within {@code PERMANENT_SESSION_LIFETIME}) becomes a new Redis session holding its data,
   * modified so that this response stores it and replaces the cookie with the id. Anything else: a new session.
   */
  private Session migrated(String cookieValue) {
    Map<String, Object> old;
    try {
      old = cookieSessions.openCookieValue(cookieValue).toMap();
    } catch (BadPayloadException e) {
      return newSession(); // signed, yet not a session: nothing to keep
    }
    if (old.isEmpty()) {
      return newSession();
    }
    Map<String, Object> data = new LinkedHashMap<>();
    if (permanentByDefault) {
      data.put(Session.PERMANENT_KEY, true);
    }
    data.putAll(old);
    Session session = Session.serverSide(data, taggedJson, new SessionId(ids.newId()));
    session.markModified();
    return session;
  }

  private Session newSession() {
    Map<String, Object> data = permanentByDefault ? Map.of(Session.PERMANENT_KEY, true) : Map.of();
    return Session.serverSide(data, taggedJson, new SessionId(ids.newId()));
  }

  /**
   * Saves the session by Flask-Session's rules (see the class comment) and says what the response needs.
   *
   * @throws SessionStoreException if Redis does not confirm the write or the delete: nothing was saved
   * @throws SessionDataException if a value cannot be stored (docs/redis.md lists what can)
   * @throws IllegalArgumentException if this interface did not open the session
   */
  @Override
  public CookieUpdate save(Session session) {
    SessionId id = idOf(session);
    boolean accessed = session.isAccessed();
    boolean modified = session.isModified();
    Map<String, Object> data = session.toMap();
    if (isEmpty(data)) {
      if (!modified) {
        return CookieUpdate.none(accessed);
      }
      store.delete(id.value);
      return CookieUpdate.delete(List.of(deleteCookieHeader));
    }
    if (!(modified || refreshEachRequest)) {
      return CookieUpdate.none(accessed);
    }
    store.set(id.value, serializer.encode(data), ttlSeconds);
    boolean permanent = session.isPermanent();
    if (!(modified || (permanent && refreshEachRequest))) {
      return CookieUpdate.none(accessed);
    }
    Instant expires = permanent ? clock.instant().plus(lifetime) : null;
    return CookieUpdate.set(List.of(cookie.set(ids.cookieValue(id.value), expires)));
  }

  /**
   * Flask-Session's {@code regenerate()}, against session fixation (call it after a login): a non-empty
   * session gets a new id and is marked modified, so that saving stores it under the new id and sets the
   * cookie; the entry under the old id is deleted now. An empty session is left alone.
   *
   * @throws SessionStoreException if Redis does not delete the old entry (the id is then unchanged)
   * @throws IllegalArgumentException if this interface did not open the session
   */
  public void regenerate(Session session) {
    SessionId id = idOf(session);
    if (isEmpty(session.toMap())) {
      return;
    }
    store.delete(id.value);
    id.value = ids.newId();
    session.markModified();
  }

  /** Redis's address, without credentials, as it appears in messages and logs. */
  public String redisAddress() {
    return store.address();
  }

  /** Closes the Redis client this interface made; a store given to {@link #create(FlagonConfig,
   * RedisSessionStore)} stays open. */
  @Override
  public void close() {
    if (ownsStore) {
      store.close();
    }
  }

  @Override
  public String toString() {
    return "RedisSessionInterface[" + store.address() + "]";
  }

  /** Flask-Session's {@code bool(session)}: some key other than {@code _permanent}. */
  private static boolean isEmpty(Map<String, Object> data) {
    return data.isEmpty() || (data.size() == 1 && data.containsKey(Session.PERMANENT_KEY));
  }

  private static SessionId idOf(Session session) {
    if (session.storeState() instanceof SessionId id) {
      return id;
    }
    throw new IllegalArgumentException("this session was not opened by a RedisSessionInterface");
  }

  /** A request's session id: {@link #regenerate} replaces it. Belongs to one request, as its session does. */
  private static final class SessionId {
    private String value;

    SessionId(String value) {
      this.value = value;
    }
  }
}
