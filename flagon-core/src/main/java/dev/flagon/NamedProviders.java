package dev.flagon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The providers of one seam that {@link ServiceLoader} finds, by the names a setting gives them
 * ({@code SESSION_FORMAT}: {@link CookieFormats}; {@code SESSION_TYPE}: {@link SessionTypes}), loaded once:
 * core's own name first (no provider), then each provider's names, each name once.
 *
 * @param <P> the provider type
 */
final class NamedProviders<P> {
  private final Map<String, P> byName = new LinkedHashMap<>();
  private final Map<String, List<String>> modules;
  private final Function<P, List<Setting<?>>> settings;

  /**
   * @param coreName the name core serves itself
   * @param modules Flagon's modules that bring names, for messages when they are missing
   * @param what what the providers make, for the duplicate-name message ({@code cookie formats})
   */
  NamedProviders(Class<P> type, String coreName, Function<P, List<String>> names,
      Function<P, List<Setting<?>>> settings, Map<String, List<String>> modules, String what) {
    this.modules = modules;
    this.settings = settings;
    byName.put(coreName, null);
    for (P provider : ServiceLoader.load(type, type.getClassLoader())) {
      for (String name : names.apply(provider)) {
        if (byName.containsKey(name)) {
          throw new IllegalStateException("two " + what + " on the class path are named '" + name + "'");
        }
        byName.put(name, provider);
      }
    }
  }

  /** Every name, core's first. */
  List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** The settings rows of every provider, each once. */
  List<Setting<?>> settings() {
    List<Setting<?>> rows = new ArrayList<>();
    byName.values().stream().filter(Objects::nonNull).distinct().forEach(p -> settings.apply(p).stream()
        .filter(row -> !rows.contains(row)).forEach(rows::add));
    return rows;
  }

  /** What the setting may be, for its messages: naming the module of each missing name. */
  String expected() {
    List<String> names = names();
    StringBuilder text = new StringBuilder(names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
    modules.forEach((module, brought) -> {
      if (!byName.keySet().containsAll(brought)) {
        text.append(" (").append(String.join(" and ", brought)).append(brought.size() == 1 ? " needs" : " need")
            .append(" the module ").append(module).append(" on the class path)");
      }
    });
    return text.toString();
  }

  /** The provider of a name, or null for core's own name (or an unknown one). */
  P provider(String name) {
    return byName.get(name);
  }
}
