package dev.flagon;

import dev.flagon.codec.Digest;
import dev.flagon.codec.KeyDerivation;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one parser of Flask-named settings, shared by maps, the environment and properties. Messages name the
 * key; for the secret keys they never show the value.
 */
final class ConfigParser {
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";
  // Python's timedelta.max: a longer lifetime would make Flask fail on every save.
  private static final Duration MAX_LIFETIME = Duration.ofDays(999_999_999);
  /** 16 cookies of 4 KiB: the codec's 64 KiB token cap. */
  static final int MAX_CHUNKS = 16;

  /** Every name {@link #apply} reads: Flask's session settings and Flagon's own. */
  static final Set<String> NAMES = Set.of("SECRET_KEY", "SECRET_KEY_FALLBACKS", "PERMANENT_SESSION_LIFETIME",
      "APPLICATION_ROOT", "SESSION_COOKIE_NAME", "SESSION_COOKIE_DOMAIN", "SESSION_COOKIE_PATH",
      "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_PARTITIONED",
      "SESSION_REFRESH_EACH_REQUEST", "SESSION_COOKIE_SAMESITE", "MAX_COOKIE_SIZE", "SESSION_SIZE_POLICY",
      "SESSION_MAX_CHUNKS", "SECRET_KEY_ALLOW_WEAK", "SESSION_FORMAT", "SESSION_ENCRYPTION_COMPRESS",
      "SESSION_REISSUE_ON_FALLBACK", "SESSION_SALT", "SESSION_DIGEST", "SESSION_KEY_DERIVATION");

  private ConfigParser() {}

  /** Applies the known entries of a Flask config to a builder; unknown keys are ignored, as in Flask. */
  static void apply(Map<String, ?> config, FlagonConfig.Builder builder, Settings s) {
    String salt = null;
    Digest digest = null;
    KeyDerivation derivation = null;
    for (Map.Entry<String, ?> entry : config.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      if (key == null) {
        continue;
      }
      switch (key) {
        case "SECRET_KEY" -> builder.secretKey(value == null ? null : secret(key, value));
        case "SECRET_KEY_FALLBACKS" -> builder.secretKeyFallbacks(fallbacks(key, value));
        case "PERMANENT_SESSION_LIFETIME" -> builder.permanentSessionLifetime(lifetime(key, value));
        case "APPLICATION_ROOT" -> builder.applicationRoot(text(key, value, true));
        case "SESSION_COOKIE_NAME" -> builder.cookieName(text(key, value, false));
        case "SESSION_COOKIE_DOMAIN" -> builder.cookieDomain(text(key, value, true));
        case "SESSION_COOKIE_PATH" -> builder.cookiePath(text(key, value, true));
        case "SESSION_COOKIE_HTTPONLY" -> builder.cookieHttpOnly(bool(key, value));
        case "SESSION_COOKIE_SECURE" -> builder.cookieSecure(bool(key, value));
        case "SESSION_COOKIE_PARTITIONED" -> builder.cookiePartitioned(bool(key, value));
        case "SESSION_REFRESH_EACH_REQUEST" -> builder.refreshEachRequest(bool(key, value));
        case "SESSION_COOKIE_SAMESITE" -> builder.cookieSameSite(sameSite(key, value));
        case "MAX_COOKIE_SIZE" -> builder.maxCookieSize(value == null ? 0 : integer(key, value));
        case "SESSION_SIZE_POLICY" -> builder.sizePolicy(named(key, value, SizePolicy.class));
        case "SESSION_MAX_CHUNKS" -> builder.maxChunks(integer(key, value));
        case "SECRET_KEY_ALLOW_WEAK" -> builder.allowWeakSecretKey(bool(key, value));
        case "SESSION_FORMAT" -> builder.sessionFormat(value instanceof SessionFormat f ? f
            : wrap(key, () -> SessionFormat.fromName(text(key, value, false))));
        case "SESSION_ENCRYPTION_COMPRESS" -> builder.encryptionCompression(bool(key, value));
        case "SESSION_REISSUE_ON_FALLBACK" -> builder.reissueOnFallback(bool(key, value));
        case "SESSION_SALT" -> salt = text(key, value, false);
        case "SESSION_DIGEST" -> digest = value instanceof Digest d ? d
            : wrap(key, () -> Digest.fromName(text(key, value, false)));
        case "SESSION_KEY_DERIVATION" -> derivation = value instanceof KeyDerivation k ? k
            : wrap(key, () -> KeyDerivation.fromName(text(key, value, false)));
        default -> { } // not ours: a Flask config holds many other keys
      }
    }
    if (salt != null || digest != null || derivation != null) {
      Signing from = s.signing != null ? s.signing : Signing.flask();
      builder.signing(Signing.of(salt != null ? salt : from.salt(), digest != null ? digest : from.digest(),
          derivation != null ? derivation : from.keyDerivation()));
    }
  }

  static Duration checkLifetime(Duration lifetime) {
    if (lifetime.isNegative() || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException(
          "PERMANENT_SESSION_LIFETIME must be between 0 and 999999999 days, not " + lifetime);
    }
    return lifetime;
  }

  static int checkMaxChunks(int maxChunks) {
    if (maxChunks < 1 || maxChunks > MAX_CHUNKS) {
      throw new IllegalArgumentException("SESSION_MAX_CHUNKS must be between 1 and " + MAX_CHUNKS
          + " (servers refuse Cookie headers much larger than 16 KiB), not " + maxChunks);
    }
    return maxChunks;
  }

  static String checkCookieName(String name) {
    if (name == null || name.isEmpty() || !name.chars().allMatch(ConfigParser::isTokenChar)) {
      throw new IllegalArgumentException("SESSION_COOKIE_NAME must be a non-empty HTTP token (letters, digits"
          + " and " + TOKEN_SYMBOLS + "), not '" + name + "'");
    }
    return name;
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || TOKEN_SYMBOLS.indexOf(c) >= 0;
  }

  private static Secret secret(String key, Object value) {
    if (value instanceof Secret secret) {
      return secret;
    }
    if (value instanceof String text) {
      return Secret.fromText(text);
    }
    if (value instanceof byte[] bytes) {
      return Secret.fromBytes(bytes);
    }
    throw new IllegalArgumentException(key + " must be text, bytes or a Secret, not " + typeName(value));
  }

  private static List<Secret> fallbacks(String key, Object value) {
    if (value == null) {
      return List.of();
    }
    Object items = value;
    if (value instanceof String text && text.strip().startsWith("[")) {
      items = JsonLiteral.read(text);
      if (!(items instanceof List)) {
        throw new IllegalArgumentException(key + " looks like a JSON array but is not one of strings");
      }
    }
    if (!(items instanceof List<?> list)) {
      return List.of(secret(key, items));
    }
    List<Secret> secrets = new ArrayList<>();
    for (Object item : list) {
      if (item == null) {
        throw new IllegalArgumentException(key + " must not contain null");
      }
      secrets.add(secret(key, item));
    }
    return secrets;
  }

  private static Duration lifetime(String key, Object value) {
    if (value instanceof Duration duration) {
      return duration;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return seconds(key, new BigDecimal(value.toString()));
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(key + " must be a finite number of seconds, not " + value);
      }
      return seconds(key, BigDecimal.valueOf(d));
    }
    if (value instanceof String text) {
      String trimmed = text.strip();
      if (trimmed.matches("[0-9]+")) {
        return seconds(key, new BigDecimal(trimmed));
      }
      try {
        return Duration.parse(trimmed);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(key + " must be seconds or an ISO-8601 duration such as PT60M,"
            + " not '" + text + "'", e);
      }
    }
    throw new IllegalArgumentException(key + " must be seconds or a Duration, not " + typeName(value));
  }

  private static Duration seconds(String key, BigDecimal seconds) {
    if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_LIFETIME.getSeconds())) > 0) {
      throw new IllegalArgumentException(key + " must be between 0 and 999999999 days, not " + seconds + "s");
    }
    BigDecimal whole = new BigDecimal(seconds.toBigInteger());
    long nanos = seconds.subtract(whole).movePointRight(9).longValue();
    return Duration.ofSeconds(whole.longValueExact(), nanos);
  }

  private static boolean bool(String key, Object value) {
    if (value == null || value instanceof Boolean) {
      return value != null && (Boolean) value; // None is falsy in Flask
    }
    if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
      return n.doubleValue() == 1;
    }
    if (value instanceof String text) {
      switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true", "1", "yes", "on": return true;
        case "false", "0", "no", "off": return false;
        default: break;
      }
    }
    throw new IllegalArgumentException(
        key + " must be true or false (or yes/no, on/off, 1/0), not '" + value + "'");
  }

  private static int integer(String key, Object value) {
    try {
      BigInteger n;
      if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
        n = new BigInteger(value.toString());
      } else if (value instanceof String text && text.strip().matches("[0-9]+")) {
        n = new BigInteger(text.strip());
      } else {
        throw new NumberFormatException();
      }
      if (n.signum() < 0) {
        throw new NumberFormatException();
      }
      return n.intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(key + " must be a whole number of bytes (0 for no limit), not '"
          + value + "'", e);
    }
  }

  private static SameSite sameSite(String key, Object value) {
    if (value == null || value instanceof SameSite) {
      return (SameSite) value;
    }
    // An empty string is an error too: Flask would fail on every save; Flagon fails now.
    return SameSite.fromName(text(key, value, false));
  }

  private static <E extends Enum<E>> E named(String key, Object value, Class<E> type) {
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    String name = text(key, value, false);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(name.strip())) {
        return constant;
      }
    }
    throw new IllegalArgumentException(key + " must be one of " + List.of(type.getEnumConstants())
        + " (any case), not '" + name + "'");
  }

  private static String text(String key, Object value, boolean nullable) {
    if (value instanceof String text) {
      return text;
    }
    if (value == null && nullable) {
      return null;
    }
    throw new IllegalArgumentException(key + " must be text, not " + typeName(value));
  }

  private static <T> T wrap(String key, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }

  private static String typeName(Object value) {
    return value == null ? "null" : "a " + value.getClass().getSimpleName();
  }
}
