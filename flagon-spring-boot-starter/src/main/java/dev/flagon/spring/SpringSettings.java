package dev.flagon.spring;

import dev.flagon.FlagonSettings;
import dev.flagon.Setting;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Reads settings tables from Spring's {@link Environment}: each row by its Flask name
 * ({@code SECRET_KEY}), then its {@code FLAGON_} name, then its {@code flagon.*} property, later ones
 * winning. Nothing here interprets a value: the text (or, for a list, Spring's {@code a,b} and indexed
 * forms) goes to the row's {@link Setting#parse}, as from every other entry point. Another module's
 * table is read the same way, and added to {@link #ROWS} so that its properties are known.
 */
final class SpringSettings {
  /** Whether the auto-configuration runs at all; read by its condition, before any row. */
  static final String ENABLED = "flagon.enabled";
  static final String ENABLED_DOC =
      "Whether Flagon keeps the session in a signed cookie; false adds nothing.";

  /** The starter's own row: the {@code HttpSession} view of {@link dev.flagon.servlet.FlagonFilter}. */
  static final Setting<Boolean> HTTP_SESSION_VIEW = Setting.flag("HTTP_SESSION_VIEW",
      "flagon.http-session-view", false,
      "request.getSession() answers an HttpSession backed by the cookie session, for servlet code.");

  /** Every row whose {@code flagon.*} property this starter knows. */
  static final List<Setting<?>> ROWS =
      Stream.concat(FlagonSettings.all().stream(), Stream.of(HTTP_SESSION_VIEW)).toList();

  private static final ConfigurationPropertyName FLAGON = ConfigurationPropertyName.of("flagon");

  private SpringSettings() {}

  /** The raw values given for these rows, keyed by Flask name, for {@code FlagonConfig.Builder.putAll}. */
  static Map<String, Object> read(Environment environment, Collection<? extends Setting<?>> settings) {
    Binder binder = Binder.get(environment);
    Map<String, Object> values = new LinkedHashMap<>();
    for (Setting<?> setting : settings) {
      putIfSet(values, setting, environment.getProperty(setting.name()));
      putIfSet(values, setting, environment.getProperty(setting.environmentName()));
      putIfSet(values, setting, springValue(binder, setting));
    }
    return values;
  }

  /** One row's value, or its default. @throws IllegalArgumentException naming it if invalid */
  static <T> T value(Environment environment, Setting<T> setting) {
    Map<String, Object> given = read(environment, List.of(setting));
    String name = setting.name();
    return given.containsKey(name) ? setting.parse(given.get(name)) : setting.defaultValue();
  }

  private static Object springValue(Binder binder, Setting<?> setting) {
    String text = binder.bind(setting.springName(), String.class).orElse(null);
    boolean springList = text == null || (text.contains(",") && !text.strip().startsWith("["));
    if (!setting.isList() || !springList) {
      return text; // read as in the environment: null, a JSON array or one value
    }
    // Spring's list forms: a,b and name[0], name[1]
    return binder.bind(setting.springName(), Bindable.listOf(String.class)).orElse(null);
  }

  private static void putIfSet(Map<String, Object> values, Setting<?> setting, Object value) {
    if (value != null) {
      values.put(setting.name(), value);
    }
  }

  /**
   * Refuses a {@code flagon.*} property that no row has (a mistyped name would otherwise be ignored),
   * naming the closest known one. Environment variables are left out: Spring maps {@code FLAGON_SECRET_KEY}
   * to {@code flagon.secret.key}, and {@code FLAGON_} variables are read by their Flask names.
   *
   * @throws IllegalArgumentException naming the property, never its value
   */
  static void refuseUnknown(Environment environment) {
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (!(source instanceof IterableConfigurationPropertySource names)
          || source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource) {
        continue;
      }
      names.stream().filter(FLAGON::isAncestorOf).filter(name -> !isKnown(name)).findFirst()
          .ifPresent(name -> {
            throw new IllegalArgumentException("Unknown property " + name + ": Flagon has no such setting."
                + closest(name) + " Every flagon.* property is in the README's settings table.");
          });
    }
  }

  private static boolean isKnown(ConfigurationPropertyName name) {
    if (name.equals(ConfigurationPropertyName.of(ENABLED))) {
      return true;
    }
    for (Setting<?> setting : ROWS) {
      ConfigurationPropertyName known = ConfigurationPropertyName.of(setting.springName());
      boolean listItem = setting.isList() && known.isParentOf(name) && name.isLastElementIndexed();
      if (known.equals(name) || listItem) {
        return true;
      }
    }
    return false;
  }

  /** The row whose Spring or Flask name is the fewest edits away, ignoring case, dots and dashes. */
  private static String closest(ConfigurationPropertyName name) {
    String wanted = uniform(name.subName(1).toString());
    Setting<?> best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Setting<?> setting : ROWS) {
      String spring = uniform(setting.springName().substring("flagon.".length()));
      int distance = Math.min(distance(wanted, spring), distance(wanted, uniform(setting.name())));
      if (distance < bestDistance) {
        best = setting;
        bestDistance = distance;
      }
    }
    return bestDistance > Math.max(3, wanted.length() / 2) ? ""
        : " Did you mean " + best.springName() + " (" + best.name() + ")?";
  }

  private static String uniform(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** Levenshtein distance: a property name is short, so the quadratic table is tiny. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] current = new int[b.length() + 1];
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      previous = current;
    }
    return previous[b.length()];
  }
}
