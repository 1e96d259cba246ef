package dev.flagon;

import java.util.Locale;

/**
 * Cookie attribute combinations that browsers refuse, checked when the configuration is built: a cookie
 * the browser drops is a session that silently never sticks. Flask sends them anyway; Flagon fails at
 * startup with what to change. {@code Partitioned} forces {@code Secure}, as in Werkzeug, so it satisfies
 * every rule that needs {@code Secure}.
 */
final class CookieRules {
  private static final String HOST_PREFIX = "__host-";
  private static final String SECURE_PREFIX = "__secure-";

  private CookieRules() {}

  /** @throws IllegalStateException naming the setting to change */
  static void check(Settings s) {
    boolean secure = s.secure || s.partitioned;
    if (s.sameSite == SameSite.NONE && !secure) {
      throw new IllegalStateException("SESSION_COOKIE_SAMESITE=None needs SESSION_COOKIE_SECURE=true:"
          + " browsers drop SameSite=None cookies that are not Secure. Set SESSION_COOKIE_SECURE=true and"
          + " serve the site over HTTPS, or use SESSION_COOKIE_SAMESITE=Lax.");
    }
    // Browsers match the prefixes case-insensitively (RFC 6265bis), so Flagon does too.
    String name = s.cookieName.toLowerCase(Locale.ROOT);
    if (name.startsWith(HOST_PREFIX)) {
      if (!secure) {
        throw new IllegalStateException("SESSION_COOKIE_NAME '" + s.cookieName + "' has the __Host- prefix,"
            + " which needs SESSION_COOKIE_SECURE=true (browsers drop it otherwise).");
      }
      if (!"/".equals(s.effectivePath())) {
        throw new IllegalStateException("SESSION_COOKIE_NAME '" + s.cookieName + "' has the __Host- prefix,"
            + " which needs the path /: set SESSION_COOKIE_PATH=/ (it is " + s.effectivePath() + ").");
      }
      if (s.cookieDomain != null) {
        throw new IllegalStateException("SESSION_COOKIE_NAME '" + s.cookieName + "' has the __Host- prefix,"
            + " which forbids a Domain: unset SESSION_COOKIE_DOMAIN, or use the __Secure- prefix.");
      }
    } else if (name.startsWith(SECURE_PREFIX) && !secure) {
      throw new IllegalStateException("SESSION_COOKIE_NAME '" + s.cookieName + "' has the __Secure- prefix,"
          + " which needs SESSION_COOKIE_SECURE=true (browsers drop it otherwise).");
    }
  }
}
