package dev.flagon;

import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import dev.flagon.codec.Secret;
import dev.flagon.internal.CookieCarrier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every setting of the core, each once with Flask's name and default: read one with
 * {@link FlagonConfig#get}, or list them all (with those of the modules on the class path) with
 * {@link #all()}. Every entry point reads these rows (a map, {@code FLAGON_} variables, properties,
 * init-params, Spring properties); the README's table and Spring's metadata are generated from them.
 *
 * <p>A new setting is one row here (added to {@link #all()}) and an accessor on {@link FlagonConfig}. A
 * format's or store's module declares its rows through {@link CookieFormat.Provider#settings()} or
 * {@link SessionInterface.Provider#settings()}. The rules across rows are checked here.
 */
public final class FlagonSettings {
  public static final Setting<Secret> SECRET_KEY = Setting.secret("SECRET_KEY", "flagon.secret-key",
      "Required: signs new cookies; Flagon refuses to start without one (`./flagon secret` or"
          + " `openssl rand -hex 32` makes one). Text means its UTF-8 bytes, as in Flask.");

  public static final Setting<List<Secret>> SECRET_KEY_FALLBACKS = Setting.secrets("SECRET_KEY_FALLBACKS",
      "flagon.secret-key-fallbacks", "Older keys, oldest first, still accepted when loading: for rotation.");

  public static final Setting<Duration> PERMANENT_SESSION_LIFETIME = Setting.duration(
      "PERMANENT_SESSION_LIFETIME", "flagon.permanent-session-lifetime", Duration.ofDays(31),
      "Expires of permanent cookies and the max age of every cookie: seconds, 30m, 12h, 7d or ISO-8601.");

  public static final Setting<String> APPLICATION_ROOT = Setting.text("APPLICATION_ROOT",
      "flagon.application-root", "/", "The cookie path when SESSION_COOKIE_PATH is not set.").nullable();

  public static final Setting<String> SESSION_COOKIE_NAME = Setting.token("SESSION_COOKIE_NAME",
      "flagon.cookie.name", "session", "The cookie's name: an HTTP token (no space, ';', '=' or quote).");

  public static final Setting<String> SESSION_COOKIE_DOMAIN = Setting.text("SESSION_COOKIE_DOMAIN",
      "flagon.cookie.domain", null, "The Domain attribute, a host name; none makes a host-only cookie.")
      .nullable();

  public static final Setting<String> SESSION_COOKIE_PATH = Setting.text("SESSION_COOKIE_PATH",
      "flagon.cookie.path", null, "The Path attribute; none means APPLICATION_ROOT.").nullable();

  public static final Setting<Boolean> SESSION_COOKIE_HTTPONLY = Setting.flag("SESSION_COOKIE_HTTPONLY",
      "flagon.cookie.http-only", true, "The HttpOnly attribute: scripts cannot read the cookie.");

  public static final Setting<Boolean> SESSION_COOKIE_SECURE = Setting.flag("SESSION_COOKIE_SECURE",
      "flagon.cookie.secure", false, "The Secure attribute: the cookie is sent over HTTPS only.");

  public static final Setting<SameSite> SESSION_COOKIE_SAMESITE = Setting.choice("SESSION_COOKIE_SAMESITE",
      "flagon.cookie.same-site", SameSite.class, null, SameSite::attributeValue,
      "The SameSite attribute: Strict, Lax or None (None needs Secure); none omits it.").nullable();

  public static final Setting<Boolean> SESSION_COOKIE_PARTITIONED = Setting.flag("SESSION_COOKIE_PARTITIONED",
      "flagon.cookie.partitioned", false, "The Partitioned attribute (CHIPS); also makes the cookie Secure.");

  public static final Setting<Boolean> SESSION_REFRESH_EACH_REQUEST = Setting.flag(
      "SESSION_REFRESH_EACH_REQUEST", "flagon.refresh-each-request", true,
      "Re-send a permanent session's cookie on every response.");

  public static final Setting<Integer> MAX_COOKIE_SIZE = Setting.count("MAX_COOKIE_SIZE",
      "flagon.max-cookie-size", 4093, "The largest Set-Cookie header in bytes, 0 for no limit: past it, see"
          + " SESSION_SIZE_POLICY.").nullMeans(0);

  public static final Setting<SizePolicy> SESSION_SIZE_POLICY = Setting.choice("SESSION_SIZE_POLICY",
      "flagon.size-policy", SizePolicy.class, SizePolicy.ERROR, p -> p.name().toLowerCase(Locale.ROOT),
      "A cookie past MAX_COOKIE_SIZE: error fails loudly, warn sends it with Flask's warning, split spreads"
          + " it over SESSION_MAX_CHUNKS cookies.");

  public static final Setting<Integer> SESSION_MAX_CHUNKS = Setting.count("SESSION_MAX_CHUNKS",
      "flagon.max-chunks", 4, "The most cookies one session may take under SESSION_SIZE_POLICY=split.")
      .require(n -> n >= 1 && n <= CookieCarrier.MAX_CHUNKS, "between 1 and " + CookieCarrier.MAX_CHUNKS
          + " (servers refuse Cookie headers much larger than 16 KiB)");

  public static final Setting<String> SESSION_SALT = Setting.text("SESSION_SALT", "flagon.signing.salt",
      "cookie-session", "The signing salt; Flask's is fixed to cookie-session.");

  public static final Setting<Digest> SESSION_DIGEST = Setting.choice("SESSION_DIGEST",
      "flagon.signing.digest", Digest.class, Digest.SHA1, Digest::flaskName,
      "The signing hash; Flask's is sha1.");

  public static final Setting<KeyDerivation> SESSION_KEY_DERIVATION = Setting.choice("SESSION_KEY_DERIVATION",
      "flagon.signing.key-derivation", KeyDerivation.class, KeyDerivation.HMAC, KeyDerivation::flaskName,
      "How the signing key is derived from the secret key; Flask's is hmac.");

  public static final Setting<String> SESSION_FORMAT = Providers.FORMATS.setting("SESSION_FORMAT",
      "flagon.format", CookieFormat.SIGNED, "signed is Flask's; encrypted is an AES-256-GCM JWE;"
          + " encrypted-migrate also reads signed cookies (both with the module flagon-encrypted).");

  public static final Setting<String> SESSION_TYPE = Providers.STORES.setting("SESSION_TYPE",
      "flagon.session-type", SessionInterface.COOKIE, "Where sessions live: cookie is Flask's signed cookie;"
          + " redis is Flask-Session's Redis store (with the module flagon-redis).");

  public static final Setting<Boolean> SESSION_REISSUE_ON_FALLBACK = Setting.flag(
      "SESSION_REISSUE_ON_FALLBACK", "flagon.reissue-on-fallback", false,
      "Re-sign cookies still signed with a fallback key.");

  public static final Setting<Boolean> SECRET_KEY_ALLOW_WEAK = Setting.flag("SECRET_KEY_ALLOW_WEAK",
      "flagon.secret-key-allow-weak", false,
      "Accept keys under 16 bytes and placeholders such as changeme: only to reproduce Flask test vectors.");

  private static final List<Setting<?>> ALL = Stream.concat(Stream.of(SECRET_KEY, SECRET_KEY_FALLBACKS,
      PERMANENT_SESSION_LIFETIME, APPLICATION_ROOT, SESSION_COOKIE_NAME, SESSION_COOKIE_DOMAIN,
      SESSION_COOKIE_PATH, SESSION_COOKIE_HTTPONLY, SESSION_COOKIE_SECURE, SESSION_COOKIE_SAMESITE,
      SESSION_COOKIE_PARTITIONED, SESSION_REFRESH_EACH_REQUEST, MAX_COOKIE_SIZE, SESSION_SIZE_POLICY,
      SESSION_MAX_CHUNKS, SESSION_SALT, SESSION_DIGEST, SESSION_KEY_DERIVATION, SESSION_FORMAT,
      SESSION_REISSUE_ON_FALLBACK, SECRET_KEY_ALLOW_WEAK, SESSION_TYPE), Stream.concat(
      Providers.FORMATS.settings.stream(), Providers.STORES.settings.stream())).toList();

  private FlagonSettings() {}

  /** Every row, in the README's order, then those of the cookie formats and stores on the class path. */
  public static List<Setting<?>> all() {
    return ALL;
  }

  /**
   * The rules across rows, checked when a configuration is built: the secret keys, the characters of the
   * paths, and cookies that browsers drop (Flask sends them anyway; Flagon fails at startup saying what to
   * change). @throws IllegalStateException naming the setting to change
   */
  static void checkWhole(FlagonConfig c) {
    Secret key = c.secretKey();
    if (key == null || key.isEmpty()) {
      throw new IllegalStateException("SECRET_KEY is " + (key == null ? "missing" : "empty")
          + ": sessions need a secret key. Generate one with `./flagon secret` or `openssl rand -hex 32`"
          + " and set it as SECRET_KEY (environment: FLAGON_SECRET_KEY).");
    }
    if (!c.allowsWeakSecretKey()) {
      refuseWeak("SECRET_KEY", key);
      c.secretKeyFallbacks().forEach(fallback -> refuseWeak("SECRET_KEY_FALLBACKS", fallback));
    }
    Stream.of(APPLICATION_ROOT, SESSION_COOKIE_PATH).filter(path -> c.get(path) != null)
        .forEach(path -> WerkzeugCookie.checkPath(path.name(), c.get(path)));
    checkBrowserRules(c);
  }

  private static void refuseWeak(String name, Secret key) {
    key.weakness().ifPresent(reason -> {
      throw new IllegalStateException(name + " is too weak: " + reason + ". Whoever guesses it can forge"
          + " any session. Generate one with `./flagon secret` (32 random bytes as hex) or"
          + " `openssl rand -hex 32`. Only to reproduce Flask test vectors, allow it explicitly:"
          + " SECRET_KEY_ALLOW_WEAK=true (Builder.allowWeakSecretKey()).");
    });
  }

  private static void checkBrowserRules(FlagonConfig c) {
    boolean secure = c.cookieSecure() || c.cookiePartitioned(); // Partitioned forces Secure, as in Werkzeug
    if (c.cookieSameSite().orElse(null) == SameSite.NONE && !secure) {
      throw new IllegalStateException("SESSION_COOKIE_SAMESITE=None needs SESSION_COOKIE_SECURE=true:"
          + " browsers drop SameSite=None cookies that are not Secure. Set SESSION_COOKIE_SECURE=true and"
          + " serve the site over HTTPS, or use SESSION_COOKIE_SAMESITE=Lax.");
    }
    String name = c.cookieName();
    String lower = name.toLowerCase(Locale.ROOT); // browsers match prefixes case-insensitively (RFC 6265bis)
    boolean host = lower.startsWith("__host-");
    String prefix = "SESSION_COOKIE_NAME '" + name + "' has the __" + (host ? "Host" : "Secure")
        + "- prefix, which ";
    if ((host || lower.startsWith("__secure-")) && !secure) {
      throw new IllegalStateException(prefix + "needs SESSION_COOKIE_SECURE=true (browsers drop it"
          + " otherwise).");
    }
    if (host && !"/".equals(c.cookiePath())) {
      throw new IllegalStateException(prefix + "needs the path /: set SESSION_COOKIE_PATH=/ (it is "
          + c.cookiePath() + ").");
    }
    if (host && c.cookieDomain().isPresent()) {
      throw new IllegalStateException(prefix + "forbids a Domain: unset SESSION_COOKIE_DOMAIN, or use the"
          + " __Secure- prefix.");
    }
  }

  /**
   * The providers of one seam that {@link ServiceLoader} finds, by the names the setting gives them: core's
   * own name first (no provider), then each provider's. Core needs no format's or store's library: a module
   * brings its provider, its rows and its dependencies.
   */
  static final class Providers<P> {
    static final Providers<CookieFormat.Provider> FORMATS = new Providers<>(CookieFormat.Provider.class,
        CookieFormat.SIGNED, CookieFormat.Provider::names, CookieFormat.Provider::settings,
        "dev.flagon:flagon-encrypted", List.of("encrypted", "encrypted-migrate"), "cookie formats");
    static final Providers<SessionInterface.Provider> STORES = new Providers<>(SessionInterface.Provider.class,
        SessionInterface.COOKIE, SessionInterface.Provider::names, SessionInterface.Provider::settings,
        "dev.flagon:flagon-redis", List.of("redis"), "session stores");

    private final Map<String, P> byName = new LinkedHashMap<>();
    final List<String> names;
    final Set<Setting<?>> settings = new LinkedHashSet<>();
    /** What the setting may be, naming the module that brings a missing name. */
    final String expected;

    private Providers(Class<P> type, String coreName, Function<P, List<String>> names,
        Function<P, List<Setting<?>>> settings, String module, List<String> brought, String what) {
      byName.put(coreName, null);
      for (P provider : ServiceLoader.load(type, type.getClassLoader())) {
        for (String name : names.apply(provider)) {
          if (byName.containsKey(name)) {
            throw new IllegalStateException("two " + what + " on the class path are named '" + name + "'");
          }
          byName.put(name, provider);
        }
        this.settings.addAll(settings.apply(provider));
      }
      this.names = List.copyOf(byName.keySet());
      this.expected = Kind.oneOf(this.names) + (this.names.containsAll(brought) ? "" : " ("
          + String.join(" and ", brought) + (brought.size() == 1 ? " needs" : " need") + " the module " + module
          + " on the class path)");
    }

    Setting<String> setting(String name, String springName, String defaultValue, String doc) {
      return Setting.of(name, springName, Kind.choice("java.lang.String", names, Function.identity(), expected),
          defaultValue, doc);
    }

    /** The configured cookie format, built for this configuration. */
    static CookieFormat format(FlagonConfig config) {
      CookieFormat.Provider provider = FORMATS.byName.get(config.sessionFormat());
      return provider == null ? CookieFormat.signed(config) : provider.create(config.sessionFormat(), config);
    }

    /** The configured session store, built for this configuration. */
    static SessionInterface store(FlagonConfig config) {
      String name = config.get(SESSION_TYPE);
      SessionInterface.Provider provider = STORES.byName.get(name);
      return provider == null ? Flagon.create(config) : provider.create(name, config);
    }
  }
}
