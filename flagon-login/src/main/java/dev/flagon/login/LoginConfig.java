package dev.flagon.login;

import static dev.flagon.login.LoginSettings.REMEMBER_COOKIE_DOMAIN;
import static dev.flagon.login.LoginSettings.REMEMBER_COOKIE_DURATION;
import static dev.flagon.login.LoginSettings.REMEMBER_COOKIE_HTTPONLY;
import static dev.flagon.login.LoginSettings.REMEMBER_COOKIE_NAME;
import static dev.flagon.login.LoginSettings.REMEMBER_COOKIE_PATH;
import static dev.flagon.login.LoginSettings.REMEMBER_COOKIE_REFRESH_EACH_REQUEST;
import static dev.flagon.login.LoginSettings.REMEMBER_COOKIE_SAMESITE;
import static dev.flagon.login.LoginSettings.REMEMBER_COOKIE_SECURE;
import static dev.flagon.login.LoginSettings.SESSION_PROTECTION;
import static dev.flagon.login.LoginSettings.read;

import dev.flagon.FlagonSettings;
import dev.flagon.SameSite;
import java.time.Duration;
import java.util.Map;

/**
 * Flask-Login 0.6.3's settings ({@code SECRET_KEY}, {@code SESSION_PROTECTION}, {@code REMEMBER_COOKIE_*}),
 * with its defaults: the rows of {@link LoginSettings}. Immutable and thread-safe; checked when built, so a
 * bad value fails at startup with one line naming the setting.
 */
public final class LoginConfig {
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

  private LoginConfig(Map<String, ?> c) {
    rememberToken = new RememberToken(latin1Key(c.get(FlagonSettings.SECRET_KEY.name())));
    Object mode = c.get(SESSION_PROTECTION.name());
    sessionProtection = mode instanceof SessionProtection typed ? typed : Boolean.FALSE.equals(mode)
        ? SessionProtection.DISABLED : SessionProtection.fromName(read(c, SESSION_PROTECTION));
    cookieName = read(c, REMEMBER_COOKIE_NAME);
    cookieDuration = read(c, REMEMBER_COOKIE_DURATION);
    cookieDomain = read(c, REMEMBER_COOKIE_DOMAIN);
    cookiePath = read(c, REMEMBER_COOKIE_PATH);
    cookieSecure = read(c, REMEMBER_COOKIE_SECURE);
    cookieHttpOnly = read(c, REMEMBER_COOKIE_HTTPONLY);
    cookieSameSite = read(c, REMEMBER_COOKIE_SAMESITE);
    refreshEachRequest = read(c, REMEMBER_COOKIE_REFRESH_EACH_REQUEST);
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
    return new LoginConfig(flaskConfig);
  }

  /** Flask-Login's {@code _secret_key}: text (read as core reads it) is encoded as Latin-1, bytes used as is. */
  private static byte[] latin1Key(Object given) {
    Object key = given instanceof String text ? FlagonSettings.SECRET_KEY.fromText(text) : given;
    if (key instanceof byte[] bytes) {
      return bytes.clone();
    }
    if (!(key instanceof String text)) {
      throw new IllegalArgumentException(key == null ? "SECRET_KEY is required: Flask-Login signs the remember"
          + " cookie with it" : "SECRET_KEY must be text or bytes, not a " + key.getClass().getSimpleName());
    }
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
