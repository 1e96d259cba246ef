package dev.flagon.spring;

import dev.flagon.FlagonSettings;
import dev.flagon.Setting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.env.Environment;

/**
 * The Flask-Login and Flask-WTF settings as rows of the settings table: their Flask, {@code FLAGON_} and
 * {@code flagon.login.*} / {@code flagon.csrf.*} names, for {@link SpringSettings} to read and for the
 * metadata and README. The rows only name and document: the raw values go to flagon-login's own
 * {@code LoginConfig.fromMap} / {@code CsrfConfig.fromMap}, the one parser of these settings. No class of
 * flagon-login is named here, so the starter works without it.
 */
final class LoginSettings {
  static final List<Setting<?>> ROWS = List.of(
      Setting.text("SESSION_PROTECTION", "flagon.login.session-protection", "basic",
          "Flask-Login's session protection: basic (a changed client makes the login not fresh), strong"
              + " (logs out) or none.").nullable(),
      Setting.text("REMEMBER_COOKIE_NAME", "flagon.login.remember-cookie.name", "remember_token",
          "The name of Flask-Login's remember-me cookie."),
      Setting.duration("REMEMBER_COOKIE_DURATION", "flagon.login.remember-cookie.duration",
          Duration.ofDays(365), "How long the remember-me cookie lasts: whole seconds or ISO-8601 (P30D)."),
      Setting.text("REMEMBER_COOKIE_DOMAIN", "flagon.login.remember-cookie.domain", null,
          "The remember-me cookie's Domain attribute; none for a host-only cookie.").nullable(),
      Setting.text("REMEMBER_COOKIE_PATH", "flagon.login.remember-cookie.path", "/",
          "The remember-me cookie's Path attribute."),
      Setting.flag("REMEMBER_COOKIE_SECURE", "flagon.login.remember-cookie.secure", false,
          "Whether the remember-me cookie is sent over HTTPS only."),
      Setting.flag("REMEMBER_COOKIE_HTTPONLY", "flagon.login.remember-cookie.http-only", true,
          "Whether scripts cannot read the remember-me cookie."),
      Setting.text("REMEMBER_COOKIE_SAMESITE", "flagon.login.remember-cookie.same-site", null,
          "The remember-me cookie's SameSite attribute (Strict, Lax, None) or none.").nullable(),
      Setting.flag("REMEMBER_COOKIE_REFRESH_EACH_REQUEST", "flagon.login.remember-cookie.refresh-each-request",
          false, "Whether every request that uses the login sets the remember-me cookie again."),
      Setting.secret("WTF_CSRF_SECRET_KEY", "flagon.csrf.secret-key",
          "Flask-WTF's key for CSRF tokens; SECRET_KEY when unset."),
      Setting.flag("WTF_CSRF_ENABLED", "flagon.csrf.enabled", true,
          "Flask-WTF's switch for CSRF protection, for code that reads CsrfConfig.enabled()."),
      Setting.flag("WTF_CSRF_CHECK_DEFAULT", "flagon.csrf.check-default", true,
          "Flask-WTF's switch for checking every request, for code that reads CsrfConfig.checkDefault()."),
      Setting.texts("WTF_CSRF_METHODS", "flagon.csrf.methods", List.of("POST", "PUT", "PATCH", "DELETE"),
          "The methods whose requests need a CSRF token."),
      Setting.text("WTF_CSRF_FIELD_NAME", "flagon.csrf.field-name", "csrf_token",
          "The form field of the signed CSRF token and the session key of the raw one."),
      Setting.texts("WTF_CSRF_HEADERS", "flagon.csrf.headers", List.of("X-CSRFToken", "X-CSRF-Token"),
          "The headers a CSRF token is read from, after the form."),
      Setting.duration("WTF_CSRF_TIME_LIMIT", "flagon.csrf.time-limit", Duration.ofSeconds(3600),
          "The largest age of a CSRF token: whole seconds or ISO-8601; null for no limit.").nullable(),
      Setting.flag("WTF_CSRF_SSL_STRICT", "flagon.csrf.ssl-strict", true,
          "Whether HTTPS requests need a Referer of the same origin."));

  private LoginSettings() {}

  /** The given values of these rows and {@code SECRET_KEY}, keyed by Flask name, for {@code fromMap}. */
  static Map<String, Object> read(Environment environment) {
    return SpringSettings.read(environment, Stream.concat(Stream.of(FlagonSettings.SECRET_KEY), ROWS.stream())
        .toList());
  }
}
