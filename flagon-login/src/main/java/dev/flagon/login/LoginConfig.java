package dev.flagon.login;

import dev.flagon.SameSite;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Flask-Login 0.6.3's settings, with its defaults. Immutable and thread-safe; checked when built, so a bad
 * value fails at startup with one line naming the setting.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>name</th><th>default</th></tr>
 *   <tr><td>{@code SECRET_KEY}</td><td>required: signs the remember cookie</td></tr>
 *   <tr><td>{@code SESSION_PROTECTION}</td><td>{@code basic}</td></tr>
 *   <tr><td>{@code REMEMBER_COOKIE_NAME}</td><td>{@code remember_token}</td></tr>
 *   <tr><td>{@code REMEMBER_COOKIE_DURATION}</td><td>365 days (whole seconds or ISO-8601)</td></tr>
 *   <tr><td>{@code REMEMBER_COOKIE_DOMAIN}</td><td>none</td></tr>
 *   <tr><td>{@code REMEMBER_COOKIE_PATH}</td><td>{@code /}</td></tr>
 *   <tr><td>{@code REMEMBER_COOKIE_SECURE}</td><td>false</td></tr>
 *   <tr><td>{@code REMEMBER_COOKIE_HTTPONLY}</td><td>true</td></tr>
 *   <tr><td>{@code REMEMBER_COOKIE_SAMESITE}</td><td>none</td></tr>
 *   <tr><td>{@code REMEMBER_COOKIE_REFRESH_EACH_REQUEST}</td><td>false</td></tr>
 * </table>
 */
public final class LoginConfig {
  /** Every setting name this config reads. */
  public static final Set<String> NAMES = Set.of("SECRET_KEY", "SESSION_PROTECTION", "REMEMBER_COOKIE_NAME",
      "REMEMBER_COOKIE_DURATION", "REMEMBER_COOKIE_DOMAIN", "REMEMBER_COOKIE_PATH", "REMEMBER_COOKIE_SECURE",
      "REMEMBER_COOKIE_HTTPONLY", "REMEMBER_COOKIE_SAMESITE", "REMEMBER_COOKIE_REFRESH_EACH_REQUEST");

  // Python's datetime ends in year 9999: a longer cookie would make Flask-Login fail on every login.
  private static final Duration MAX_DURATION = Duration.ofDays(100_000);

  private final RememberToken rememberToken;
  private final SessionProtection sessionProtection;
  private final String cookieName;
  private final Duration cookieDuration;
  private final String cookieDomain;
  private final String cookiePath;
  private final boolean cookieSecure;
  private final boolean cookieHttpOnly;
  private final SameSite cookieSameSite;
  private final boolean refreshEachRequest;

  private LoginConfig(SettingReader s) {
    rememberToken = new RememberToken(latin1Key(s.key("SECRET_KEY")));
    sessionProtection = protection(s);
    cookieName = s.token("REMEMBER_COOKIE_NAME", "remember_token");
    cookieDuration = s.duration("REMEMBER_COOKIE_DURATION", Duration.ofDays(365), MAX_DURATION);
    cookieDomain = s.text("REMEMBER_COOKIE_DOMAIN", null);
    cookiePath = s.text("REMEMBER_COOKIE_PATH", "/");
    cookieSecure = s.bool("REMEMBER_COOKIE_SECURE", false);
    cookieHttpOnly = s.bool("REMEMBER_COOKIE_HTTPONLY", true);
    cookieSameSite = s.sameSite("REMEMBER_COOKIE_SAMESITE");
    refreshEachRequest = s.bool("REMEMBER_COOKIE_REFRESH_EACH_REQUEST", false);
    try { // checked now rather than on the first remembered login
      RememberCookie.writer(cookieName, cookieDomain, cookiePath, cookieSecure, cookieHttpOnly, cookieSameSite);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * The settings in a Flask-style config: typed values ({@code Boolean}, whole seconds or a
   * {@code Duration}, {@link SameSite}, text or bytes for the key) or text as in environment variables
   * ({@code true}, {@code 3600}, {@code null}). Other keys are ignored; {@code null} is Python's
   * {@code None}.
   *
   * @throws IllegalArgumentException naming the first setting that is missing or invalid
   */
  public static LoginConfig fromMap(Map<String, ?> flaskConfig) {
    return new LoginConfig(new SettingReader(flaskConfig));
  }

  /** Flask-Login's {@code _secret_key}: a text key is encoded as Latin-1, bytes are used as they are. */
  private static byte[] latin1Key(Object key) {
    if (key == null) {
      throw new IllegalArgumentException("SECRET_KEY is required: Flask-Login signs the remember cookie with it");
    }
    if (key instanceof byte[] bytes) {
      return bytes;
    }
    String text = (String) key;
    byte[] bytes = new byte[text.length()];
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        throw new IllegalArgumentException("SECRET_KEY has a character outside Latin-1 at index " + i
            + ": Flask-Login encodes a text key as Latin-1 and would fail on every remember cookie");
      }
      bytes[i] = (byte) text.charAt(i);
    }
    return bytes;
  }

  private static SessionProtection protection(SettingReader s) {
    if (!s.present("SESSION_PROTECTION")) {
      return SessionProtection.BASIC;
    }
    if (s.none("SESSION_PROTECTION") || Boolean.FALSE.equals(s.raw("SESSION_PROTECTION"))) {
      return SessionProtection.DISABLED;
    }
    if (s.raw("SESSION_PROTECTION") instanceof SessionProtection mode) {
      return mode;
    }
    return SessionProtection.fromName(s.text("SESSION_PROTECTION", null));
  }

  RememberToken rememberToken() {
    return rememberToken;
  }

  /** {@code SESSION_PROTECTION}: {@link SessionProtection#BASIC} unless configured. */
  public SessionProtection sessionProtection() {
    return sessionProtection;
  }

  /** {@code REMEMBER_COOKIE_NAME}: {@code remember_token} unless configured. */
  public String rememberCookieName() {
    return cookieName;
  }

  /** {@code REMEMBER_COOKIE_DURATION}: 365 days unless configured; a login may give its own. */
  public Duration rememberCookieDuration() {
    return cookieDuration;
  }

  /** {@code REMEMBER_COOKIE_DOMAIN}, or {@code null} (no {@code Domain} attribute). */
  public String rememberCookieDomain() {
    return cookieDomain;
  }

  /** {@code REMEMBER_COOKIE_PATH}: {@code /} unless configured; {@code null} if configured as none. */
  public String rememberCookiePath() {
    return cookiePath;
  }

  /** {@code REMEMBER_COOKIE_SECURE}: false unless configured. */
  public boolean rememberCookieSecure() {
    return cookieSecure;
  }

  /** {@code REMEMBER_COOKIE_HTTPONLY}: true unless configured. */
  public boolean rememberCookieHttpOnly() {
    return cookieHttpOnly;
  }

  /** {@code REMEMBER_COOKIE_SAMESITE}, or {@code null} (no attribute). */
  public SameSite rememberCookieSameSite() {
    return cookieSameSite;
  }

  /** {@code REMEMBER_COOKIE_REFRESH_EACH_REQUEST}: false unless configured. */
  public boolean rememberCookieRefreshEachRequest() {
    return refreshEachRequest;
  }

  /** The settings, never the key. */
  @Override
  public String toString() {
    return "LoginConfig[sessionProtection=" + sessionProtection + ", rememberCookie=" + cookieName
        + ", duration=" + cookieDuration + ", domain=" + cookieDomain + ", path=" + cookiePath
        + ", secure=" + cookieSecure + ", httpOnly=" + cookieHttpOnly + ", sameSite=" + cookieSameSite
        + ", refreshEachRequest=" + refreshEachRequest + "]";
  }
}
