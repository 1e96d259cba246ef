package dev.flagon.spring;

import dev.flagon.FlagonSettings;
import dev.flagon.Setting;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Reads settings rows from Spring's {@link Environment}: by Flask name, then {@code FLAGON_} name, then
 * {@code flagon.*} property, the last winning; the text (a list also as {@code a,b} or {@code name[0]}) goes to
 * {@link Setting#parse}. Public for flagon-login's and flagon-redis's Spring glue: their settings fail alike.
 */
public final class SpringSettings {
  /** Whether the auto-configuration runs at all; read by its condition, before any row. */
  static final String ENABLED = "flagon.enabled";

  /** The starter's own row: the {@code HttpSession} view of {@link dev.flagon.servlet.FlagonFilter}. */
  static final Setting<Boolean> HTTP_SESSION_VIEW = Setting.flag("HTTP_SESSION_VIEW", "flagon.http-session-view",
      false, "request.getSession() answers an HttpSession backed by the cookie session, for servlet code.");

  /** Another module's rows (flagon-login's), listed under this name in its {@code META-INF/spring.factories}. */
  public interface Rows extends Supplier<List<Setting<?>>> {}

  /** Every row whose {@code flagon.*} property is known: core's, the starter's and each {@link Rows}. */
  static final List<Setting<?>> ROWS = Stream.concat(Stream.concat(FlagonSettings.all().stream(),
      Stream.of(HTTP_SESSION_VIEW)), SpringFactoriesLoader.loadFactories(Rows.class, SpringSettings.class
          .getClassLoader()).stream().flatMap(rows -> rows.get().stream())).toList();

  private SpringSettings() {}

  /** {@code fromMap} over these rows' given values by Flask name; a refusal stops the start, naming the setting. */
  public static <T> T build(Environment environment, Collection<? extends Setting<?>> rows,
      Function<Map<String, Object>, T> fromMap) {
    Binder binder = Binder.get(environment);
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Setting<?> setting : rows) {
      for (Object value : new Object[] {environment.getProperty(setting.name()),
          environment.getProperty(setting.environmentName()), springValue(binder, setting)}) {
        if (value != null) {
          settings.put(setting.name(), value);
        }
      }
    }
    try {
      return fromMap.apply(settings);
    } catch (IllegalArgumentException | IllegalStateException e) {
      Object key = settings.get(FlagonSettings.SECRET_KEY.name());
      throw new InvalidFlagonConfigurationException(e.getMessage(),
          rows.contains(FlagonSettings.SECRET_KEY) && (key == null || key.toString().isEmpty()), e);
    }
  }

  /** One row's value, or its default. @throws InvalidFlagonConfigurationException naming it if invalid */
  public static <T> T value(Environment environment, Setting<T> setting) {
    return build(environment, List.of(setting), values -> values.containsKey(setting.name())
        ? setting.parse(values.get(setting.name())) : setting.defaultValue());
  }

  private static Object springValue(Binder binder, Setting<?> setting) {
    String text = binder.bind(setting.springName(), String.class).orElse(null);
    boolean springList = text == null || (text.contains(",") && !text.strip().startsWith("["));
    // a list row as Spring's a,b or name[0]; otherwise as in the environment: null, a JSON array or one value
    return setting.isList() && springList
        ? binder.bind(setting.springName(), Bindable.listOf(String.class)).orElse(null) : text;
  }

  /**
   * Refuses a {@code flagon.*} property no row has, naming the closest known one, never the value. Not in
   * environment variables: Spring reads {@code FLAGON_SECRET_KEY} as {@code flagon.secret.key} too.
   */
  static void refuseUnknown(Environment environment) {
    ConfigurationPropertySources.get(environment).forEach(source -> {
      if (source instanceof IterableConfigurationPropertySource names
          && !(source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource)) {
        names.stream().filter(SpringSettings::isUnknown).findFirst().ifPresent(name -> {
          throw new InvalidFlagonConfigurationException("Unknown property " + name + ": Flagon has no such setting."
              + closest(name) + " Every flagon.* property is in the README's settings table.", false, null);
        });
      }
    });
  }

  private static boolean isUnknown(ConfigurationPropertyName name) {
    return ConfigurationPropertyName.of("flagon").isAncestorOf(name)
        && !name.equals(ConfigurationPropertyName.of(ENABLED)) && ROWS.stream().noneMatch(setting -> {
      ConfigurationPropertyName known = ConfigurationPropertyName.of(setting.springName());
      return known.equals(name) || (setting.isList() && known.isParentOf(name) && name.isLastElementIndexed());
    });
  }

  /** The row whose Spring or Flask name is the fewest edits away, ignoring case, dots and dashes. */
  private static String closest(ConfigurationPropertyName name) {
    String wanted = uniform(name.subName(1).toString());
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    ToIntFunction<Setting<?>> edits = row -> Math.min(distance.apply(wanted, uniform(row.name())),
        distance.apply(wanted, uniform(row.springName().substring("flagon.".length()))));
    Setting<?> best = ROWS.stream().min(Comparator.comparingInt(edits)).orElseThrow();
    return edits.applyAsInt(best) > Math.max(3, wanted.length() / 2) ? ""
        : " Did you mean " + best.springName() + " (" + best.name() + ")?";
  }

  private static String uniform(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
