package dev.flagon.redis;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * The one parser of the Redis settings: each name, how its value is read from a map (a typed value or text,
 * as in environment variables) and its bounds. Messages name the setting and never show SESSION_REDIS.
 */
final class RedisSettings {
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);
  private static final Duration MAX_STALENESS = Duration.ofHours(1);

  private RedisSettings() {}

  static void apply(Map<String, ?> config, RedisSessionConfig.Builder b) {
    for (Map.Entry<String, ?> entry : config.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      if (key == null) {
        continue;
      }
      switch (key) {
        case "SESSION_TYPE" -> b.sessionType(sessionType(key, value));
        case "SESSION_REDIS" -> b.redisUrl(value == null ? null : text(key, value));
        case "SESSION_REDIS_CLUSTER" -> b.cluster(bool(key, value));
        case "SESSION_KEY_PREFIX" -> b.keyPrefix(text(key, value));
        case "SESSION_ID_LENGTH" -> b.idLength(integer(key, value));
        case "SESSION_USE_SIGNER" -> b.useSigner(bool(key, value));
        case "SESSION_PERMANENT" -> b.permanent(bool(key, value));
        case "SESSION_SERIALIZATION_FORMAT" -> b.serializationFormat(value instanceof SerializationFormat f ? f
            : wrap(key, () -> SerializationFormat.fromName(text(key, value))));
        case "SESSION_REDIS_TIMEOUT" -> b.commandTimeout(duration(key, value));
        case "SESSION_REDIS_CONNECT_TIMEOUT" -> b.connectTimeout(duration(key, value));
        case "SESSION_REVOCATION" -> b.revocation(bool(key, value));
        case "SESSION_REVOCATION_USER_KEY" -> b.revocationUserKey(text(key, value));
        case "SESSION_REVOCATION_KEY_PREFIX" -> b.revocationKeyPrefix(text(key, value));
        case "SESSION_REVOCATION_MAX_STALENESS" -> b.revocationMaxStaleness(duration(key, value));
        case "SESSION_REVOCATION_CACHE_SIZE" -> b.revocationCacheSize(integer(key, value));
        case "SESSION_REVOCATION_FAIL" -> b.revocationFailMode(value instanceof RevocationFailMode m ? m
            : named(key, text(key, value), RevocationFailMode.class));
        case "SESSION_REVOCATION_PUBSUB" -> b.revocationPubSub(bool(key, value));
        default -> { } // not ours: a Flask config holds many other keys
      }
    }
  }

  static void validate(RedisSessionConfig.Builder b) {
    if ((b.sessionType == SessionType.REDIS || b.revocation) && b.redisUrl == null) {
      throw new IllegalArgumentException("SESSION_REDIS must be set when SESSION_TYPE is redis or SESSION_REVOCATION"
          + " is on (a URL such as redis://localhost:6379/0)");
    }
    if (b.redisUrl != null) {
      RedisAddress.parse(b.redisUrl, b.cluster, b.commandTimeout); // throws naming SESSION_REDIS
    }
    if (b.idLength < 16 || b.idLength > 256) {
      throw new IllegalArgumentException("SESSION_ID_LENGTH must be between 16 and 256 bytes (Flask-Session's"
          + " default is 32; fewer than 16 random bytes make ids guessable), not " + b.idLength);
    }
    checkDuration("SESSION_REDIS_TIMEOUT", b.commandTimeout, false, MAX_TIMEOUT);
    checkDuration("SESSION_REDIS_CONNECT_TIMEOUT", b.connectTimeout, false, MAX_TIMEOUT);
    checkDuration("SESSION_REVOCATION_MAX_STALENESS", b.revocationMaxStaleness, true, MAX_STALENESS);
    if (b.revocationCacheSize < 1 || b.revocationCacheSize > 10_000_000) {
      throw new IllegalArgumentException("SESSION_REVOCATION_CACHE_SIZE must be between 1 and 10000000 users, not "
          + b.revocationCacheSize);
    }
    if (b.revocationUserKey.isEmpty()) {
      throw new IllegalArgumentException("SESSION_REVOCATION_USER_KEY must not be empty");
    }
  }

  private static void checkDuration(String key, Duration value, boolean zeroAllowed, Duration max) {
    if (value.isNegative() || (value.isZero() && !zeroAllowed) || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(key + " must be " + (zeroAllowed ? "from 0" : "more than 0") + " to "
          + max.toSeconds() + " seconds, not " + value.toMillis() + " ms");
    }
  }

  private static SessionType sessionType(String key, Object value) {
    if (value instanceof SessionType type) {
      return type;
    }
    String name = text(key, value).strip().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "cookie" -> SessionType.COOKIE;
      case "redis" -> SessionType.REDIS;
      default -> throw new IllegalArgumentException(key + " must be cookie or redis (Flagon has no '" + name
          + "' store)");
    };
  }

  /** Seconds (a number, or text such as {@code 0.5}), an ISO-8601 duration ({@code PT0.5S}), or a Duration. */
  private static Duration duration(String key, Object value) {
    if (value instanceof Duration duration) {
      return duration;
    }
    try {
      if (value instanceof Number number) {
        return seconds(new BigDecimal(number.toString()));
      }
      String text = text(key, value).strip();
      return text.matches("[0-9]+(\\.[0-9]+)?") ? seconds(new BigDecimal(text)) : Duration.parse(text);
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be seconds (such as 0.5) or an ISO-8601 duration (such as"
          + " PT0.5S), not '" + value + "'");
    }
  }

  private static Duration seconds(BigDecimal seconds) {
    return Duration.ofNanos(seconds.movePointRight(9).toBigInteger().longValueExact());
  }

  private static boolean bool(String key, Object value) {
    if (value instanceof Boolean flag) {
      return flag;
    }
    if (value instanceof String text) {
      switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true", "1", "yes", "on": return true;
        case "false", "0", "no", "off": return false;
        default: break;
      }
    }
    throw new IllegalArgumentException(key + " must be true or false (or yes/no, on/off, 1/0), not '" + value + "'");
  }

  private static int integer(String key, Object value) {
    try {
      if (value instanceof Integer || value instanceof Long || value instanceof Short) {
        return Math.toIntExact(((Number) value).longValue());
      }
      if (value instanceof String text && text.strip().matches("-?[0-9]{1,10}")) {
        return Math.toIntExact(Long.parseLong(text.strip()));
      }
    } catch (ArithmeticException e) {
      // out of int range: the message below
    }
    throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
  }

  private static <E extends Enum<E>> E named(String key, String name, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(name.strip())) {
        return constant;
      }
    }
    throw new IllegalArgumentException(key + " must be one of " + java.util.List.of(type.getEnumConstants())
        + " (any case), not '" + name + "'");
  }

  private static String text(String key, Object value) {
    if (value instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException(key + " must be text, not " + (value == null ? "null" : "a "
        + value.getClass().getSimpleName()));
  }

  private static <T> T wrap(String key, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " " + e.getMessage(), e);
    }
  }
}
