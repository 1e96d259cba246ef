package dev.flagon.redis;

import static dev.flagon.redis.RedisSettings.*;

import dev.flagon.FlagonConfig;
import dev.flagon.FlagonSettings;
import dev.flagon.Setting;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Redis settings ({@link RedisSettings}) as typed values, what a {@link RedisSessionStore} or
 * {@link RedisRevocations} is made from: Flask-Session's names and defaults where it has them, Flagon's own
 * for timeouts, Cluster and revocation (docs/redis.md has the table). Immutable, validated when built: a bad
 * setting fails at startup with one line naming it. {@link #toString} never shows the Redis password.
 */
public final class RedisSessionConfig {
  private final SessionType sessionType;
  private final String redisUrl;
  private final boolean cluster;
  private final String keyPrefix;
  private final int idLength;
  private final boolean useSigner;
  private final boolean permanent;
  private final SerializationFormat serializationFormat;
  private final Duration commandTimeout;
  private final Duration connectTimeout;
  private final boolean revocation;
  private final String revocationUserKey;
  private final String revocationKeyPrefix;
  private final Duration revocationMaxStaleness;
  private final int revocationCacheSize;
  private final RevocationFailMode revocationFailMode;
  private final boolean revocationPubSub;
  private final String address;

  private RedisSessionConfig(Builder b) {
    sessionType = b.sessionType;
    redisUrl = b.redisUrl;
    cluster = b.cluster;
    keyPrefix = b.keyPrefix;
    idLength = b.idLength;
    useSigner = b.useSigner;
    permanent = b.permanent;
    serializationFormat = b.serializationFormat;
    commandTimeout = b.commandTimeout;
    connectTimeout = b.connectTimeout;
    revocation = b.revocation;
    revocationUserKey = b.revocationUserKey;
    revocationKeyPrefix = b.revocationKeyPrefix;
    revocationMaxStaleness = b.revocationMaxStaleness;
    revocationCacheSize = b.revocationCacheSize;
    revocationFailMode = b.revocationFailMode;
    revocationPubSub = b.revocationPubSub;
    address = redisUrl == null ? "(no SESSION_REDIS)" : RedisAddress.describe(redisUris());
  }

  /** A new builder with every default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The settings in a Flask-style config map: typed values, or text as in environment variables
   * ({@code "true"}, {@code "0.5"} seconds, {@code "PT0.5S"}). Other keys are ignored, as in Flask.
   *
   * @throws IllegalArgumentException naming the first bad setting
   */
  public static RedisSessionConfig fromMap(Map<String, ?> config) {
    return read(RedisSettings.reader(config), true);
  }

  /**
   * The settings of a Flagon configuration: its {@code SESSION_TYPE} and this module's rows
   * ({@link RedisSettings}), read by every entry point as core's are.
   *
   * @throws IllegalArgumentException naming the first bad setting
   */
  public static RedisSessionConfig from(FlagonConfig config) {
    return read(config::get, true);
  }

  /** {@link #from}, for a store on the application's own client: {@code SESSION_REDIS} may be unset. */
  static RedisSessionConfig forApplicationClient(FlagonConfig config) {
    return read(config::get, false);
  }

  @SuppressWarnings("unchecked")
  private static <T> T value(Function<Setting<?>, Object> values, Setting<T> row) {
    return (T) values.apply(row);
  }

  private static RedisSessionConfig read(Function<Setting<?>, Object> v, boolean urlRequired) {
    Builder builder = builder();
    builder.urlRequired = urlRequired;
    return builder.sessionType(RedisSettings.sessionType(value(v, FlagonSettings.SESSION_TYPE)))
        .redisUrl(value(v, SESSION_REDIS)).cluster(value(v, SESSION_REDIS_CLUSTER))
        .keyPrefix(value(v, SESSION_KEY_PREFIX)).idLength(value(v, SESSION_ID_LENGTH))
        .useSigner(value(v, SESSION_USE_SIGNER)).permanent(value(v, SESSION_PERMANENT))
        .serializationFormat(value(v, SESSION_SERIALIZATION_FORMAT)).commandTimeout(value(v, SESSION_REDIS_TIMEOUT))
        .connectTimeout(value(v, SESSION_REDIS_CONNECT_TIMEOUT)).revocation(value(v, SESSION_REVOCATION))
        .revocationUserKey(value(v, SESSION_REVOCATION_USER_KEY))
        .revocationKeyPrefix(value(v, SESSION_REVOCATION_KEY_PREFIX))
        .revocationMaxStaleness(value(v, SESSION_REVOCATION_MAX_STALENESS))
        .revocationCacheSize(value(v, SESSION_REVOCATION_CACHE_SIZE))
        .revocationFailMode(value(v, SESSION_REVOCATION_FAIL)).revocationPubSub(value(v, SESSION_REVOCATION_PUBSUB))
        .build();
  }

  /** {@code SESSION_TYPE}: {@code cookie} (default) or {@code redis}. */
  public SessionType sessionType() {
    return sessionType;
  }

  /** {@code SESSION_REDIS_CLUSTER}: whether {@code SESSION_REDIS} names Redis Cluster seed nodes (default false). */
  public boolean cluster() {
    return cluster;
  }

  /** {@code SESSION_KEY_PREFIX}: prefix of every session's Redis key (default {@code session:}). */
  public String keyPrefix() {
    return keyPrefix;
  }

  /** {@code SESSION_ID_LENGTH}: random bytes in a new session id (default 32; Flagon allows 16 to 256). */
  public int idLength() {
    return idLength;
  }

  /** {@code SESSION_USE_SIGNER}: whether the cookie carries the id signed with SECRET_KEY (default false). */
  public boolean useSigner() {
    return useSigner;
  }

  /** {@code SESSION_PERMANENT}: whether new sessions are permanent (default true, as in Flask-Session). */
  public boolean permanent() {
    return permanent;
  }

  /** {@code SESSION_SERIALIZATION_FORMAT}: {@code msgpack} (default) or {@code json}. */
  public SerializationFormat serializationFormat() {
    return serializationFormat;
  }

  /** {@code SESSION_REDIS_TIMEOUT}: the longest wait for one Redis command (default 1 s). */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /** {@code SESSION_REDIS_CONNECT_TIMEOUT}: the longest wait to connect to Redis (default 1 s). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** {@code SESSION_REVOCATION}: whether cookie sessions are checked against Redis revocations (default false). */
  public boolean revocation() {
    return revocation;
  }

  /** {@code SESSION_REVOCATION_USER_KEY}: the session key holding the user id (default Flask-Login's {@code _user_id}). */
  public String revocationUserKey() {
    return revocationUserKey;
  }

  /** {@code SESSION_REVOCATION_KEY_PREFIX}: prefix of the revocation keys (default {@code flagon:revoked:}). */
  public String revocationKeyPrefix() {
    return revocationKeyPrefix;
  }

  /** {@code SESSION_REVOCATION_MAX_STALENESS}: the longest a cached revocation answer is used (default 5 s). */
  public Duration revocationMaxStaleness() {
    return revocationMaxStaleness;
  }

  /** {@code SESSION_REVOCATION_CACHE_SIZE}: the most users whose answers are cached (default 100000). */
  public int revocationCacheSize() {
    return revocationCacheSize;
  }

  /** {@code SESSION_REVOCATION_FAIL}: {@code closed} (default: 503) or {@code open} when Redis cannot answer. */
  public RevocationFailMode revocationFailMode() {
    return revocationFailMode;
  }

  /** {@code SESSION_REVOCATION_PUBSUB}: whether revocations are pushed to every server at once (default true). */
  public boolean revocationPubSub() {
    return revocationPubSub;
  }

  /** Redis's address for logs and messages, without credentials, for example {@code redis://127.0.0.1:6379/0}. */
  public String redisAddress() {
    return address;
  }

  /** {@code SESSION_REDIS} as Lettuce URIs (new objects each call: {@link RedisURI} is mutable). */
  List<RedisURI> redisUris() {
    if (redisUrl == null) {
      throw new IllegalStateException("SESSION_REDIS is not set");
    }
    return RedisAddress.parse(redisUrl, cluster, commandTimeout);
  }

  @Override
  public String toString() {
    return "RedisSessionConfig[SESSION_TYPE=" + sessionType.name().toLowerCase(java.util.Locale.ROOT)
        + ", SESSION_REDIS=" + address + ", SESSION_REDIS_CLUSTER=" + cluster + ", SESSION_KEY_PREFIX=" + keyPrefix
        + ", SESSION_ID_LENGTH=" + idLength + ", SESSION_USE_SIGNER=" + useSigner + ", SESSION_PERMANENT=" + permanent
        + ", SESSION_SERIALIZATION_FORMAT=" + serializationFormat.flaskName() + ", SESSION_REDIS_TIMEOUT="
        + commandTimeout + ", SESSION_REDIS_CONNECT_TIMEOUT=" + connectTimeout + ", SESSION_REVOCATION=" + revocation
        + "]";
  }

  /** Collects settings; {@link #build} validates them. Not thread-safe. */
  public static final class Builder {
    // Defaults from the rows of the one settings table, so that they are written once.
    SessionType sessionType = SessionType.COOKIE;
    String redisUrl;
    boolean cluster = SESSION_REDIS_CLUSTER.defaultValue();
    String keyPrefix = SESSION_KEY_PREFIX.defaultValue();
    int idLength = SESSION_ID_LENGTH.defaultValue();
    boolean useSigner = SESSION_USE_SIGNER.defaultValue();
    boolean permanent = SESSION_PERMANENT.defaultValue();
    SerializationFormat serializationFormat = SESSION_SERIALIZATION_FORMAT.defaultValue();
    Duration commandTimeout = SESSION_REDIS_TIMEOUT.defaultValue();
    Duration connectTimeout = SESSION_REDIS_CONNECT_TIMEOUT.defaultValue();
    boolean revocation = SESSION_REVOCATION.defaultValue();
    String revocationUserKey = SESSION_REVOCATION_USER_KEY.defaultValue();
    String revocationKeyPrefix = SESSION_REVOCATION_KEY_PREFIX.defaultValue();
    Duration revocationMaxStaleness = SESSION_REVOCATION_MAX_STALENESS.defaultValue();
    int revocationCacheSize = SESSION_REVOCATION_CACHE_SIZE.defaultValue();
    RevocationFailMode revocationFailMode = SESSION_REVOCATION_FAIL.defaultValue();
    boolean revocationPubSub = SESSION_REVOCATION_PUBSUB.defaultValue();
    boolean urlRequired = true;

    private Builder() {}

    /** {@code SESSION_TYPE}. */
    public Builder sessionType(SessionType value) {
      sessionType = Objects.requireNonNull(value, "SESSION_TYPE");
      return this;
    }
    /** {@code SESSION_REDIS}, a URL; null for none. */
    public Builder redisUrl(String value) {
      redisUrl = value;
      return this;
    }
    /** {@code SESSION_REDIS_CLUSTER}. */
    public Builder cluster(boolean value) {
      cluster = value;
      return this;
    }
    /** {@code SESSION_KEY_PREFIX}. */
    public Builder keyPrefix(String value) {
      keyPrefix = SESSION_KEY_PREFIX.check(value);
      return this;
    }
    /** {@code SESSION_ID_LENGTH}, in bytes. */
    public Builder idLength(int value) {
      idLength = SESSION_ID_LENGTH.check(value);
      return this;
    }
    /** {@code SESSION_USE_SIGNER}. */
    public Builder useSigner(boolean value) {
      useSigner = value;
      return this;
    }
    /** {@code SESSION_PERMANENT}. */
    public Builder permanent(boolean value) {
      permanent = value;
      return this;
    }
    /** {@code SESSION_SERIALIZATION_FORMAT}. */
    public Builder serializationFormat(SerializationFormat value) {
      serializationFormat = SESSION_SERIALIZATION_FORMAT.check(value);
      return this;
    }
    /** {@code SESSION_REDIS_TIMEOUT}. */
    public Builder commandTimeout(Duration value) {
      commandTimeout = SESSION_REDIS_TIMEOUT.check(value);
      return this;
    }
    /** {@code SESSION_REDIS_CONNECT_TIMEOUT}. */
    public Builder connectTimeout(Duration value) {
      connectTimeout = SESSION_REDIS_CONNECT_TIMEOUT.check(value);
      return this;
    }
    /** {@code SESSION_REVOCATION}. */
    public Builder revocation(boolean value) {
      revocation = value;
      return this;
    }
    /** {@code SESSION_REVOCATION_USER_KEY}. */
    public Builder revocationUserKey(String value) {
      revocationUserKey = SESSION_REVOCATION_USER_KEY.check(value);
      return this;
    }
    /** {@code SESSION_REVOCATION_KEY_PREFIX}. */
    public Builder revocationKeyPrefix(String value) {
      revocationKeyPrefix = SESSION_REVOCATION_KEY_PREFIX.check(value);
      return this;
    }
    /** {@code SESSION_REVOCATION_MAX_STALENESS}. */
    public Builder revocationMaxStaleness(Duration value) {
      revocationMaxStaleness = SESSION_REVOCATION_MAX_STALENESS.check(value);
      return this;
    }
    /** {@code SESSION_REVOCATION_CACHE_SIZE}. */
    public Builder revocationCacheSize(int value) {
      revocationCacheSize = SESSION_REVOCATION_CACHE_SIZE.check(value);
      return this;
    }
    /** {@code SESSION_REVOCATION_FAIL}. */
    public Builder revocationFailMode(RevocationFailMode value) {
      revocationFailMode = SESSION_REVOCATION_FAIL.check(value);
      return this;
    }
    /** {@code SESSION_REVOCATION_PUBSUB}. */
    public Builder revocationPubSub(boolean value) {
      revocationPubSub = value;
      return this;
    }
    /**
     * The configuration.
     *
     * @throws IllegalArgumentException naming the first bad setting
     */
    public RedisSessionConfig build() {
      RedisSettings.validate(this);
      return new RedisSessionConfig(this);
    }
  }
}
