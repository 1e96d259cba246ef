package dev.flagon.login;

import dev.flagon.codec.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flask-WTF 1.3.0's CSRF settings, with its defaults. Immutable and thread-safe; checked when built, so a
 * bad value fails at startup with one line naming the setting.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>name</th><th>default</th></tr>
 *   <tr><td>{@code WTF_CSRF_SECRET_KEY}</td><td>{@code SECRET_KEY} (one of them is required)</td></tr>
 *   <tr><td>{@code WTF_CSRF_ENABLED}, {@code WTF_CSRF_CHECK_DEFAULT}</td><td>true, true</td></tr>
 *   <tr><td>{@code WTF_CSRF_METHODS}</td><td>{@code POST, PUT, PATCH, DELETE}</td></tr>
 *   <tr><td>{@code WTF_CSRF_FIELD_NAME}</td><td>{@code csrf_token}</td></tr>
 *   <tr><td>{@code WTF_CSRF_HEADERS}</td><td>{@code X-CSRFToken, X-CSRF-Token}</td></tr>
 *   <tr><td>{@code WTF_CSRF_TIME_LIMIT}</td><td>3600 seconds; {@code null} for no limit</td></tr>
 *   <tr><td>{@code WTF_CSRF_SSL_STRICT}</td><td>true</td></tr>
 * </table>
 */
public final class CsrfConfig {
  /** Every setting name this config reads. */
  public static final Set<String> NAMES = Set.of("SECRET_KEY", "WTF_CSRF_SECRET_KEY", "WTF_CSRF_ENABLED",
      "WTF_CSRF_CHECK_DEFAULT", "WTF_CSRF_METHODS", "WTF_CSRF_FIELD_NAME", "WTF_CSRF_HEADERS",
      "WTF_CSRF_TIME_LIMIT", "WTF_CSRF_SSL_STRICT");

  // The signing times itsdangerous can represent end in year 9999.
  private static final Duration MAX_TIME_LIMIT = Duration.ofDays(3_000_000);

  private final Secret secret;
  private final boolean enabled;
  private final boolean checkDefault;
  private final Set<String> methods;
  private final String fieldName;
  private final List<String> headers;
  private final Duration timeLimit;
  private final boolean sslStrict;

  private CsrfConfig(SettingReader s) {
    String keyName = s.key("WTF_CSRF_SECRET_KEY") != null ? "WTF_CSRF_SECRET_KEY" : "SECRET_KEY";
    Object key = s.key(keyName);
    if (key == null) {
      throw new IllegalArgumentException("WTF_CSRF_SECRET_KEY or SECRET_KEY is required: Flask-WTF signs CSRF"
          + " tokens with it");
    }
    if (key instanceof String text && !text.codePoints().allMatch(c -> c < 0xD800 || c > 0xDFFF)) {
      throw new IllegalArgumentException(keyName + " is not valid Unicode (a lone surrogate)");
    }
    // itsdangerous' want_bytes: text as UTF-8.
    secret = key instanceof String text ? Secret.fromText(text) : Secret.fromBytes((byte[]) key);
    enabled = s.bool("WTF_CSRF_ENABLED", true);
    checkDefault = s.bool("WTF_CSRF_CHECK_DEFAULT", true);
    methods = Set.copyOf(s.list("WTF_CSRF_METHODS", List.of("POST", "PUT", "PATCH", "DELETE")));
    fieldName = s.token("WTF_CSRF_FIELD_NAME", "csrf_token");
    headers = s.list("WTF_CSRF_HEADERS", List.of("X-CSRFToken", "X-CSRF-Token"));
    timeLimit = s.none("WTF_CSRF_TIME_LIMIT") ? null
        : s.duration("WTF_CSRF_TIME_LIMIT", Duration.ofSeconds(3600), MAX_TIME_LIMIT);
    if (timeLimit != null && timeLimit.getNano() != 0) {
      throw new IllegalArgumentException("WTF_CSRF_TIME_LIMIT must be whole seconds, not " + timeLimit);
    }
    sslStrict = s.bool("WTF_CSRF_SSL_STRICT", true);
  }

  /**
   * The settings in a Flask-style config: typed values or text as in environment variables
   * ({@code true}, {@code 3600}, {@code null}, a JSON array or comma-separated list). Other keys are
   * ignored; {@code null} is Python's {@code None}.
   *
   * @throws IllegalArgumentException naming the first setting that is missing or invalid
   */
  public static CsrfConfig fromMap(Map<String, ?> flaskConfig) {
    return new CsrfConfig(new SettingReader(flaskConfig));
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
