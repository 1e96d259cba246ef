package dev.flagon;

import dev.flagon.codec.Digest;
import dev.flagon.codec.KeyDerivation;
import dev.flagon.codec.Secret;
import dev.flagon.internal.CookieAttributes;
import dev.flagon.internal.Kind;
import dev.flagon.internal.SplitCookies;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The settings table: each setting once, with Flask's name and default where Flask has one. The
 * README's settings table and the Spring starter's configuration metadata are generated from it, and every
 * entry point reads these rows ({@link FlagonConfig#fromMap}, {@link FlagonConfig#fromEnvironment},
 * {@link FlagonConfig#fromProperties}, the servlet filter's init-params, Spring properties).
 *
 * <p>A new setting is one row here (added to {@link #all()}) and an accessor on {@link FlagonConfig}. A
 * cookie format's or store's module declares its own rows ({@link CookieFormat.Provider#settings()},
 * {@link SessionInterface.Provider#settings()}); they join
 * {@link #all()} when the module is on the class path, so every entry point reads them too.
 */
public final class FlagonSettings {
  /** {@code SECRET_KEY}. */
  public static final Setting<Secret> SECRET_KEY = Setting.secret("SECRET_KEY", "flagon.secret-key",
      "Required: signs new cookies; Flagon refuses to start without one (`./flagon secret` or"
          + " `openssl rand -hex 32` makes one). Text means its UTF-8 bytes, as in Flask.");

  /** {@code SECRET_KEY_FALLBACKS}. */
  public static final Setting<List<Secret>> SECRET_KEY_FALLBACKS = Setting.secrets("SECRET_KEY_FALLBACKS",
      "flagon.secret-key-fallbacks", "Older keys, oldest first, still accepted when loading: for rotation.");

  /** {@code PERMANENT_SESSION_LIFETIME}. */
  public static final Setting<Duration> PERMANENT_SESSION_LIFETIME = Setting.duration(
      "PERMANENT_SESSION_LIFETIME", "flagon.permanent-session-lifetime", Duration.ofDays(31),
      "Expires of permanent cookies and the max age of every cookie: seconds, 30m, 12h, 7d or ISO-8601.");

  /** {@code APPLICATION_ROOT}. */
  public static final Setting<String> APPLICATION_ROOT = Setting.text("APPLICATION_ROOT",
      "flagon.application-root", "/", "The cookie path when SESSION_COOKIE_PATH is not set.").nullable();

  /** {@code SESSION_COOKIE_NAME}. */
  public static final Setting<String> SESSION_COOKIE_NAME = Setting.text("SESSION_COOKIE_NAME",
      "flagon.cookie.name", "session", "The cookie's name: an HTTP token (no space, ';', '=' or quote).")
      .require(CookieAttributes::isToken, CookieAttributes.TOKEN_RULE);

  /** {@code SESSION_COOKIE_DOMAIN}. */
  public static final Setting<String> SESSION_COOKIE_DOMAIN = Setting.text("SESSION_COOKIE_DOMAIN",
      "flagon.cookie.domain", null, "The Domain attribute, a host name; none makes a host-only cookie.")
      .nullable();

  /** {@code SESSION_COOKIE_PATH}. */
  public static final Setting<String> SESSION_COOKIE_PATH = Setting.text("SESSION_COOKIE_PATH",
      "flagon.cookie.path", null, "The Path attribute; none means APPLICATION_ROOT.").nullable();

  /** {@code SESSION_COOKIE_HTTPONLY}. */
  public static final Setting<Boolean> SESSION_COOKIE_HTTPONLY = Setting.flag("SESSION_COOKIE_HTTPONLY",
      "flagon.cookie.http-only", true, "The HttpOnly attribute: scripts cannot read the cookie.");

  /** {@code SESSION_COOKIE_SECURE}. */
  public static final Setting<Boolean> SESSION_COOKIE_SECURE = Setting.flag("SESSION_COOKIE_SECURE",
      "flagon.cookie.secure", false, "The Secure attribute: the cookie is sent over HTTPS only.");

  /** {@code SESSION_COOKIE_SAMESITE}. */
  public static final Setting<SameSite> SESSION_COOKIE_SAMESITE = Setting.choice("SESSION_COOKIE_SAMESITE",
      "flagon.cookie.same-site", SameSite.class, null, SameSite::attributeValue,
      "The SameSite attribute: Strict, Lax or None (None needs Secure); none omits it.").nullable();

  /** {@code SESSION_COOKIE_PARTITIONED}. */
  public static final Setting<Boolean> SESSION_COOKIE_PARTITIONED = Setting.flag("SESSION_COOKIE_PARTITIONED",
      "flagon.cookie.partitioned", false, "The Partitioned attribute (CHIPS); also makes the cookie Secure.");

  /** {@code SESSION_REFRESH_EACH_REQUEST}. */
  public static final Setting<Boolean> SESSION_REFRESH_EACH_REQUEST = Setting.flag(
      "SESSION_REFRESH_EACH_REQUEST", "flagon.refresh-each-request", true,
      "Re-send a permanent session's cookie on every response.");

  /** {@code MAX_COOKIE_SIZE}. */
  public static final Setting<Integer> MAX_COOKIE_SIZE = Setting.count("MAX_COOKIE_SIZE",
      "flagon.max-cookie-size", 4093, "The largest Set-Cookie header in bytes, 0 for no limit: past it, see"
          + " SESSION_SIZE_POLICY.").nullMeans(0);

  /** {@code SESSION_SIZE_POLICY}. */
  public static final Setting<SizePolicy> SESSION_SIZE_POLICY = Setting.choice("SESSION_SIZE_POLICY",
      "flagon.size-policy", SizePolicy.class, SizePolicy.ERROR, p -> p.name().toLowerCase(Locale.ROOT),
      "A cookie past MAX_COOKIE_SIZE: error fails loudly, warn sends it with Flask's warning, split spreads"
          + " it over SESSION_MAX_CHUNKS cookies.");

  /** {@code SESSION_MAX_CHUNKS}. */
  public static final Setting<Integer> SESSION_MAX_CHUNKS = Setting.count("SESSION_MAX_CHUNKS",
      "flagon.max-chunks", 4, "The most cookies one session may take under SESSION_SIZE_POLICY=split.")
      .require(n -> n >= 1 && n <= SplitCookies.MAX_CHUNKS, "between 1 and " + SplitCookies.MAX_CHUNKS
          + " (servers refuse Cookie headers much larger than 16 KiB)");

  /** {@code SESSION_SALT}. */
  public static final Setting<String> SESSION_SALT = Setting.text("SESSION_SALT", "flagon.signing.salt",
      "cookie-session", "The signing salt; Flask's is fixed to cookie-session.");

  /** {@code SESSION_DIGEST}. */
  public static final Setting<Digest> SESSION_DIGEST = Setting.choice("SESSION_DIGEST",
      "flagon.signing.digest", Digest.class, Digest.SHA1, Digest::flaskName,
      "The signing hash; Flask's is sha1.");

  /** {@code SESSION_KEY_DERIVATION}. */
  public static final Setting<KeyDerivation> SESSION_KEY_DERIVATION = Setting.choice("SESSION_KEY_DERIVATION",
      "flagon.signing.key-derivation", KeyDerivation.class, KeyDerivation.HMAC, KeyDerivation::flaskName,
      "How the signing key is derived from the secret key; Flask's is hmac.");

  /** {@code SESSION_FORMAT}: one of {@link CookieFormat}'s names on the class path. */
  public static final Setting<String> SESSION_FORMAT = Setting.of("SESSION_FORMAT", "flagon.format",
      Kind.name(CookieFormats.names(), CookieFormats.expected()), CookieFormat.SIGNED,
      "signed is Flask's; encrypted is an AES-256-GCM JWE; encrypted-migrate also reads signed cookies (both"
          + " with the module flagon-encrypted).")
      .require(CookieFormats.names()::contains, CookieFormats.expected());

  /** {@code SESSION_TYPE}: {@code cookie} or one of the stores on the class path ({@link SessionInterface#create}). */
  public static final Setting<String> SESSION_TYPE = Setting.of("SESSION_TYPE", "flagon.session-type",
      Kind.name(SessionTypes.PROVIDERS.names(), SessionTypes.PROVIDERS.expected()), SessionInterface.COOKIE,
      "Where sessions live: cookie is Flask's signed cookie; redis is Flask-Session's Redis store (with the"
          + " module flagon-redis).")
      .require(SessionTypes.PROVIDERS.names()::contains, SessionTypes.PROVIDERS.expected());

  /** {@code SESSION_REISSUE_ON_FALLBACK}. */
  public static final Setting<Boolean> SESSION_REISSUE_ON_FALLBACK = Setting.flag(
      "SESSION_REISSUE_ON_FALLBACK", "flagon.reissue-on-fallback", false,
      "Re-sign cookies still signed with a fallback key.");

  /** {@code SECRET_KEY_ALLOW_WEAK}. */
  public static final Setting<Boolean> SECRET_KEY_ALLOW_WEAK = Setting.flag("SECRET_KEY_ALLOW_WEAK",
      "flagon.secret-key-allow-weak", false,
      "Accept keys under 16 bytes and placeholders such as changeme: only to reproduce Flask test vectors.");

  private static final List<Setting<?>> ALL = Stream.concat(Stream.of(SECRET_KEY, SECRET_KEY_FALLBACKS,
      PERMANENT_SESSION_LIFETIME, APPLICATION_ROOT, SESSION_COOKIE_NAME, SESSION_COOKIE_DOMAIN,
      SESSION_COOKIE_PATH, SESSION_COOKIE_HTTPONLY, SESSION_COOKIE_SECURE, SESSION_COOKIE_SAMESITE,
      SESSION_COOKIE_PARTITIONED, SESSION_REFRESH_EACH_REQUEST, MAX_COOKIE_SIZE, SESSION_SIZE_POLICY,
      SESSION_MAX_CHUNKS, SESSION_SALT, SESSION_DIGEST, SESSION_KEY_DERIVATION, SESSION_FORMAT,
      SESSION_REISSUE_ON_FALLBACK, SECRET_KEY_ALLOW_WEAK, SESSION_TYPE), Stream.concat(
      CookieFormats.settings().stream(), SessionTypes.PROVIDERS.settings().stream())).toList();

  private FlagonSettings() {}

  /** Every row, in the README's order, then those of the cookie formats on the class path. */
  public static List<Setting<?>> all() {
    return ALL;
  }
}
