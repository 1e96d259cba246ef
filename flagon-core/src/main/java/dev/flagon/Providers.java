package dev.flagon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The providers of one seam that {@link ServiceLoader} finds, loaded once, by the names a setting gives
 * them: core's own name first (no provider), then each provider's. Core stays free of any format's or
 * store's library: a module brings its provider, its settings rows and its dependencies.
 *
 * @param <P> the provider type
 */
final class Providers<P> {
  /** {@code SESSION_FORMAT}: core's {@value CookieFormat#SIGNED}, then the cookie formats of other modules. */
  static final Providers<CookieFormat.Provider> FORMATS = new Providers<>(CookieFormat.Provider.class,
      CookieFormat.SIGNED, CookieFormat.Provider::names, CookieFormat.Provider::settings,
      "dev.flagon:flagon-encrypted", List.of("encrypted", "encrypted-migrate"), "cookie formats");
  /** {@code SESSION_TYPE}: core's {@value SessionInterface#COOKIE}, then other modules' session stores. */
  static final Providers<SessionInterface.Provider> STORES = new Providers<>(SessionInterface.Provider.class,
      SessionInterface.COOKIE, SessionInterface.Provider::names, SessionInterface.Provider::settings,
      "dev.flagon:flagon-redis", List.of("redis"), "session stores");

  private final Map<String, P> byName = new LinkedHashMap<>();
  /** Every name, core's first. */
  final List<String> names;
  /** The settings rows of every provider, each once. */
  final List<Setting<?>> settings = new ArrayList<>();
  /** What the setting may be, for its messages, naming the module that brings a missing name. */
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
      settings.apply(provider).stream().filter(row -> !this.settings.contains(row))
          .forEach(this.settings::add);
    }
    this.names = List.copyOf(byName.keySet());
    this.expected = Kind.oneOf(this.names) + (this.names.containsAll(brought) ? "" : " ("
        + String.join(" and ", brought) + (brought.size() == 1 ? " needs" : " need") + " the module " + module
        + " on the class path)");
  }

  /** The setting that names one of these. */
  Setting<String> setting(String name, String springName, String defaultValue, String doc) {
    return Setting.of(name, springName, Kind.choice("java.lang.String", names, Function.identity(),
        Function.identity(), expected), defaultValue, doc);
  }

  /** The configured cookie format, built for this configuration. */
  static CookieFormat format(FlagonConfig config) {
    CookieFormat.Provider provider = FORMATS.byName.get(config.sessionFormat());
    return provider == null ? CookieFormat.signed(config) : provider.create(config.sessionFormat(), config);
  }

  /** The configured session store, built for this configuration. */
  static SessionInterface store(FlagonConfig config) {
    String name = config.get(FlagonSettings.SESSION_TYPE);
    SessionInterface.Provider provider = STORES.byName.get(name);
    return provider == null ? Flagon.create(config) : provider.create(name, config);
  }
}
