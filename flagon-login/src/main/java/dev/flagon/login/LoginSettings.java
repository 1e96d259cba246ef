package dev.flagon.login;

import dev.flagon.SameSite;
import dev.flagon.Setting;
import dev.flagon.codec.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Flask-Login and Flask-WTF settings, each once: Flask name, {@code FLAGON_} variable, Spring property
 * ({@code flagon.login.*}, {@code flagon.csrf.*}), default, rules and doc line. {@link LoginConfig} and
 * {@link CsrfConfig} read them; the Spring starter reads its properties, and makes its metadata and the
 * README's table, from them. {@code SECRET_KEY} is core's {@link dev.flagon.FlagonSettings#SECRET_KEY}.
 */
public final class LoginSettings {
  /** Validated by {@link SessionProtection#fromName}; a typed {@link SessionProtection} or false also work. */
  public static final Setting<String> SESSION_PROTECTION = Setting.text("SESSION_PROTECTION",
      "flagon.login.session-protection", "basic", "Flask-Login's session protection: basic (a changed client"
          + " makes the login not fresh), strong (logs out) or none.").nullable();

  public static final Setting<String> REMEMBER_COOKIE_NAME = Setting.token("REMEMBER_COOKIE_NAME",
      "flagon.login.remember-cookie.name", "remember_token", "The name of Flask-Login's remember-me cookie.");

  // Python's datetime ends in year 9999: a longer cookie would make Flask-Login fail on every login.
  public static final Setting<Duration> REMEMBER_COOKIE_DURATION = seconds("REMEMBER_COOKIE_DURATION",
      "flagon.login.remember-cookie.duration", Duration.ofDays(365), 100_000,
      "How long the remember-me cookie lasts: seconds, 30m, 12h, 7d or ISO-8601 (P30D).");

  public static final Setting<String> REMEMBER_COOKIE_DOMAIN = Setting.text("REMEMBER_COOKIE_DOMAIN",
      "flagon.login.remember-cookie.domain", null,
      "The remember-me cookie's Domain attribute; none for a host-only cookie.").nullable();

  public static final Setting<String> REMEMBER_COOKIE_PATH = Setting.text("REMEMBER_COOKIE_PATH",
      "flagon.login.remember-cookie.path", "/", "The remember-me cookie's Path attribute.").nullable();

  public static final Setting<Boolean> REMEMBER_COOKIE_SECURE = Setting.flag("REMEMBER_COOKIE_SECURE",
      "flagon.login.remember-cookie.secure", false, "Whether the remember-me cookie is sent over HTTPS only.");

  public static final Setting<Boolean> REMEMBER_COOKIE_HTTPONLY = Setting.flag("REMEMBER_COOKIE_HTTPONLY",
      "flagon.login.remember-cookie.http-only", true, "Whether scripts cannot read the remember-me cookie.");

  public static final Setting<SameSite> REMEMBER_COOKIE_SAMESITE = Setting.choice("REMEMBER_COOKIE_SAMESITE",
      "flagon.login.remember-cookie.same-site", SameSite.class, null, SameSite::attributeValue,
      "The remember-me cookie's SameSite attribute (Strict, Lax, None) or none.").nullable();

  public static final Setting<Boolean> REMEMBER_COOKIE_REFRESH_EACH_REQUEST = Setting.flag(
      "REMEMBER_COOKIE_REFRESH_EACH_REQUEST", "flagon.login.remember-cookie.refresh-each-request", false,
      "Whether every request that uses the login sets the remember-me cookie again.");

  /** Unset or null: {@code SECRET_KEY}. */
  public static final Setting<Secret> WTF_CSRF_SECRET_KEY = Setting.secret("WTF_CSRF_SECRET_KEY",
      "flagon.csrf.secret-key", "Flask-WTF's key for CSRF tokens; SECRET_KEY when unset.");

  public static final Setting<Boolean> WTF_CSRF_ENABLED = Setting.flag("WTF_CSRF_ENABLED", "flagon.csrf.enabled",
      true, "Flask-WTF's switch for CSRF protection, for code that reads CsrfConfig.enabled().");

  public static final Setting<Boolean> WTF_CSRF_CHECK_DEFAULT = Setting.flag("WTF_CSRF_CHECK_DEFAULT",
      "flagon.csrf.check-default", true,
      "Flask-WTF's switch for checking every request, for code that reads CsrfConfig.checkDefault().");

  public static final Setting<List<String>> WTF_CSRF_METHODS = Setting.texts("WTF_CSRF_METHODS",
      "flagon.csrf.methods", List.of("POST", "PUT", "PATCH", "DELETE"),
      "The methods whose requests need a CSRF token.");

  public static final Setting<String> WTF_CSRF_FIELD_NAME = Setting.token("WTF_CSRF_FIELD_NAME",
      "flagon.csrf.field-name", "csrf_token", "The form field of the signed CSRF token and the session key of"
          + " the raw one.");

  public static final Setting<List<String>> WTF_CSRF_HEADERS = Setting.texts("WTF_CSRF_HEADERS",
      "flagon.csrf.headers", List.of("X-CSRFToken", "X-CSRF-Token"),
      "The headers a CSRF token is read from, after the form.");

  // The signing times itsdangerous can represent end in year 9999.
  public static final Setting<Duration> WTF_CSRF_TIME_LIMIT = seconds("WTF_CSRF_TIME_LIMIT",
      "flagon.csrf.time-limit", Duration.ofSeconds(3600), 3_000_000,
      "The largest age of a CSRF token: seconds, 30m, 12h or ISO-8601; null for no limit.").nullable();

  public static final Setting<Boolean> WTF_CSRF_SSL_STRICT = Setting.flag("WTF_CSRF_SSL_STRICT",
      "flagon.csrf.ssl-strict", true, "Whether HTTPS requests need a Referer of the same origin.");

  private static final List<Setting<?>> ALL = List.of(SESSION_PROTECTION, REMEMBER_COOKIE_NAME,
      REMEMBER_COOKIE_DURATION, REMEMBER_COOKIE_DOMAIN, REMEMBER_COOKIE_PATH, REMEMBER_COOKIE_SECURE,
      REMEMBER_COOKIE_HTTPONLY, REMEMBER_COOKIE_SAMESITE, REMEMBER_COOKIE_REFRESH_EACH_REQUEST, WTF_CSRF_SECRET_KEY,
      WTF_CSRF_ENABLED, WTF_CSRF_CHECK_DEFAULT, WTF_CSRF_METHODS, WTF_CSRF_FIELD_NAME, WTF_CSRF_HEADERS,
      WTF_CSRF_TIME_LIMIT, WTF_CSRF_SSL_STRICT);

  private LoginSettings() {}

  /** Every row, in the README's order. */
  public static List<Setting<?>> all() {
    return ALL;
  }

  /** A row's value in a Flask-style map (null is Python's None), or its default when absent. */
  static <T> T read(Map<String, ?> config, Setting<T> row) {
    return config.containsKey(row.name()) ? row.parse(config.get(row.name())) : row.defaultValue();
  }

  /** Whole seconds (Flask-Login and Flask-WTF take an int or a timedelta), at most {@code maxDays}. */
  private static Setting<Duration> seconds(String name, String springName, Duration defaultValue, long maxDays,
      String doc) {
    return Setting.duration(name, springName, defaultValue, doc).require(d -> d.getNano() == 0
        && d.compareTo(Duration.ofDays(maxDays)) <= 0, "whole seconds, at most " + maxDays + " days");
  }
}
