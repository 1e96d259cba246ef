package dev.flagon.redis;

import dev.flagon.SessionStoreException;
import dev.flagon.SessionValidator;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ScriptOutputType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * "Log out everywhere" for cookie sessions: {@link #revokeAllBefore revokeAllBefore(user, T)} voids every
 * session of that user whose cookie was signed before T, on every app server, and this object is the
 * {@link SessionValidator} that enforces it ({@code FlagonConfig.builder().sessionValidator(revocations)}).
 *
 * <p>The user is the session's {@code SESSION_REVOCATION_USER_KEY} value (Flask-Login's {@code _user_id} by
 * default; a string, or an integer taken as its decimal text); a session without one is never revoked, and
 * one whose user value is of another type is refused. Cookies carry whole seconds, so T is rounded up to the
 * next second: a login within the same second as the revocation is voided too.
 *
 * <p>The check reads a local cache, not Redis: each user's answer is used for at most
 * {@code SESSION_REVOCATION_MAX_STALENESS} (5 s) before it is read again, and with
 * {@code SESSION_REVOCATION_PUBSUB} every revocation is also pushed at once to every server (after a pub/sub
 * reconnect the cache is cleared, since pushes may have been missed). So a revocation takes effect everywhere
 * within the staleness bound, usually at once. The cache holds at most {@code SESSION_REVOCATION_CACHE_SIZE}
 * users. When Redis cannot answer, {@code SESSION_REVOCATION_FAIL} decides: {@code closed} (default) throws
 * {@link SessionStoreException} (503), {@code open} uses the last answer seen, or accepts.
 *
 * <p>Redis holds one key per revoked user, {@code SESSION_REVOCATION_KEY_PREFIX + user}, expiring once every
 * session it voids has expired anyway (T + {@code PERMANENT_SESSION_LIFETIME}). Thread-safe.
 */
public final class RedisRevocations implements SessionValidator, AutoCloseable {
  /** Raises the stored cutoff, never lowers it, and sets its expiry: atomic, so racing revocations cannot undo one. */
  private static final String RAISE = "local old = tonumber(redis.call('GET', KEYS[1]) or '0') "
      + "if tonumber(ARGV[1]) > old then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) return 1 end return 0";

  private final RedisAccess redis;
  private final RedisSessionConfig config;
  private final String userKey; // read on every request
  private final Duration lifetime;
  private final Clock clock;
  private final RevocationCache cache;
  private final RevocationPushes pushes;

  private RedisRevocations(RedisAccess redis, RedisSessionConfig config, Duration lifetime, Clock clock) {
    this.redis = redis;
    this.config = config;
    this.userKey = config.revocationUserKey();
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cache = new RevocationCache(config.revocationCacheSize(), config.revocationMaxStaleness().toMillis());
    this.pushes = config.revocationPubSub() ? new RevocationPushes(redis, config.revocationKeyPrefix(), cache) : null;
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("PERMANENT_SESSION_LIFETIME must be positive for revocations");
    }
    if (pushes != null) {
      pushes.ensureSubscribed(); // at startup; retried on later reads if Redis is not there yet
    }
  }

  /**
   * Revocations on {@code SESSION_REDIS} with a Lettuce client of their own, closed with this.
   *
   * @param lifetime {@code PERMANENT_SESSION_LIFETIME}: how long a revocation must be kept
   * @param clock the time of revocations and of cache ages
   */
  public static RedisRevocations connect(RedisSessionConfig config, Duration lifetime, Clock clock) {
    return new RedisRevocations(RedisAccess.open(config), config, lifetime, clock);
  }

  /** Revocations on the application's Lettuce client (see {@link RedisSessionStore#using}). */
  public static RedisRevocations using(AbstractRedisClient client, RedisSessionConfig config, Duration lifetime,
      Clock clock) {
    return new RedisRevocations(RedisAccess.borrow(Objects.requireNonNull(client, "client"), config), config,
        lifetime, clock);
  }

  /**
   * Voids every session of {@code userId} signed before {@code before} (rounded up to a whole second), on
   * every server within the staleness bound. Revoking again with an earlier time changes nothing.
   *
   * @throws SessionStoreException if Redis does not confirm it: the revocation may not have happened
   */
  public void revokeAllBefore(String userId, Instant before) {
    Objects.requireNonNull(userId, "userId");
    long cutoff = before.getEpochSecond() + (before.getNano() > 0 ? 1 : 0);
    long ttl = Math.max(1, cutoff - clock.instant().getEpochSecond() + lifetime.toSeconds());
    byte[][] args = {ascii(cutoff), ascii(ttl)};
    redis.call("EVAL", c -> c.<Long>eval(RAISE, ScriptOutputType.INTEGER, new String[] {key(userId)}, args));
    cache.put(userId, cutoff, clock.millis()); // this server sees it at once
    if (pushes != null) {
      pushes.publish(userId, cutoff);
    }
  }

  /** Voids every session of {@code userId} signed until now ("log out everywhere"). */
  public void revokeAll(String userId) {
    revokeAllBefore(userId, clock.instant());
  }

  @Override
  public boolean isValid(Map<String, Object> data, Instant signedAt) {
    Object user = data.get(userKey);
    if (user == null) {
      return true; // no user: nothing to revoke
    }
    String userId = userText(user);
    if (userId == null) {
      return false; // a user value of another type cannot be checked: refused, never waved through
    }
    long now = clock.millis();
    RevocationCache.Entry entry = cache.fresh(userId, now);
    if (entry == null) {
      entry = read(userId, now);
    }
    return signedAt.getEpochSecond() >= entry.cutoff();
  }

  private RevocationCache.Entry read(String userId, long now) {
    if (pushes != null) {
      pushes.ensureSubscribed();
    }
    byte[] stored;
    try {
      stored = redis.call("GET", c -> c.get(key(userId)));
    } catch (SessionStoreException e) {
      if (config.revocationFailMode() == RevocationFailMode.CLOSED) {
        throw e;
      }
      RevocationCache.Entry last = cache.any(userId);
      return cache.put(userId, last == null ? 0 : last.cutoff(), now); // reused until the next read is due
    }
    return cache.put(userId, stored == null ? 0 : parse(stored), now);
  }

  private String key(String userId) {
    return config.revocationKeyPrefix() + userId;
  }

  private static String userText(Object user) {
    if (user instanceof String text) {
      return text;
    }
    if (user instanceof Integer || user instanceof Long || user instanceof BigInteger) {
      return user.toString(); // Python's str(12345)
    }
    return null;
  }

  private static long parse(byte[] stored) {
    try {
      return Long.parseLong(new String(stored, StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE; // a damaged revocation voids every session of the user: the safe reading
    }
  }

  private static byte[] ascii(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }

  /** Test hook: called with each user id whose push was applied. */
  void onPush(Consumer<String> listener) {
    if (pushes != null) {
      pushes.onPush(listener);
    }
  }

  int cachedUsers() {
    return cache.size();
  }

  /** Closes the pub/sub connection and the Redis connection (and the client, if it made one). */
  @Override
  public void close() {
    if (pushes != null) {
      pushes.close();
    }
    redis.close();
  }
}
