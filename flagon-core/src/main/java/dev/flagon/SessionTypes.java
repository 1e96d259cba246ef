package dev.flagon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The session stores on the class path ({@code SESSION_TYPE}): core's {@value SessionInterface#COOKIE}, then
 * each {@link SessionInterface.Provider} that {@link ServiceLoader} finds, loaded once. Core stays free of
 * any store's client library: a store's module brings its provider, its settings rows and its client.
 */
final class SessionTypes {
  /** Flagon's own modules that bring stores, and their names. */
  private static final Map<String, List<String>> MODULES = Map.of("dev.flagon:flagon-redis", List.of("redis"));

  private static final Map<String, SessionInterface.Provider> PROVIDERS = load();

  private SessionTypes() {}

  private static Map<String, SessionInterface.Provider> load() {
    Map<String, SessionInterface.Provider> byName = new LinkedHashMap<>();
    byName.put(SessionInterface.COOKIE, null);
    for (SessionInterface.Provider provider : ServiceLoader.load(SessionInterface.Provider.class,
        SessionInterface.Provider.class.getClassLoader())) {
      for (String name : provider.names()) {
        if (byName.putIfAbsent(name, provider) != null || name.equals(SessionInterface.COOKIE)) {
          throw new IllegalStateException("two session stores on the class path are named '" + name + "'");
        }
      }
    }
    return byName;
  }

  /** Every store's name, {@code cookie} first. */
  static List<String> names() {
    return List.copyOf(PROVIDERS.keySet());
  }

  /** The settings rows of every provider, each once. */
  static List<Setting<?>> settings() {
    List<Setting<?>> rows = new ArrayList<>();
    PROVIDERS.values().stream().distinct().filter(p -> p != null).forEach(p -> p.settings().stream()
        .filter(row -> !rows.contains(row)).forEach(rows::add));
    return rows;
  }

  /** What {@code SESSION_TYPE} may be, for its messages: naming the module of each missing name. */
  static String expected() {
    StringBuilder text = new StringBuilder(String.join(" or ", names()));
    MODULES.forEach((module, brought) -> {
      if (!PROVIDERS.keySet().containsAll(brought)) {
        text.append(" (").append(String.join(" and ", brought)).append(" needs the module ").append(module)
            .append(" on the class path)");
      }
    });
    return text.toString();
  }

  /** The configured store, built for this configuration. */
  static SessionInterface create(FlagonConfig config) {
    String name = config.get(FlagonSettings.SESSION_TYPE);
    SessionInterface.Provider provider = PROVIDERS.get(name);
    return provider == null ? Flagon.create(config) : provider.create(name, config);
  }
}
