package dev.flagon.redis;

import dev.flagon.SessionStoreException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.SetArgs;
import java.util.Objects;
import java.util.Optional;

/**
 * The Redis connection a {@link RedisSessionInterface} keeps sessions through; make one with {@link #using}
 * to share the application's Lettuce client. Each session is the value under {@code SESSION_KEY_PREFIX + id},
 * written with {@code SET key value EX ttl} as Flask-Session writes it, in {@link MsgSpecSerializer}'s bytes.
 *
 * <p>Failure is explicit: an unreachable, slow (beyond {@code SESSION_REDIS_TIMEOUT}) or refusing Redis gives a
 * {@link SessionStoreException}, never an empty answer, and a {@link #set} that threw was not saved. Ids are
 * checked before use (the alphabet and length of Flask-Session's ids). Thread-safe: one multiplexed Lettuce
 * connection serves every request.
 */
public final class RedisSessionStore implements AutoCloseable {
  private final RedisAccess redis;
  private final String keyPrefix;

  private RedisSessionStore(RedisAccess redis, String keyPrefix) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
  }

  /**
   * A store on {@code SESSION_REDIS} with a Lettuce client of its own (standalone, Sentinel, or Cluster with
   * {@code SESSION_REDIS_CLUSTER}), which {@link #close} shuts down. It connects on first use.
   *
   * @throws IllegalStateException if {@code SESSION_REDIS} is not set
   */
  public static RedisSessionStore connect(RedisSessionConfig config) {
    return new RedisSessionStore(RedisAccess.open(config), config.keyPrefix());
  }

  /**
   * A store on the application's Lettuce client (a {@code RedisClient} created with its URI, or a
   * {@code RedisClusterClient}), as Spring Boot's: the store opens a connection of its own on it and
   * {@link #close} closes only that connection. The client's own timeouts apply too; the store still never
   * waits longer than {@code SESSION_REDIS_TIMEOUT}.
   */
  public static RedisSessionStore using(AbstractRedisClient client, RedisSessionConfig config) {
    Objects.requireNonNull(client, "client");
    return new RedisSessionStore(RedisAccess.borrow(client, config), config.keyPrefix());
  }

  /**
   * The stored bytes of a session, or empty if Redis has none under that id (never stored, expired or deleted).
   *
   * @throws IllegalArgumentException if the id has not the alphabet and length of a session id
   * @throws SessionStoreException if Redis does not answer
   */
  public Optional<byte[]> get(String id) {
    String key = key(id);
    return Optional.ofNullable(redis.call("GET", c -> c.get(key)));
  }

  /**
   * Stores a session's bytes for {@code ttlSeconds} ({@code SET key value EX ttl}).
   *
   * @throws IllegalArgumentException if the id is invalid or the TTL is not positive
   * @throws SessionStoreException if Redis does not confirm the write: the session was not saved
   */
  public void set(String id, byte[] value, long ttlSeconds) {
    String key = key(id);
    Objects.requireNonNull(value, "value");
    if (ttlSeconds <= 0) {
      throw new IllegalArgumentException("the TTL must be at least 1 second (PERMANENT_SESSION_LIFETIME), not "
          + ttlSeconds);
    }
    String reply = redis.call("SET", c -> c.set(key, value, SetArgs.Builder.ex(ttlSeconds)));
    if (!"OK".equals(reply)) {
      throw new SessionStoreException("Redis at " + redis.address() + ": SET was not confirmed", null);
    }
  }

  /**
   * Deletes a session (nothing happens if there is none).
   *
   * @throws SessionStoreException if Redis does not answer: the session may still exist
   */
  public void delete(String id) {
    String key = key(id);
    redis.call("DEL", c -> c.del(key));
  }

  /**
   * {@link #using(AbstractRedisClient, RedisSessionConfig)} with the settings of a Flagon configuration
   * ({@code SESSION_KEY_PREFIX}, the timeouts); {@code SESSION_REDIS} need not be set, the client is the
   * application's.
   *
   * @throws IllegalArgumentException naming a bad setting
   */
  public static RedisSessionStore using(AbstractRedisClient client, dev.flagon.FlagonConfig config) {
    return using(client, RedisSessionConfig.forApplicationClient(config));
  }

  /** Redis's address, without credentials, as it appears in messages and logs. */
  public String address() {
    return redis.address();
  }

  /** Closes the store's connection, and its client if it made one. */
  @Override
  public void close() {
    redis.close();
  }

  private String key(String id) {
    if (!SessionIds.isValidId(id)) {
      throw new IllegalArgumentException("not a session id (base64url, 1 to " + SessionIds.MAX_ID_CHARS + " characters)");
    }
    return keyPrefix + id;
  }
}
