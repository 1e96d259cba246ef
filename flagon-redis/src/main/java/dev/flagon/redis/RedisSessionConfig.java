package dev.flagon.redis;

import static dev.flagon.redis.RedisSettings.*;

import dev.flagon.FlagonConfig;
import dev.flagon.FlagonSettings;
import dev.flagon.Setting;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Redis settings ({@link RedisSettings}) as typed values, what a {@link RedisSessionStore} or
 * {@link RedisRevocations} is made from: Flask-Session's names and defaults where it has them, Flagon's own
 * for timeouts, Cluster and revocation (docs/redis.md has the table). Immutable, validated when built: a bad
 * setting fails at startup with one line naming it. {@link #toString} never shows the Redis password.
 */
public final class RedisSessionConfig {
  private final Map<Setting<?>, Object> values = new HashMap<>(); // typed, checked by their rows; may hold null
  private final SessionType sessionType;
  private final String address;

  private RedisSessionConfig(Function<Setting<?>, Object> read, boolean urlRequired) {
    sessionType = RedisSettings.sessionType((String) read.apply(FlagonSettings.SESSION_TYPE));
    // in the rows' order, so that the first bad one is named; SESSION_MIGRATE_COOKIE is read where it is used
    RedisSettings.all().stream().filter(row -> row != SESSION_MIGRATE_COOKIE)
        .forEach(row -> values.put(row, read.apply(row)));
    if ((sessionType == SessionType.REDIS || revocation()) && get(SESSION_REDIS) == null && urlRequired) {
      throw new IllegalArgumentException("SESSION_REDIS must be set when SESSION_TYPE is redis or SESSION_REVOCATION"
          + " is on (a URL such as redis://localhost:6379/0)");
    }
    // parsing SESSION_REDIS refuses a bad one, naming SESSION_REDIS only
    address = get(SESSION_REDIS) == null ? "(no SESSION_REDIS)" : RedisAddress.describe(redisUris());
  }

  /**
   * The settings in a Flask-style config map: typed values, or text as in environment variables
   * ({@code "true"}, {@code "0.5"} seconds, {@code "PT0.5S"}). Other keys are ignored, as in Flask.
   *
   * @throws IllegalArgumentException naming the first bad setting
   */
  public static RedisSessionConfig fromMap(Map<String, ?> config) {
    return new RedisSessionConfig(RedisSettings.reader(config), true);
  }

  /**
   * The settings of a Flagon configuration: its {@code SESSION_TYPE} and this module's rows
   * ({@link RedisSettings}), read by every entry point as core's are.
   *
   * @throws IllegalArgumentException naming the first bad setting
   */
  public static RedisSessionConfig from(FlagonConfig config) {
    return new RedisSessionConfig(config::get, true);
  }

  /** {@link #from}, for a store on the application's own client: {@code SESSION_REDIS} may be unset. */
  static RedisSessionConfig forApplicationClient(FlagonConfig config) {
    return new RedisSessionConfig(config::get, false);
  }

  @SuppressWarnings("unchecked") // each row's value is of its type
  private <T> T get(Setting<T> row) {
    return (T) values.get(row);
  }

  /** {@code SESSION_TYPE}: {@code cookie} (default) or {@code redis}. */
  public SessionType sessionType() {
    return sessionType;
  }

  /** {@code SESSION_REDIS_CLUSTER}: whether {@code SESSION_REDIS} names Redis Cluster seed nodes (default false). */
  public boolean cluster() {
    return get(SESSION_REDIS_CLUSTER);
  }

  /** {@code SESSION_KEY_PREFIX}: prefix of every session's Redis key (default {@code session:}). */
  public String keyPrefix() {
    return get(SESSION_KEY_PREFIX);
  }

  /** {@code SESSION_ID_LENGTH}: random bytes in a new session id (default 32; Flagon allows 16 to 256). */
  public int idLength() {
    return get(SESSION_ID_LENGTH);
  }

  /** {@code SESSION_USE_SIGNER}: whether the cookie carries the id signed with SECRET_KEY (default false). */
  public boolean useSigner() {
    return get(SESSION_USE_SIGNER);
  }

  /** {@code SESSION_PERMANENT}: whether new sessions are permanent (default true, as in Flask-Session). */
  public boolean permanent() {
    return get(SESSION_PERMANENT);
  }

  /** {@code SESSION_SERIALIZATION_FORMAT}: {@code msgpack} (default) or {@code json}. */
  public SerializationFormat serializationFormat() {
    return get(SESSION_SERIALIZATION_FORMAT);
  }

  /** {@code SESSION_REDIS_TIMEOUT}: the longest wait for one Redis command (default 1 s). */
  public Duration commandTimeout() {
    return get(SESSION_REDIS_TIMEOUT);
  }

  /** {@code SESSION_REDIS_CONNECT_TIMEOUT}: the longest wait to connect to Redis (default 1 s). */
  public Duration connectTimeout() {
    return get(SESSION_REDIS_CONNECT_TIMEOUT);
  }

  /** {@code SESSION_REVOCATION}: whether cookie sessions are checked against Redis revocations (default false). */
  public boolean revocation() {
    return get(SESSION_REVOCATION);
  }

  /** {@code SESSION_REVOCATION_USER_KEY}: the session key holding the user id (default Flask-Login's {@code _user_id}). */
  public String revocationUserKey() {
    return get(SESSION_REVOCATION_USER_KEY);
  }

  /** {@code SESSION_REVOCATION_KEY_PREFIX}: prefix of the revocation keys (default {@code flagon:revoked:}). */
  public String revocationKeyPrefix() {
    return get(SESSION_REVOCATION_KEY_PREFIX);
  }

  /** {@code SESSION_REVOCATION_MAX_STALENESS}: the longest a cached revocation answer is used (default 5 s). */
  public Duration revocationMaxStaleness() {
    return get(SESSION_REVOCATION_MAX_STALENESS);
  }

  /** {@code SESSION_REVOCATION_CACHE_SIZE}: the most users whose answers are cached (default 100000). */
  public int revocationCacheSize() {
    return get(SESSION_REVOCATION_CACHE_SIZE);
  }

  /** {@code SESSION_REVOCATION_FAIL}: {@code closed} (default: 503) or {@code open} when Redis cannot answer. */
  public RevocationFailMode revocationFailMode() {
    return get(SESSION_REVOCATION_FAIL);
  }

  /** {@code SESSION_REVOCATION_PUBSUB}: whether revocations are pushed to every server at once (default true). */
  public boolean revocationPubSub() {
    return get(SESSION_REVOCATION_PUBSUB);
  }

  /** Redis's address for logs and messages, without credentials, for example {@code redis://127.0.0.1:6379/0}. */
  public String redisAddress() {
    return address;
  }

  /** {@code SESSION_REDIS} as Lettuce URIs (new objects each call: {@link RedisURI} is mutable). */
  List<RedisURI> redisUris() {
    String url = get(SESSION_REDIS);
    if (url == null) {
      throw new IllegalStateException("SESSION_REDIS is not set");
    }
    return RedisAddress.parse(url, cluster(), commandTimeout());
  }

  @Override
  public String toString() {
    return "RedisSessionConfig[SESSION_TYPE=" + sessionType.name().toLowerCase(Locale.ROOT)
        + ", SESSION_REDIS=" + address + ", SESSION_REDIS_CLUSTER=" + cluster() + ", SESSION_KEY_PREFIX=" + keyPrefix()
        + ", SESSION_ID_LENGTH=" + idLength() + ", SESSION_USE_SIGNER=" + useSigner() + ", SESSION_PERMANENT="
        + permanent() + ", SESSION_SERIALIZATION_FORMAT=" + serializationFormat().flaskName()
        + ", SESSION_REDIS_TIMEOUT=" + commandTimeout() + ", SESSION_REDIS_CONNECT_TIMEOUT=" + connectTimeout()
        + ", SESSION_REVOCATION=" + revocation() + "]";
  }
}
