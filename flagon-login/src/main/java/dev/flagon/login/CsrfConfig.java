package dev.flagon.login;

import static dev.flagon.login.LoginSettings.WTF_CSRF_CHECK_DEFAULT;
import static dev.flagon.login.LoginSettings.WTF_CSRF_ENABLED;
import static dev.flagon.login.LoginSettings.WTF_CSRF_FIELD_NAME;
import static dev.flagon.login.LoginSettings.WTF_CSRF_HEADERS;
import static dev.flagon.login.LoginSettings.WTF_CSRF_METHODS;
import static dev.flagon.login.LoginSettings.WTF_CSRF_SECRET_KEY;
import static dev.flagon.login.LoginSettings.WTF_CSRF_SSL_STRICT;
import static dev.flagon.login.LoginSettings.WTF_CSRF_TIME_LIMIT;
import static dev.flagon.login.LoginSettings.read;

import dev.flagon.FlagonSettings;
import dev.flagon.codec.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flask-WTF 1.3.0's CSRF settings ({@code WTF_CSRF_*}, else {@code SECRET_KEY}), with its defaults: the
 * rows of {@link LoginSettings}. Immutable and thread-safe; checked when built, so a bad value fails at
 * startup with one line naming the setting.
 */
public final class CsrfConfig {
  private final Secret secret;
  private final boolean enabled;
  private final boolean checkDefault;
  private final Set<String> methods;
  private final String fieldName;
  private final List<String> headers;
  private final Duration timeLimit;
  private final boolean sslStrict;

  private CsrfConfig(Map<String, ?> c) {
    Secret own = read(c, WTF_CSRF_SECRET_KEY); // itsdangerous' want_bytes: text as UTF-8
    secret = own != null ? own : read(c, FlagonSettings.SECRET_KEY);
    if (secret == null) {
      throw new IllegalArgumentException("WTF_CSRF_SECRET_KEY or SECRET_KEY is required: Flask-WTF signs CSRF"
          + " tokens with it");
    }
    enabled = read(c, WTF_CSRF_ENABLED);
    checkDefault = read(c, WTF_CSRF_CHECK_DEFAULT);
    methods = Set.copyOf(read(c, WTF_CSRF_METHODS));
    fieldName = read(c, WTF_CSRF_FIELD_NAME);
    headers = read(c, WTF_CSRF_HEADERS);
    timeLimit = read(c, WTF_CSRF_TIME_LIMIT);
    sslStrict = read(c, WTF_CSRF_SSL_STRICT);
  }

  /**
   * The settings in a Flask-style config: typed values or text as in environment variables
   * ({@code true}, {@code 3600}, {@code null}, a JSON array or comma-separated list). Other keys are
   * ignored; {@code null} is Python's {@code None}.
   *
   * @throws IllegalArgumentException naming the first setting that is missing or invalid
   */
  public static CsrfConfig fromMap(Map<String, ?> flaskConfig) {
    return new CsrfConfig(flaskConfig);
  }

  Secret secret() {
    return secret;
  }

  /** {@code WTF_CSRF_ENABLED}: whether CSRF protection is on (true unless configured). */
  public boolean enabled() {
    return enabled;
  }

  /**
   * {@code WTF_CSRF_CHECK_DEFAULT}: whether every request is checked before its view (true unless
   * configured); Flask-WTF checks only when this and {@link #enabled()} are both true.
   */
  public boolean checkDefault() {
    return checkDefault;
  }

  /** {@code WTF_CSRF_METHODS}: the methods that are checked, compared case-sensitively. */
  public Set<String> methods() {
    return methods;
  }

  /** {@code WTF_CSRF_FIELD_NAME}: the session key of the raw token and the form field of the signed one. */
  public String fieldName() {
    return fieldName;
  }

  /** {@code WTF_CSRF_HEADERS}: the headers a signed token is read from, in order, after the form. */
  public List<String> headers() {
    return headers;
  }

  /** {@code WTF_CSRF_TIME_LIMIT}: the largest age of a signed token, or {@code null} for no limit. */
  public Duration timeLimit() {
    return timeLimit;
  }

  /** {@code WTF_CSRF_SSL_STRICT}: whether HTTPS requests need a same-origin {@code Referer}. */
  public boolean sslStrict() {
    return sslStrict;
  }

  /** The settings, never the key. */
  @Override
  public String toString() {
    return "CsrfConfig[enabled=" + enabled + ", checkDefault=" + checkDefault + ", methods=" + methods
        + ", fieldName=" + fieldName + ", headers=" + headers + ", timeLimit=" + timeLimit
        + ", sslStrict=" + sslStrict + "]";
  }
}
