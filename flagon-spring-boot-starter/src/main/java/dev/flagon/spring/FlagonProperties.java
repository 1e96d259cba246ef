package dev.flagon.spring;

import dev.flagon.SameSite;
import dev.flagon.SizePolicy;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Flagon's settings under {@code flagon.*}. Each one maps to a Flask setting; one left unset keeps Flask's
 * default (or a value given under Flask's own name, see {@link FlagonAutoConfiguration}). Immutable: bound
 * once through the constructor.
 */
@ConfigurationProperties("flagon")
public final class FlagonProperties {

  /** Whether Flagon keeps the session in a signed cookie. When false the starter adds nothing. */
  private final boolean enabled;

  /**
   * SECRET_KEY: signs new session cookies. Required when Flagon is enabled; generate one with
   * `./flagon secret` or `openssl rand -hex 32`. Used as text (its UTF-8 bytes), as in Flask.
   */
  private final String secretKey;

  /** SECRET_KEY_FALLBACKS, oldest first: retired keys whose cookies are still accepted. */
  private final List<String> secretKeyFallbacks;

  /**
   * PERMANENT_SESSION_LIFETIME: expiry of permanent sessions and maximum age of every cookie. Bare
   * numbers are seconds. Flask's default: 31 days.
   */
  private final Duration permanentSessionLifetime;

  /**
   * SESSION_REFRESH_EACH_REQUEST: whether a permanent session is re-sent on every response. Flask's
   * default: true.
   */
  private final Boolean refreshEachRequest;

  /**
   * MAX_COOKIE_SIZE: the largest Set-Cookie header in bytes (0 for no limit). Flask's default: 4093.
   */
  private final Integer maxCookieSize;

  /**
   * SESSION_SIZE_POLICY: what a cookie larger than max-cookie-size does: ERROR (Flagon's default, a 500
   * response) or WARN (Flask's behaviour: sent anyway and logged).
   */
  private final SizePolicy sizePolicy;

  /**
   * Whether request.getSession() answers an HttpSession backed by the cookie session, for code written
   * against servlet sessions.
   */
  private final boolean httpSessionView;

  /** The session cookie's attributes. */
  private final Cookie cookie;

  /**
   * Bound by Spring from {@code flagon.*}; a null value means "unset". A bare number for the lifetime is
   * seconds, as in Flask (Spring's default unit would be milliseconds).
   */
  public FlagonProperties(@DefaultValue("true") boolean enabled, String secretKey,
      List<String> secretKeyFallbacks, @DurationUnit(ChronoUnit.SECONDS) Duration permanentSessionLifetime,
      Boolean refreshEachRequest,
      Integer maxCookieSize, SizePolicy sizePolicy, @DefaultValue("false") boolean httpSessionView,
      @DefaultValue Cookie cookie) {
    this.enabled = enabled;
    this.secretKey = secretKey;
    this.secretKeyFallbacks = secretKeyFallbacks == null ? null : List.copyOf(secretKeyFallbacks);
    this.permanentSessionLifetime = permanentSessionLifetime;
    this.refreshEachRequest = refreshEachRequest;
    this.maxCookieSize = maxCookieSize;
    this.sizePolicy = sizePolicy;
    this.httpSessionView = httpSessionView;
    this.cookie = cookie;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public String getSecretKey() {
    return secretKey;
  }

  public List<String> getSecretKeyFallbacks() {
    return secretKeyFallbacks;
  }

  public Duration getPermanentSessionLifetime() {
    return permanentSessionLifetime;
  }

  public Boolean getRefreshEachRequest() {
    return refreshEachRequest;
  }

  public Integer getMaxCookieSize() {
    return maxCookieSize;
  }

  public SizePolicy getSizePolicy() {
    return sizePolicy;
  }

  public boolean isHttpSessionView() {
    return httpSessionView;
  }

  public Cookie getCookie() {
    return cookie;
  }

  @Override
  public String toString() {
    // Never the key itself.
    return "FlagonProperties[enabled=" + enabled + ", secretKey="
        + (secretKey == null ? "unset" : "<redacted>") + ", cookie=" + cookie.getName() + "]";
  }

  /** {@code flagon.cookie.*}: the session cookie's name and attributes. */
  public static final class Cookie {

    /** SESSION_COOKIE_NAME. Flask's default: session. */
    private final String name;

    /** SESSION_COOKIE_DOMAIN. Flask's default: none (a host-only cookie). */
    private final String domain;

    /** SESSION_COOKIE_PATH. Flask's default: APPLICATION_ROOT, which defaults to /. */
    private final String path;

    /** SESSION_COOKIE_HTTPONLY. Flask's default: true. */
    private final Boolean httpOnly;

    /** SESSION_COOKIE_SECURE. Flask's default: false. */
    private final Boolean secure;

    /** SESSION_COOKIE_SAMESITE: Strict, Lax or None. Flask's default: no SameSite attribute. */
    private final SameSite sameSite;

    /** SESSION_COOKIE_PARTITIONED (CHIPS); true also makes the cookie Secure. Flask's default: false. */
    private final Boolean partitioned;

    /** Bound by Spring from {@code flagon.cookie.*}; a null value means "unset". */
    public Cookie(String name, String domain, String path, Boolean httpOnly, Boolean secure,
        SameSite sameSite, Boolean partitioned) {
      this.name = name;
      this.domain = domain;
      this.path = path;
      this.httpOnly = httpOnly;
      this.secure = secure;
      this.sameSite = sameSite;
      this.partitioned = partitioned;
    }

    public String getName() {
      return name;
    }

    public String getDomain() {
      return domain;
    }

    public String getPath() {
      return path;
    }

    public Boolean getHttpOnly() {
      return httpOnly;
    }

    public Boolean getSecure() {
      return secure;
    }

    public SameSite getSameSite() {
      return sameSite;
    }

    public Boolean getPartitioned() {
      return partitioned;
    }
  }
}
