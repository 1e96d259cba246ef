package dev.flagon;

import dev.flagon.codec.Secret;
import dev.flagon.internal.CookieAttributes;
import java.util.Locale;

/**
 * What can only be checked on a whole configuration, when it is built: the secret keys, cookie attributes
 * that browsers drop (Flask sends them anyway, Flagon fails at startup saying what to change), and the
 * characters of the configured paths. Each failure is one {@link IllegalStateException} naming the setting.
 */
final class ConfigChecks {
  private static final String HOST_PREFIX = "__host-";
  private static final String SECURE_PREFIX = "__secure-";

  private ConfigChecks() {}

  /** @throws IllegalStateException naming the setting to change */
  static void check(FlagonConfig c) {
    Secret key = c.secretKey();
    if (key == null || key.isEmpty()) {
      throw new IllegalStateException("SECRET_KEY is " + (key == null ? "missing" : "empty")
          + ": sessions need a secret key. Generate one with `./flagon secret` or `openssl rand -hex 32`"
          + " and set it as SECRET_KEY (environment: FLAGON_SECRET_KEY).");
    }
    if (!c.allowsWeakSecretKey()) {
      refuseWeak("SECRET_KEY", key);
      c.secretKeyFallbacks().forEach(fallback -> refuseWeak("SECRET_KEY_FALLBACKS", fallback));
    }
    checkPath(FlagonSettings.APPLICATION_ROOT, c.get(FlagonSettings.APPLICATION_ROOT));
    checkPath(FlagonSettings.SESSION_COOKIE_PATH, c.get(FlagonSettings.SESSION_COOKIE_PATH));
    checkBrowserRules(c);
  }

  private static void refuseWeak(String name, Secret key) {
    key.weakness().ifPresent(reason -> {
      throw new IllegalStateException(name + " is too weak: " + reason + ". Whoever guesses it can forge"
          + " any session. Generate one with `./flagon secret` (32 random bytes as hex) or"
          + " `openssl rand -hex 32`. Only to reproduce Flask test vectors, allow it explicitly:"
          + " SECRET_KEY_ALLOW_WEAK=true (Builder.allowWeakSecretKey()).");
    });
  }

  /** Partitioned forces Secure (as in Werkzeug), so it satisfies every rule that needs Secure. */
  private static void checkBrowserRules(FlagonConfig c) {
    boolean secure = c.cookieSecure() || c.cookiePartitioned();
    if (c.cookieSameSite().orElse(null) == SameSite.NONE && !secure) {
      throw new IllegalStateException("SESSION_COOKIE_SAMESITE=None needs SESSION_COOKIE_SECURE=true:"
          + " browsers drop SameSite=None cookies that are not Secure. Set SESSION_COOKIE_SECURE=true and"
          + " serve the site over HTTPS, or use SESSION_COOKIE_SAMESITE=Lax.");
    }
    // Browsers match the prefixes case-insensitively (RFC 6265bis), so Flagon does too.
    String name = c.cookieName();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith(HOST_PREFIX)) {
      if (!secure) {
        throw new IllegalStateException("SESSION_COOKIE_NAME '" + name + "' has the __Host- prefix,"
            + " which needs SESSION_COOKIE_SECURE=true (browsers drop it otherwise).");
      }
      if (!"/".equals(c.cookiePath())) {
        throw new IllegalStateException("SESSION_COOKIE_NAME '" + name + "' has the __Host- prefix,"
            + " which needs the path /: set SESSION_COOKIE_PATH=/ (it is " + c.cookiePath() + ").");
      }
      if (c.cookieDomain().isPresent()) {
        throw new IllegalStateException("SESSION_COOKIE_NAME '" + name + "' has the __Host- prefix,"
            + " which forbids a Domain: unset SESSION_COOKIE_DOMAIN, or use the __Secure- prefix.");
      }
    } else if (lower.startsWith(SECURE_PREFIX) && !secure) {
      throw new IllegalStateException("SESSION_COOKIE_NAME '" + name + "' has the __Secure- prefix,"
          + " which needs SESSION_COOKIE_SECURE=true (browsers drop it otherwise).");
    }
  }

  /** A control character or a lone surrogate (which Python's quote() cannot encode) is refused. */
  private static void checkPath(Setting<String> setting, String path) {
    if (path != null) {
      CookieAttributes.checkPath(setting.name(), path);
    }
  }
}
