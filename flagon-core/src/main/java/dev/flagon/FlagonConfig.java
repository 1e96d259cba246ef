package dev.flagon;

import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.json.TaggedJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Flagon's configuration, with Flask's names and defaults. Immutable and thread-safe; checked when built:
 * a missing or empty {@code SECRET_KEY} fails here, at startup, not on the first request.
 *
 * <p>One parser reads Flask's names ({@code SECRET_KEY}, {@code SESSION_COOKIE_SECURE}, ...) from a map
 * ({@link #fromMap}), from {@code FLAGON_}-prefixed environment variables ({@link #fromEnvironment}) or
 * from a properties file ({@link #fromProperties}); {@link #builder()} is for code.
 */
public final class FlagonConfig {

  /** A builder with Flask's defaults and no secret key. */
  public static Builder builder() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Reads Flask's configuration names from a map; values may be typed ({@code Boolean}, {@code Integer},
   * {@code Duration}, {@code byte[]}, {@code Secret}, {@code List}) or text as in an environment variable.
   * Unknown keys are ignored, as in a Flask config.
   *
   * @throws IllegalArgumentException naming the key whose value is invalid, or the missing secret key
   */
  public static FlagonConfig fromMap(Map<String, ?> flaskConfig) {
    throw new UnsupportedOperationException("TODO");
  }

  /** {@link #fromMap} over this process's {@code FLAGON_}-prefixed environment variables, prefix removed. */
  public static FlagonConfig fromEnvironment() {
    throw new UnsupportedOperationException("TODO");
  }

  /** {@link #fromMap} over the {@code FLAGON_}-prefixed entries of a given environment, prefix removed. */
  public static FlagonConfig fromEnvironment(Map<String, String> environment) {
    throw new UnsupportedOperationException("TODO");
  }

  /** {@link #fromMap} over properties (keys with Flask's names). */
  public static FlagonConfig fromProperties(Properties properties) {
    throw new UnsupportedOperationException("TODO");
  }

  /** {@link #fromMap} over a properties file. @throws java.io.UncheckedIOException if it cannot be read */
  public static FlagonConfig fromProperties(Path propertiesFile) {
    throw new UnsupportedOperationException("TODO");
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    throw new UnsupportedOperationException("TODO");
  }

  public Secret secretKey() { throw new UnsupportedOperationException("TODO"); }
  public List<Secret> secretKeyFallbacks() { throw new UnsupportedOperationException("TODO"); }
  public Duration permanentSessionLifetime() { throw new UnsupportedOperationException("TODO"); }
  public String cookieName() { throw new UnsupportedOperationException("TODO"); }
  public Optional<String> cookieDomain() { throw new UnsupportedOperationException("TODO"); }
  /** {@code SESSION_COOKIE_PATH}, or else {@code APPLICATION_ROOT}, or else {@code /}. */
  public String cookiePath() { throw new UnsupportedOperationException("TODO"); }
  public boolean cookieHttpOnly() { throw new UnsupportedOperationException("TODO"); }
  public boolean cookieSecure() { throw new UnsupportedOperationException("TODO"); }
  public Optional<SameSite> cookieSameSite() { throw new UnsupportedOperationException("TODO"); }
  public boolean cookiePartitioned() { throw new UnsupportedOperationException("TODO"); }
  public boolean refreshEachRequest() { throw new UnsupportedOperationException("TODO"); }
  public int maxCookieSize() { throw new UnsupportedOperationException("TODO"); }
  public SizePolicy sizePolicy() { throw new UnsupportedOperationException("TODO"); }
  public Signing signing() { throw new UnsupportedOperationException("TODO"); }
  public TaggedJson taggedJson() { throw new UnsupportedOperationException("TODO"); }
  public Clock clock() { throw new UnsupportedOperationException("TODO"); }

  /** Builds a {@link FlagonConfig}; every setter returns the builder. Not thread-safe. */
  public static final class Builder {
    /** {@code SECRET_KEY} as text (its UTF-8 bytes). */
    public Builder secretKey(String secretKey) { throw new UnsupportedOperationException("TODO"); }
    /** {@code SECRET_KEY}. */
    public Builder secretKey(Secret secretKey) { throw new UnsupportedOperationException("TODO"); }
    /** {@code SECRET_KEY_FALLBACKS}, in Flask's order (oldest first). */
    public Builder secretKeyFallbacks(List<Secret> fallbacks) { throw new UnsupportedOperationException("TODO"); }
    /** {@code PERMANENT_SESSION_LIFETIME}, default 31 days; also the max age of every cookie on load. */
    public Builder permanentSessionLifetime(Duration lifetime) { throw new UnsupportedOperationException("TODO"); }
    /** {@code APPLICATION_ROOT}, default {@code /}: the cookie path when none is set. */
    public Builder applicationRoot(String applicationRoot) { throw new UnsupportedOperationException("TODO"); }
    /** {@code SESSION_COOKIE_NAME}, default {@code session}. */
    public Builder cookieName(String name) { throw new UnsupportedOperationException("TODO"); }
    /** {@code SESSION_COOKIE_DOMAIN}, default none; null or empty omits it. */
    public Builder cookieDomain(String domain) { throw new UnsupportedOperationException("TODO"); }
    /** {@code SESSION_COOKIE_PATH}, default none (then {@code APPLICATION_ROOT}). */
    public Builder cookiePath(String path) { throw new UnsupportedOperationException("TODO"); }
    /** {@code SESSION_COOKIE_HTTPONLY}, default true. */
    public Builder cookieHttpOnly(boolean httpOnly) { throw new UnsupportedOperationException("TODO"); }
    /** {@code SESSION_COOKIE_SECURE}, default false. */
    public Builder cookieSecure(boolean secure) { throw new UnsupportedOperationException("TODO"); }
    /** {@code SESSION_COOKIE_SAMESITE}, default none (null omits the attribute). */
    public Builder cookieSameSite(SameSite sameSite) { throw new UnsupportedOperationException("TODO"); }
    /** {@code SESSION_COOKIE_PARTITIONED}, default false; true also forces Secure. */
    public Builder cookiePartitioned(boolean partitioned) { throw new UnsupportedOperationException("TODO"); }
    /** {@code SESSION_REFRESH_EACH_REQUEST}, default true: permanent sessions are re-sent on every response. */
    public Builder refreshEachRequest(boolean refresh) { throw new UnsupportedOperationException("TODO"); }
    /** {@code MAX_COOKIE_SIZE}, default 4093; 0 disables the check. */
    public Builder maxCookieSize(int maxCookieSize) { throw new UnsupportedOperationException("TODO"); }
    /** What an oversized cookie does, default {@link SizePolicy#ERROR}. */
    public Builder sizePolicy(SizePolicy policy) { throw new UnsupportedOperationException("TODO"); }
    /** Salt, digest and key derivation, default {@link Signing#flask()}. */
    public Builder signing(Signing signing) { throw new UnsupportedOperationException("TODO"); }
    /** The serializer, default {@link TaggedJson#standard()}; set one with custom tags here. */
    public Builder taggedJson(TaggedJson taggedJson) { throw new UnsupportedOperationException("TODO"); }
    /** The clock for timestamps, expiry and {@code Expires}, default the system UTC clock. */
    public Builder clock(Clock clock) { throw new UnsupportedOperationException("TODO"); }
    /** Flask's security advice in one call: Secure, HttpOnly and SameSite=Lax. */
    public Builder recommended() { throw new UnsupportedOperationException("TODO"); }
    /** Applies Flask-named entries, as {@link FlagonConfig#fromMap}. */
    public Builder putAll(Map<String, ?> flaskConfig) { throw new UnsupportedOperationException("TODO"); }

    /**
     * The configuration.
     *
     * @throws IllegalStateException if the secret key is missing or empty, or a value is inconsistent,
     *     with a message saying how to fix it
     */
    public FlagonConfig build() { throw new UnsupportedOperationException("TODO"); }
  }
}
