package dev.flagon;

import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.json.TaggedJson;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Flagon's configuration, with Flask's names and defaults. Immutable and thread-safe; checked when built:
 * a missing, empty or weak {@code SECRET_KEY} fails here, at startup, not on the first request (Flask would
 * instead serve a read-only empty "null session" and answer 500 to the first write), as do cookie
 * attributes that browsers drop.
 *
 * <p>One parser reads Flask's names ({@code SECRET_KEY}, {@code SESSION_COOKIE_SECURE}, ...) from a map
 * ({@link #fromMap}), from {@code FLAGON_}-prefixed environment variables ({@link #fromEnvironment}) or
 * from a properties file ({@link #fromProperties}); {@link #builder()} is for code. Flagon's own settings
 * use names of the same style: {@code SESSION_SALT}, {@code SESSION_DIGEST}, {@code SESSION_KEY_DERIVATION}
 * (Flask fixes them to {@code cookie-session}, {@code sha1}, {@code hmac}), {@code SESSION_SIZE_POLICY},
 * {@code SESSION_MAX_CHUNKS}, {@code SESSION_FORMAT}, {@code SESSION_ENCRYPTION_COMPRESS},
 * {@code SESSION_REISSUE_ON_FALLBACK} and {@code SECRET_KEY_ALLOW_WEAK} (docs/security.md).
 *
 * <p>Text values (environment variables, properties) are read as Flask's {@code from_prefixed_env} reads
 * them: as a JSON literal if they are one ({@code true}, {@code 3600}, {@code null}, {@code ["a","b"]},
 * {@code "quoted"}), else as the raw text. Booleans may also be written {@code yes}/{@code no},
 * {@code on}/{@code off} or {@code 1}/{@code 0}; {@code PERMANENT_SESSION_LIFETIME} as seconds or an
 * ISO-8601 duration such as {@code PT60M}. A secret key is always taken as text, even when it looks like a
 * number. No message ever contains a secret key.
 */
public final class FlagonConfig {
  private final Settings values;

  private FlagonConfig(Settings settings) {
    this.values = settings.copy();
  }

  /** A builder with Flask's defaults and no secret key. */
  public static Builder builder() {
    return new Builder(new Settings());
  }

  /**
   * Reads Flask's configuration names from a map; values may be typed ({@code Boolean}, {@code Integer},
   * {@code Duration}, {@code byte[]}, {@code Secret}, {@code List}) or text as in an environment variable.
   * Unknown keys are ignored, as in a Flask config.
   *
   * @throws IllegalArgumentException naming the key whose value is invalid
   * @throws IllegalStateException if the secret key is missing, empty or weak, or the cookie attributes
   *     are ones browsers drop
   */
  public static FlagonConfig fromMap(Map<String, ?> flaskConfig) {
    return builder().putAll(flaskConfig).build();
  }

  /**
   * Every setting name the parser reads ({@code SECRET_KEY}, {@code SESSION_COOKIE_SECURE}, ...), for
   * integrations that collect Flask-named settings from their own configuration sources.
   */
  public static Set<String> settingNames() {
    return ConfigParser.NAMES;
  }

  /** {@link #fromMap} over this process's {@code FLAGON_}-prefixed environment variables, prefix removed. */
  public static FlagonConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** {@link #fromMap} over the {@code FLAGON_}-prefixed entries of a given environment, prefix removed. */
  public static FlagonConfig fromEnvironment(Map<String, String> environment) {
    return builder().putAll(TextConfig.fromText(environment, "FLAGON_")).build();
  }

  /** {@link #fromMap} over properties (keys with Flask's names). */
  public static FlagonConfig fromProperties(Properties properties) {
    return builder().putAll(TextConfig.fromText(properties, "")).build();
  }

  /** {@link #fromMap} over a properties file (UTF-8). @throws UncheckedIOException if it cannot be read */
  public static FlagonConfig fromProperties(Path propertiesFile) {
    return fromProperties(TextConfig.load(propertiesFile));
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() { return new Builder(values.copy()); }

  /** {@code SECRET_KEY}: new cookies are signed with it. */
  public Secret secretKey() { return values.secretKey; }

  /** {@code SECRET_KEY_FALLBACKS}, oldest first: older keys still accepted when loading. */
  public List<Secret> secretKeyFallbacks() { return values.fallbacks; }

  /** {@code PERMANENT_SESSION_LIFETIME}: {@code Expires} of permanent cookies, max age of every cookie. */
  public Duration permanentSessionLifetime() { return values.lifetime; }

  /** {@code SESSION_COOKIE_NAME}. */
  public String cookieName() { return values.cookieName; }

  /** {@code SESSION_COOKIE_DOMAIN}, as configured (encoded when written). */
  public Optional<String> cookieDomain() { return Optional.ofNullable(values.cookieDomain); }

  /** {@code SESSION_COOKIE_PATH}, or else {@code APPLICATION_ROOT}, or else {@code /}. */
  public String cookiePath() { return values.effectivePath(); }

  /** {@code SESSION_COOKIE_HTTPONLY}. */
  public boolean cookieHttpOnly() { return values.httpOnly; }

  /** {@code SESSION_COOKIE_SECURE} (the cookie is also Secure when partitioned). */
  public boolean cookieSecure() { return values.secure; }

  /** {@code SESSION_COOKIE_SAMESITE}; empty omits the attribute. */
  public Optional<SameSite> cookieSameSite() { return Optional.ofNullable(values.sameSite); }

  /** {@code SESSION_COOKIE_PARTITIONED}. */
  public boolean cookiePartitioned() { return values.partitioned; }

  /** {@code SESSION_REFRESH_EACH_REQUEST}. */
  public boolean refreshEachRequest() { return values.refresh; }

  /** {@code MAX_COOKIE_SIZE}; 0 disables the check. */
  public int maxCookieSize() { return values.maxCookieSize; }

  /** {@code SESSION_SIZE_POLICY}: what an oversized cookie does. */
  public SizePolicy sizePolicy() { return values.sizePolicy; }

  /** {@code SESSION_SALT}, {@code SESSION_DIGEST} and {@code SESSION_KEY_DERIVATION}. */
  public Signing signing() { return values.signing; }

  /** The session serializer. */
  public TaggedJson taggedJson() { return values.taggedJson; }

  /** The clock for timestamps, expiry and {@code Expires}. */
  public Clock clock() { return values.clock; }

  /** {@code SESSION_MAX_CHUNKS}: most cookies one session may take under {@link SizePolicy#SPLIT}. */
  public int maxChunks() { return values.maxChunks; }

  /** {@code SESSION_FORMAT}: signed as Flask, or encrypted. */
  public SessionFormat sessionFormat() { return values.format; }

  /** {@code SESSION_ENCRYPTION_COMPRESS}: whether encrypted sessions are deflated ({@code "zip":"DEF"}). */
  public boolean encryptionCompression() { return values.encryptionCompression; }

  /** {@code SESSION_REISSUE_ON_FALLBACK}: whether a cookie verified by a fallback key is re-issued. */
  public boolean reissueOnFallback() { return values.reissueOnFallback; }

  /** {@code SECRET_KEY_ALLOW_WEAK}: whether short or placeholder keys were explicitly allowed. */
  public boolean allowsWeakSecretKey() { return values.allowWeakKey; }

  /** The check run on each verified session, if any. */
  public Optional<SessionValidator> sessionValidator() { return Optional.ofNullable(values.validator); }

  /** Every setting but the keys, of which only the number is shown. */
  @Override
  public String toString() {
    return values.describe();
  }

  /** Builds a {@link FlagonConfig}; every setter returns the builder. Not thread-safe. */
  public static final class Builder {
    private final Settings s;

    private Builder(Settings settings) {
      this.s = settings;
    }

    /** {@code SECRET_KEY} as text (its UTF-8 bytes). */
    public Builder secretKey(String secretKey) {
      return secretKey(secretKey == null ? null : Secret.fromText(secretKey));
    }

    /** {@code SECRET_KEY}. */
    public Builder secretKey(Secret secretKey) { s.secretKey = secretKey; return this; }

    /** {@code SECRET_KEY_FALLBACKS}, in Flask's order (oldest first). */
    public Builder secretKeyFallbacks(List<Secret> fallbacks) {
      s.fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
      return this;
    }

    /** {@code PERMANENT_SESSION_LIFETIME}, default 31 days, also every cookie's max age. Not negative. */
    public Builder permanentSessionLifetime(Duration lifetime) {
      s.lifetime = ConfigParser.checkLifetime(Objects.requireNonNull(lifetime, "lifetime"));
      return this;
    }

    /** {@code APPLICATION_ROOT}, default {@code /}: the cookie path when none is set. */
    public Builder applicationRoot(String root) { s.applicationRoot = root; return this; }

    /** {@code SESSION_COOKIE_NAME}, default {@code session}; an HTTP token, as it is written unquoted. */
    public Builder cookieName(String name) { s.cookieName = ConfigParser.checkCookieName(name); return this; }

    /** {@code SESSION_COOKIE_DOMAIN}, default none; null or empty omits it. */
    public Builder cookieDomain(String domain) {
      s.cookieDomain = domain == null || domain.isEmpty() ? null : domain;
      return this;
    }

    /** {@code SESSION_COOKIE_PATH}, default none (then {@code APPLICATION_ROOT}). */
    public Builder cookiePath(String path) { s.cookiePath = path; return this; }

    /** {@code SESSION_COOKIE_HTTPONLY}, default true. */
    public Builder cookieHttpOnly(boolean httpOnly) { s.httpOnly = httpOnly; return this; }

    /** {@code SESSION_COOKIE_SECURE}, default false. */
    public Builder cookieSecure(boolean secure) { s.secure = secure; return this; }

    /** {@code SESSION_COOKIE_SAMESITE}, default none (null omits the attribute). */
    public Builder cookieSameSite(SameSite sameSite) { s.sameSite = sameSite; return this; }

    /** {@code SESSION_COOKIE_PARTITIONED}, default false; true also forces Secure. */
    public Builder cookiePartitioned(boolean partitioned) { s.partitioned = partitioned; return this; }

    /** {@code SESSION_REFRESH_EACH_REQUEST}, default true: re-send permanent sessions on each response. */
    public Builder refreshEachRequest(boolean refresh) { s.refresh = refresh; return this; }

    /** {@code MAX_COOKIE_SIZE}, default 4093; 0 disables it. @throws IllegalArgumentException if negative */
    public Builder maxCookieSize(int maxCookieSize) {
      if (maxCookieSize < 0) {
        throw new IllegalArgumentException("MAX_COOKIE_SIZE must be 0 (no limit) or positive");
      }
      s.maxCookieSize = maxCookieSize;
      return this;
    }

    /** What an oversized cookie does, default {@link SizePolicy#ERROR}. */
    public Builder sizePolicy(SizePolicy policy) {
      s.sizePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Salt, digest and key derivation, default {@link Signing#flask()}. */
    public Builder signing(Signing signing) {
      s.signing = Objects.requireNonNull(signing, "signing");
      return this;
    }

    /** The serializer, default {@link TaggedJson#standard()}; set one with custom tags here. */
    public Builder taggedJson(TaggedJson taggedJson) {
      s.taggedJson = Objects.requireNonNull(taggedJson, "taggedJson");
      return this;
    }

    /** The clock for timestamps, expiry and {@code Expires}, default the system UTC clock. */
    public Builder clock(Clock clock) { s.clock = Objects.requireNonNull(clock, "clock"); return this; }

    /** Flask's security advice in one call: Secure, HttpOnly and SameSite=Lax. */
    public Builder recommended() {
      return cookieSecure(true).cookieHttpOnly(true).cookieSameSite(SameSite.LAX);
    }

    /**
     * Applies Flask-named entries, as {@link FlagonConfig#fromMap}; unknown names are ignored.
     *
     * @throws IllegalArgumentException naming the key whose value is invalid
     */
    public Builder putAll(Map<String, ?> flaskConfig) {
      ConfigParser.apply(flaskConfig, this, s);
      return this;
    }

    /** {@code SESSION_FORMAT}, default {@link SessionFormat#SIGNED} (Flask's). */
    public Builder sessionFormat(SessionFormat format) {
      s.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /** {@code SESSION_ENCRYPTION_COMPRESS}, default false: compression can leak the size of secrets. */
    public Builder encryptionCompression(boolean on) { s.encryptionCompression = on; return this; }

    /** {@code SESSION_REISSUE_ON_FALLBACK}, default false (as Flask): re-sign fallback-key cookies. */
    public Builder reissueOnFallback(boolean reissue) { s.reissueOnFallback = reissue; return this; }

    /** {@code SESSION_MAX_CHUNKS}, default 4, from 1 to 16. @throws IllegalArgumentException otherwise */
    public Builder maxChunks(int maxChunks) {
      s.maxChunks = ConfigParser.checkMaxChunks(maxChunks);
      return this;
    }

    /** {@code SECRET_KEY_ALLOW_WEAK=true}: accept short or placeholder keys, for Flask test vectors only. */
    public Builder allowWeakSecretKey() { return allowWeakSecretKey(true); }

    /** {@code SECRET_KEY_ALLOW_WEAK}, default false. */
    public Builder allowWeakSecretKey(boolean allow) { s.allowWeakKey = allow; return this; }

    /** A check run on each verified session ({@link SessionValidator}); null for none, the default. */
    public Builder sessionValidator(SessionValidator validator) { s.validator = validator; return this; }

    /**
     * The configuration.
     *
     * @throws IllegalStateException if the secret key is missing, empty or weak, or a value is
     *     inconsistent, with a message saying how to fix it
     */
    public FlagonConfig build() {
      Settings checked = s.copy();
      checked.complete();
      return new FlagonConfig(checked);
    }
  }
}
