package dev.flagon;

import static dev.flagon.FlagonSettings.*;

import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.json.TaggedJson;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Flagon's configuration, with Flask's names and defaults: every setting a row of {@link FlagonSettings},
 * read by {@link Setting#parse} from a map, the environment or a properties file, or set by {@link #builder()}.
 * Immutable and thread-safe. Checked when built: a missing, empty or weak {@code SECRET_KEY} fails at
 * startup, not on the first request (Flask would serve a read-only "null session"), as do cookie attributes
 * that browsers drop or that would break the header. No message ever contains a secret key.
 */
public final class FlagonConfig {
  private final Map<Setting<?>, Object> values;
  private final Clock clock;
  private final TaggedJson taggedJson;
  private final SessionValidator validator;
  private final Signing signing;
  private final KeyRing keyRing;
  private final WerkzeugCookie sessionCookie;

  private FlagonConfig(Builder b) {
    this.values = new LinkedHashMap<>(b.values); // never changed: the config is immutable
    this.clock = b.clock;
    this.taggedJson = b.taggedJson;
    this.validator = b.validator;
    FlagonSettings.checkWhole(this);
    this.sessionCookie = WerkzeugCookie.builder(cookieName()).settingPrefix("SESSION_COOKIE_")
        .domain(cookieDomain().orElse(null)).path(cookiePath()).secure(cookieSecure())
        .httpOnly(cookieHttpOnly()).sameSite(cookieSameSite().orElse(null)).partitioned(cookiePartitioned())
        .build();
    this.signing = Signing.of(get(SESSION_SALT), get(SESSION_DIGEST), get(SESSION_KEY_DERIVATION));
    this.keyRing = KeyRing.of(secretKey(), secretKeyFallbacks());
  }

  /** A builder with Flask's defaults and no secret key. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads Flask's names from a map, each value typed or text ({@link Setting#parse}); other keys are ignored,
   * as in a Flask config. @throws IllegalArgumentException naming an invalid key
   * @throws IllegalStateException if the configuration as a whole is not usable (see {@link Builder#build})
   */
  public static FlagonConfig fromMap(Map<String, ?> flaskConfig) {
    return builder().putAll(flaskConfig).build();
  }

  /** {@link #fromMap} over this process's {@code FLAGON_}-prefixed environment variables, prefix removed. */
  public static FlagonConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** {@link #fromMap} over the {@code FLAGON_}-prefixed entries of a given environment, prefix removed. */
  public static FlagonConfig fromEnvironment(Map<String, String> environment) {
    return fromMap(Setting.fromEnvironment(FlagonSettings.all(), environment));
  }

  /** {@link #fromMap} over a properties file (UTF-8) with Flask's names. @throws UncheckedIOException */
  public static FlagonConfig fromProperties(Path propertiesFile) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(propertiesFile)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Flagon properties " + propertiesFile, e);
    }
    return fromMap(Setting.fromNames(FlagonSettings.all(), properties));
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.values.putAll(values);
    return builder.clock(clock).taggedJson(taggedJson).sessionValidator(validator);
  }

  /** The value of a row of {@link FlagonSettings}. @throws IllegalArgumentException for another setting */
  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    return (T) values.get(row(values, setting));
  }

  private static <S extends Setting<?>> S row(Map<Setting<?>, Object> values, S setting) {
    if (!values.containsKey(setting)) {
      throw new IllegalArgumentException(setting.name() + " is not one of FlagonSettings.all()");
    }
    return setting;
  }

  // The accessors and the builder's setters are named after their rows of FlagonSettings, which document them.
  public Secret secretKey() { return get(SECRET_KEY); }
  public List<Secret> secretKeyFallbacks() { return get(SECRET_KEY_FALLBACKS); }
  /** {@code SECRET_KEY}, then {@code SECRET_KEY_FALLBACKS}: every cookie format derives its keys from it. */
  public KeyRing keyRing() { return keyRing; }
  public Duration permanentSessionLifetime() { return get(PERMANENT_SESSION_LIFETIME); }
  public String cookieName() { return get(SESSION_COOKIE_NAME); }

  /** As configured (encoded when written); empty when unset or empty. */
  public Optional<String> cookieDomain() {
    return Optional.ofNullable(get(SESSION_COOKIE_DOMAIN)).filter(domain -> !domain.isEmpty());
  }

  /** Flask's {@code SESSION_COOKIE_PATH or APPLICATION_ROOT}, and {@code /} when both are empty. */
  public String cookiePath() {
    String path = get(SESSION_COOKIE_PATH);
    String root = get(APPLICATION_ROOT);
    return path != null && !path.isEmpty() ? path : root != null && !root.isEmpty() ? root : "/";
  }

  public boolean cookieHttpOnly() { return get(SESSION_COOKIE_HTTPONLY); }
  public boolean cookieSecure() { return get(SESSION_COOKIE_SECURE); }
  public Optional<SameSite> cookieSameSite() { return Optional.ofNullable(get(SESSION_COOKIE_SAMESITE)); }
  public boolean cookiePartitioned() { return get(SESSION_COOKIE_PARTITIONED); }
  public boolean refreshEachRequest() { return get(SESSION_REFRESH_EACH_REQUEST); }
  /** 0: no limit. */
  public int maxCookieSize() { return get(MAX_COOKIE_SIZE); }
  public SizePolicy sizePolicy() { return get(SESSION_SIZE_POLICY); }
  /** {@code SESSION_SALT}, {@code SESSION_DIGEST} and {@code SESSION_KEY_DERIVATION}. */
  public Signing signing() { return signing; }
  public TaggedJson taggedJson() { return taggedJson; }
  public Clock clock() { return clock; }
  public int maxChunks() { return get(SESSION_MAX_CHUNKS); }
  public String sessionFormat() { return get(SESSION_FORMAT); }
  public boolean reissueOnFallback() { return get(SESSION_REISSUE_ON_FALLBACK); }
  public boolean allowsWeakSecretKey() { return get(SECRET_KEY_ALLOW_WEAK); }
  public Optional<SessionValidator> sessionValidator() { return Optional.ofNullable(validator); }

  /** The session cookie, {@code SESSION_COOKIE_*} checked: also a server-side store's session-id cookie. */
  public WerkzeugCookie sessionCookie() { return sessionCookie; }

  /** Every setting as written in configuration, in {@link FlagonSettings}' order; keys redacted. */
  @Override
  public String toString() {
    return values.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getKey().show(e.getValue()))
        .collect(Collectors.joining(", ", "FlagonConfig[", validator != null ? ", sessionValidator]" : "]"));
  }

  /** Builds a {@link FlagonConfig}; each setter checks its value and returns the builder. Not thread-safe. */
  public static final class Builder {
    private final Map<Setting<?>, Object> values = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private TaggedJson taggedJson = TaggedJson.standard();
    private SessionValidator validator;

    private Builder() {
      FlagonSettings.all().forEach(setting -> values.put(setting, setting.defaultValue()));
    }

    /** Sets a row of {@link FlagonSettings}. @throws IllegalArgumentException naming a broken rule */
    public <T> Builder set(Setting<T> setting, T value) {
      values.put(row(values, setting), setting.check(value));
      return this;
    }

    /** Applies Flask-named entries as {@link FlagonConfig#fromMap}. @throws IllegalArgumentException */
    public Builder putAll(Map<String, ?> flaskConfig) {
      FlagonSettings.all().stream().filter(setting -> flaskConfig.containsKey(setting.name()))
          .forEach(setting -> values.put(setting, setting.parse(flaskConfig.get(setting.name()))));
      return this;
    }

    /** {@code SECRET_KEY} as text (its UTF-8 bytes). */
    public Builder secretKey(String key) { return secretKey(key == null ? null : Secret.fromText(key)); }
    public Builder secretKey(Secret secretKey) { return set(SECRET_KEY, secretKey); }
    /** {@code SECRET_KEY_FALLBACKS}, in Flask's order (oldest first). */
    public Builder secretKeyFallbacks(List<Secret> fallbacks) { return set(SECRET_KEY_FALLBACKS, fallbacks); }

    public Builder permanentSessionLifetime(Duration d) { return set(PERMANENT_SESSION_LIFETIME, d); }
    public Builder applicationRoot(String root) { return set(APPLICATION_ROOT, root); }
    public Builder cookieName(String name) { return set(SESSION_COOKIE_NAME, name); }
    public Builder cookieDomain(String domain) { return set(SESSION_COOKIE_DOMAIN, domain); }
    public Builder cookiePath(String path) { return set(SESSION_COOKIE_PATH, path); }
    public Builder cookieHttpOnly(boolean httpOnly) { return set(SESSION_COOKIE_HTTPONLY, httpOnly); }
    public Builder cookieSecure(boolean secure) { return set(SESSION_COOKIE_SECURE, secure); }
    public Builder cookieSameSite(SameSite sameSite) { return set(SESSION_COOKIE_SAMESITE, sameSite); }
    public Builder cookiePartitioned(boolean on) { return set(SESSION_COOKIE_PARTITIONED, on); }
    public Builder refreshEachRequest(boolean refresh) { return set(SESSION_REFRESH_EACH_REQUEST, refresh); }
    public Builder maxCookieSize(int maxCookieSize) { return set(MAX_COOKIE_SIZE, maxCookieSize); }
    public Builder sizePolicy(SizePolicy policy) { return set(SESSION_SIZE_POLICY, policy); }

    /** Salt, digest and key derivation, default {@link Signing#flask()}. */
    public Builder signing(Signing signing) {
      Objects.requireNonNull(signing, "signing");
      return set(SESSION_SALT, signing.salt()).set(SESSION_DIGEST, signing.digest())
          .set(SESSION_KEY_DERIVATION, signing.keyDerivation());
    }

    /** The serializer, default {@link TaggedJson#standard()}; set one with custom tags here. */
    public Builder taggedJson(TaggedJson taggedJson) {
      this.taggedJson = Objects.requireNonNull(taggedJson, "taggedJson");
      return this;
    }

    /** The clock for timestamps, expiry and {@code Expires}, default the system UTC clock. */
    public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock, "clock"); return this; }

    /** Flask's security advice in one call: Secure, HttpOnly and SameSite=Lax. */
    public Builder recommended() {
      return cookieSecure(true).cookieHttpOnly(true).cookieSameSite(SameSite.LAX);
    }

    /** @throws IllegalArgumentException naming the formats on the class path */
    public Builder sessionFormat(String format) { return set(SESSION_FORMAT, format); }
    public Builder reissueOnFallback(boolean reissue) { return set(SESSION_REISSUE_ON_FALLBACK, reissue); }
    public Builder maxChunks(int maxChunks) { return set(SESSION_MAX_CHUNKS, maxChunks); }
    /** {@code SECRET_KEY_ALLOW_WEAK=true}: accept short or placeholder keys, for Flask test vectors only. */
    public Builder allowWeakSecretKey() { return set(SECRET_KEY_ALLOW_WEAK, true); }
    /** A check run on each verified session ({@link SessionValidator}); null for none, the default. */
    public Builder sessionValidator(SessionValidator validator) { this.validator = validator; return this; }

    /**
     * The configuration. @throws IllegalStateException if the secret key is missing, empty or weak, or the
     *     cookie attributes would break the header or be dropped, saying how to fix it
     */
    public FlagonConfig build() {
      return new FlagonConfig(this);
    }
  }
}
