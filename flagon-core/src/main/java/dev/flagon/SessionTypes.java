package dev.flagon;

import java.util.List;
import java.util.Map;

/**
 * The session stores on the class path ({@code SESSION_TYPE}): core's {@value SessionInterface#COOKIE}, then
 * each {@link SessionInterface.Provider} that {@link java.util.ServiceLoader} finds. Core stays free of any
 * store's client library: a store's module brings its provider, its settings rows and its client.
 */
final class SessionTypes {
  /** The stores by name: {@link FlagonSettings#SESSION_TYPE} takes their names and their settings rows. */
  static final NamedProviders<SessionInterface.Provider> PROVIDERS = new NamedProviders<>(
      SessionInterface.Provider.class, SessionInterface.COOKIE, SessionInterface.Provider::names,
      SessionInterface.Provider::settings, Map.of("dev.flagon:flagon-redis", List.of("redis")), "session stores");

  private SessionTypes() {}

  /** The configured store, built for this configuration. */
  static SessionInterface create(FlagonConfig config) {
    String name = config.get(FlagonSettings.SESSION_TYPE);
    SessionInterface.Provider provider = PROVIDERS.provider(name);
    return provider == null ? Flagon.create(config) : provider.create(name, config);
  }
}
