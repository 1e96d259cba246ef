package dev.flagon.redis;

import dev.flagon.Setting;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * This module's settings, to read one with {@code FlagonConfig.get} or list them in
 * {@link dev.flagon.FlagonSettings#all()}: Flask-Session's names and defaults where it has them, Flagon's own
 * for timeouts, Cluster and revocation. Every entry point reads them as it reads core's rows;
 * {@link RedisSessionConfig} is built from them. Messages never show {@code SESSION_REDIS}.
 */
public final class RedisSettings {
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

  /** {@code SESSION_REDIS}. */
  public static final Setting<String> SESSION_REDIS = Setting.redactedText("SESSION_REDIS", "flagon.redis.url",
      RedisSettings::withoutCredentials, "Redis for SESSION_TYPE=redis and revocation: redis://[[user]:password@]host"
          + "[:port][/db], rediss:// for TLS, redis-sentinel://host:port[,host:port]/db#master.");

  /** {@code SESSION_REDIS_CLUSTER}. */
  public static final Setting<Boolean> SESSION_REDIS_CLUSTER = Setting.flag("SESSION_REDIS_CLUSTER",
      "flagon.redis.cluster", false, "SESSION_REDIS lists Redis Cluster seed nodes: redis://host1:7000,host2:7001.");

  /** {@code SESSION_KEY_PREFIX}. */
  public static final Setting<String> SESSION_KEY_PREFIX = Setting.text("SESSION_KEY_PREFIX",
      "flagon.redis.key-prefix", "session:", "The Redis key of a session is this plus its id (Flask-Session's).");

  /** {@code SESSION_ID_LENGTH}. */
  public static final Setting<Integer> SESSION_ID_LENGTH = Setting.count("SESSION_ID_LENGTH",
      "flagon.redis.id-length", 32, "Random bytes in a new session id (secrets.token_urlsafe), 16 to 256.")
      .require(n -> n >= 16 && n <= 256, "between 16 and 256 bytes (Flask-Session's default is 32; fewer than 16"
          + " random bytes make ids guessable)");

  /** {@code SESSION_USE_SIGNER}. */
  public static final Setting<Boolean> SESSION_USE_SIGNER = Setting.flag("SESSION_USE_SIGNER",
      "flagon.redis.use-signer", false, "The cookie carries the session id signed with SECRET_KEY"
          + " (itsdangerous Signer, salt flask-session).");

  /** {@code SESSION_PERMANENT}. */
  public static final Setting<Boolean> SESSION_PERMANENT = Setting.flag("SESSION_PERMANENT",
      "flagon.redis.permanent", true, "New server-side sessions are permanent (Flask-Session's default).");

  /** {@code SESSION_SERIALIZATION_FORMAT}. */
  public static final Setting<SerializationFormat> SESSION_SERIALIZATION_FORMAT = Setting.choice(
      "SESSION_SERIALIZATION_FORMAT", "flagon.redis.serialization-format", SerializationFormat.class,
      SerializationFormat.MSGPACK, SerializationFormat::flaskName, "How a session is stored in Redis: msgpack or"
          + " json, as msgspec writes them.");

  /** {@code SESSION_MIGRATE_COOKIE}. */
  public static final Setting<Boolean> SESSION_MIGRATE_COOKIE = Setting.flag("SESSION_MIGRATE_COOKIE",
      "flagon.redis.migrate-cookie", false, "While moving from cookie to Redis sessions: a valid signed cookie"
          + " session is copied into a new Redis session on its next request (docs/redis.md).");

  /** {@code SESSION_REDIS_TIMEOUT}. */
  public static final Setting<Duration> SESSION_REDIS_TIMEOUT = timeout("SESSION_REDIS_TIMEOUT",
      "flagon.redis.timeout", "The longest wait for one Redis command; then 503.");

  /** {@code SESSION_REDIS_CONNECT_TIMEOUT}. */
  public static final Setting<Duration> SESSION_REDIS_CONNECT_TIMEOUT = timeout("SESSION_REDIS_CONNECT_TIMEOUT",
      "flagon.redis.connect-timeout", "The longest wait to connect to Redis.");

  /** {@code SESSION_REVOCATION}. */
  public static final Setting<Boolean> SESSION_REVOCATION = Setting.flag("SESSION_REVOCATION",
      "flagon.revocation.enabled", false, "Check cookie sessions against revocations kept in Redis.");

  /** {@code SESSION_REVOCATION_USER_KEY}. */
  public static final Setting<String> SESSION_REVOCATION_USER_KEY = Setting.text("SESSION_REVOCATION_USER_KEY",
      "flagon.revocation.user-key", "_user_id", "The session key holding the user id (Flask-Login's).")
      .require(key -> !key.isEmpty(), "not empty");

  /** {@code SESSION_REVOCATION_KEY_PREFIX}. */
  public static final Setting<String> SESSION_REVOCATION_KEY_PREFIX = Setting.text("SESSION_REVOCATION_KEY_PREFIX",
      "flagon.revocation.key-prefix", "flagon:revoked:", "Prefix of the revocation keys and pub/sub channel.");

  /** {@code SESSION_REVOCATION_MAX_STALENESS}. */
  public static final Setting<Duration> SESSION_REVOCATION_MAX_STALENESS = Setting.duration(
      "SESSION_REVOCATION_MAX_STALENESS", "flagon.revocation.max-staleness", Duration.ofSeconds(5),
      "The longest a server uses a cached revocation answer, 0 to 1 hour.")
      .require(d -> d.compareTo(Duration.ofHours(1)) <= 0, "from 0 to 3600 seconds");

  /** {@code SESSION_REVOCATION_CACHE_SIZE}. */
  public static final Setting<Integer> SESSION_REVOCATION_CACHE_SIZE = Setting.count("SESSION_REVOCATION_CACHE_SIZE",
      "flagon.revocation.cache-size", 100_000, "The most users whose revocation answers a server caches.")
      .require(n -> n >= 1 && n <= 10_000_000, "between 1 and 10000000 users");

  /** {@code SESSION_REVOCATION_FAIL}. */
  public static final Setting<RevocationFailMode> SESSION_REVOCATION_FAIL = Setting.choice("SESSION_REVOCATION_FAIL",
      "flagon.revocation.fail", RevocationFailMode.class, RevocationFailMode.CLOSED,
      m -> m.name().toLowerCase(Locale.ROOT), "When Redis cannot answer: closed (503) or open (accept).");

  /** {@code SESSION_REVOCATION_PUBSUB}. */
  public static final Setting<Boolean> SESSION_REVOCATION_PUBSUB = Setting.flag("SESSION_REVOCATION_PUBSUB",
      "flagon.revocation.pub-sub", true, "Push each revocation to every server at once.");

  private static final List<Setting<?>> ALL = List.of(SESSION_REDIS, SESSION_REDIS_CLUSTER, SESSION_KEY_PREFIX,
      SESSION_ID_LENGTH, SESSION_USE_SIGNER, SESSION_PERMANENT, SESSION_SERIALIZATION_FORMAT, SESSION_MIGRATE_COOKIE, SESSION_REDIS_TIMEOUT,
      SESSION_REDIS_CONNECT_TIMEOUT, SESSION_REVOCATION, SESSION_REVOCATION_USER_KEY, SESSION_REVOCATION_KEY_PREFIX,
      SESSION_REVOCATION_MAX_STALENESS, SESSION_REVOCATION_CACHE_SIZE, SESSION_REVOCATION_FAIL,
      SESSION_REVOCATION_PUBSUB);

  private RedisSettings() {}

  /** This module's rows, in the README's order. */
  public static List<Setting<?>> all() {
    return ALL;
  }

  private static Setting<Duration> timeout(String name, String springName, String doc) {
    return Setting.duration(name, springName, Duration.ofSeconds(1), doc + " Default 1 s, at most 1 minute.")
        .require(d -> !d.isZero() && d.compareTo(MAX_TIMEOUT) <= 0, "more than 0 and at most 60 seconds");
  }

  /** A URL as it may be shown: {@code redis://***@host:port/db}. */
  static String withoutCredentials(String url) {
    return url.replaceAll("(?<=://)[^@/]*@", "***@");
  }

  /** The typed value of a row in a Flask-style map, or its default: the one reader of {@code fromMap}. */
  static Function<Setting<?>, Object> reader(java.util.Map<String, ?> config) {
    return row -> {
      if (!config.containsKey(row.name())) {
        return row.defaultValue();
      }
      Object raw = config.get(row.name());
      return row.parse(raw instanceof SessionType type ? type.name().toLowerCase(Locale.ROOT) : raw);
    };
  }

  static SessionType sessionType(String name) {
    return SessionType.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
