package dev.flagon.login;

import dev.flagon.SameSite;
import dev.flagon.WerkzeugCookie;
import java.time.Instant;

/**
 * The remember cookie to send with the response, as Flask-Login's {@code _set_cookie} or
 * {@code _clear_cookie} asks Werkzeug for it. Write it as Werkzeug's {@code dump_cookie} does: the value
 * quoted where needed, {@code Expires} as an HTTP date (the second, microseconds dropped) and, for a
 * deletion, {@code Max-Age=0}.
 *
 * @param name {@code REMEMBER_COOKIE_NAME}
 * @param value {@code id|digest}; empty for a deletion
 * @param expires the expiry: now plus the duration, to the microsecond; the Unix epoch for a deletion
 * @param deletion whether this deletes the cookie ({@code response.delete_cookie}): then also
 *     {@code Max-Age=0}, and secure, httpOnly and sameSite are Werkzeug's defaults (off), since Flask-Login
 *     passes only the domain and path
 * @param domain {@code REMEMBER_COOKIE_DOMAIN}, or {@code null}
 * @param path {@code REMEMBER_COOKIE_PATH}, or {@code null} for no {@code Path}
 * @param secure {@code REMEMBER_COOKIE_SECURE}
 * @param httpOnly {@code REMEMBER_COOKIE_HTTPONLY}
 * @param sameSite {@code REMEMBER_COOKIE_SAMESITE}, or {@code null}
 */
public record RememberCookie(String name, String value, Instant expires, boolean deletion, String domain,
    String path, boolean secure, boolean httpOnly, SameSite sameSite) {

  static RememberCookie set(LoginConfig config, String value, Instant expires) {
    return new RememberCookie(config.rememberCookieName(), value, expires, false, config.rememberCookieDomain(),
        config.rememberCookiePath(), config.rememberCookieSecure(), config.rememberCookieHttpOnly(),
        config.rememberCookieSameSite());
  }

  static RememberCookie delete(LoginConfig config) {
    return new RememberCookie(config.rememberCookieName(), "", Instant.EPOCH, true, config.rememberCookieDomain(),
        config.rememberCookiePath(), false, false, null);
  }

  /**
   * The {@code Set-Cookie} header value, as Werkzeug's {@code dump_cookie} writes it: the value quoted where
   * needed, {@code Expires} to the second, and for a deletion an empty value, the epoch and {@code Max-Age=0}.
   *
   * @throws IllegalStateException if the name, domain or path cannot be written (never for a cookie from a
   *     {@link CurrentLogin}: {@link LoginConfig} checks them when built)
   */
  public String header() {
    WerkzeugCookie cookie = writer(name, domain, path, secure, httpOnly, sameSite);
    return deletion ? cookie.delete() : cookie.set(value, expires);
  }

  static WerkzeugCookie writer(String name, String domain, String path, boolean secure, boolean httpOnly,
      SameSite sameSite) {
    return WerkzeugCookie.builder(name).domain(domain).path(path).secure(secure).httpOnly(httpOnly)
        .sameSite(sameSite).settingPrefix("REMEMBER_COOKIE_").build();
  }

  /** Never the value: it logs the user in. */
  @Override
  public String toString() {
    return "RememberCookie[" + name + (deletion ? ", deletion" : ", expires " + expires) + "]";
  }
}
