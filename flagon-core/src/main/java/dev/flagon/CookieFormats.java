package dev.flagon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The cookie formats on the class path: core's {@value CookieFormat#SIGNED}, then each
 * {@link CookieFormat.Provider} that {@link ServiceLoader} finds, loaded once. {@code SESSION_FORMAT} may
 * name any of them; a name that a Flagon module would bring, without that module, fails when the
 * configuration is built with one line naming the module to add.
 */
final class CookieFormats {
  /** Flagon's own modules that bring formats, and their names. */
  private static final Map<String, List<String>> MODULES =
      Map.of("dev.flagon:flagon-encrypted", List.of("encrypted", "encrypted-migrate"));

  private static final Map<String, CookieFormat.Provider> PROVIDERS = load();

  private CookieFormats() {}

  private static Map<String, CookieFormat.Provider> load() {
    Map<String, CookieFormat.Provider> byName = new LinkedHashMap<>();
    byName.put(CookieFormat.SIGNED, null);
    for (CookieFormat.Provider provider : ServiceLoader.load(CookieFormat.Provider.class,
        CookieFormat.Provider.class.getClassLoader())) {
      for (String name : provider.names()) {
        if (byName.containsKey(name)) {
          throw new IllegalStateException("two cookie formats on the class path are named '" + name + "'");
        }
        byName.put(name, provider);
      }
    }
    return byName;
  }

  /** Every format's name, {@code signed} first. */
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

  /** What {@code SESSION_FORMAT} may be, for its messages: naming the module of each missing name. */
  static String expected() {
    List<String> names = names();
    StringBuilder text = new StringBuilder(names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
    MODULES.forEach((module, brought) -> {
      if (!PROVIDERS.keySet().containsAll(brought)) {
        text.append(" (").append(String.join(" and ", brought)).append(" need the module ").append(module)
            .append(" on the class path)");
      }
    });
    return text.toString();
  }

  /** The configured format, built for this configuration. */
  static CookieFormat create(FlagonConfig config) {
    String name = config.sessionFormat();
    CookieFormat.Provider provider = PROVIDERS.get(name);
    return provider == null ? CookieFormat.signed(config) : provider.create(name, config);
  }
}
