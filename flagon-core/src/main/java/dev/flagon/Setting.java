package dev.flagon;

import dev.flagon.codec.Secret;
import dev.flagon.internal.JsonLiteral;
import dev.flagon.internal.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One configuration setting, declared once: its Flask name ({@code SESSION_COOKIE_SECURE}), its
 * environment variable ({@code FLAGON_} + the name), its Spring property ({@code flagon.cookie.secure}),
 * type, default, rules and documentation. Every entry point (a map, the environment, a properties file,
 * servlet init-params, Spring) reads a setting through {@link #parse}, so a value means the same wherever
 * it is written. The core's settings are {@link FlagonSettings}; other modules declare theirs the same way
 * and read them with {@link #fromEnvironment} and {@link #fromNames}. Immutable and thread-safe.
 *
 * <p>Text (an environment variable, a property, an init-param, a Spring string, or a {@code String} in a
 * map) is read as Flask's {@code from_prefixed_env} reads it: as a JSON literal if it is one ({@code true},
 * {@code 3600}, {@code null}, {@code ["a","b"]}, {@code "quoted"}), else as the raw text. A text setting
 * (names, secret keys, choices) takes only a JSON string or {@code null}, so {@code 2024} stays text, and
 * {@code null} means unset where a setting may be unset.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern SPRING_NAME = Pattern.compile("flagon(\\.[a-z][a-z0-9-]*)+");
  private static final int SHOWN_LENGTH = 60;

  private final String name;
  private final String springName;
  private final Kind<T> kind;
  private final T defaultValue;
  private final String doc;
  private final boolean nullAllowed;
  private final T nullValue;
  private final List<Rule<T>> rules;

  /** A rule a value must follow, and how a message says it ({@code between 1 and 16}). */
  private record Rule<T>(Predicate<? super T> test, String text) {}

  private Setting(String name, String springName, Kind<T> kind, T defaultValue, String doc,
      boolean nullAllowed, T nullValue, List<Rule<T>> rules) {
    if (!NAME.matcher(name).matches() || !SPRING_NAME.matcher(springName).matches()) {
      throw new IllegalArgumentException("a setting is named like SESSION_COOKIE_SECURE, its Spring property"
          + " like flagon.cookie.secure: not " + name + ", " + springName);
    }
    this.name = name;
    this.springName = springName;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.doc = doc;
    this.nullAllowed = nullAllowed;
    this.nullValue = nullValue;
    this.rules = List.copyOf(rules);
  }

  /** A setting of any kind, for rows whose kind has no public factory here. */
  static <T> Setting<T> of(String name, String springName, Kind<T> kind, T defaultValue, String doc) {
    return new Setting<>(name, springName, kind, defaultValue, doc, false, null, List.of());
  }

  /** A boolean; also {@code yes}/{@code no}, {@code on}/{@code off}, {@code 1}/{@code 0}; null is false. */
  public static Setting<Boolean> flag(String name, String springName, boolean defaultValue, String doc) {
    return of(name, springName, Kind.flag(), defaultValue, doc).nullMeans(false); // None is falsy in Flask
  }

  /** A whole number, 0 or more; narrow it with {@link #require}. */
  public static Setting<Integer> count(String name, String springName, int defaultValue, String doc) {
    Kind<Integer> kind = Kind.count();
    return of(name, springName, kind, defaultValue, doc).require(n -> n >= 0, kind.expected());
  }

  /** A duration, between 0 and 999999999 days (Python's {@code timedelta.max}). */
  public static Setting<Duration> duration(String name, String springName, Duration defaultValue,
      String doc) {
    return of(name, springName, Kind.duration(), defaultValue, doc)
        .require(d -> !d.isNegative() && d.compareTo(Kind.MAX_DURATION) <= 0, Kind.DURATION_RANGE);
  }

  /** Text; may be null only if made {@link #nullable()}. */
  public static Setting<String> text(String name, String springName, String defaultValue, String doc) {
    return of(name, springName, Kind.text(), defaultValue, doc);
  }

  /**
   * Text that may hold a credential, such as a URL with a password: unset by default and when null;
   * messages never show it and {@link FlagonConfig#toString} shows it through {@code redact}.
   */
  public static Setting<String> redactedText(String name, String springName, Function<String, String> redact,
      String doc) {
    return of(name, springName, Kind.redactedText(redact), null, doc).nullable();
  }

  /** A list of text: a JSON array of strings, or one text; null is the empty list. */
  public static Setting<List<String>> texts(String name, String springName, List<String> defaultValue,
      String doc) {
    return of(name, springName, Kind.texts(), List.copyOf(defaultValue), doc).nullMeans(List.of());
  }

  /**
   * A secret key: text (its UTF-8 bytes, as in Flask), {@code byte[]} or a {@link Secret}; unset by default
   * and when null. Messages never show its value.
   */
  public static Setting<Secret> secret(String name, String springName, String doc) {
    return of(name, springName, Kind.secret(), null, doc).nullable();
  }

  /** A list of secret keys (a JSON array of strings, a list, or one key); null is the empty list. */
  public static Setting<List<Secret>> secrets(String name, String springName, String doc) {
    return of(name, springName, Kind.secrets(), List.<Secret>of(), doc).nullMeans(List.of());
  }

  /**
   * One of an enum's constants, written as {@code configName} gives it or as its Java name, in any case
   * ({@code -} and {@code _} ignored).
   */
  public static <E extends Enum<E>> Setting<E> choice(String name, String springName, Class<E> type,
      E defaultValue, Function<E, String> configName, String doc) {
    return of(name, springName, Kind.choice(type, configName), defaultValue, doc);
  }

  /** This setting, where null (Python's {@code None}, JSON {@code null}) means unset. */
  public Setting<T> nullable() {
    return nullMeans(null);
  }

  /** This setting, where null means {@code value} (as {@code MAX_COOKIE_SIZE=None} means no limit). */
  public Setting<T> nullMeans(T value) {
    return new Setting<>(name, springName, kind, defaultValue, doc, true, value, rules);
  }

  /**
   * This setting with one more rule; a value that breaks it is refused with
   * {@code NAME must be RULE, not 'value'} (without the value for a secret).
   */
  public Setting<T> require(Predicate<? super T> rule, String ruleText) {
    List<Rule<T>> more = new ArrayList<>(rules);
    more.add(new Rule<>(rule, ruleText));
    return new Setting<>(name, springName, kind, defaultValue, doc, nullAllowed, nullValue, more);
  }

  /** The Flask name, such as {@code SESSION_COOKIE_SECURE}: in maps, properties files and init-params. */
  public String name() { return name; }

  /** The environment variable: {@code FLAGON_} and the Flask name. */
  public String environmentName() { return "FLAGON_" + name; }

  /** The Spring Boot property, such as {@code flagon.cookie.secure}. */
  public String springName() { return springName; }

  /** The value when the setting is not given. */
  public T defaultValue() { return defaultValue; }

  /** The default as written in configuration; {@code none} when there is none. */
  public String defaultText() {
    boolean none = defaultValue == null || (defaultValue instanceof Collection<?> c && c.isEmpty());
    return none ? "none" : kind.show(defaultValue);
  }

  /** One line on what the setting does, for the README and Spring's configuration metadata. */
  public String doc() { return doc; }

  /** The Java type of the value as written in configuration, for tools: {@code java.lang.Boolean}, ... */
  public String typeName() { return kind.typeName(); }

  /** Whether the value is a list (Spring also accepts {@code a,b} and indexed properties for it). */
  public boolean isList() { return kind.isList(); }

  /**
   * Reads a value: a typed Java value ({@code Boolean}, {@code Integer}, {@code Duration}, {@code byte[]},
   * {@code Secret}, an enum constant, a {@code List}, ...) or text, read as described above; then checks
   * the rules.
   *
   * @throws IllegalArgumentException naming this setting and what it accepts, never showing a secret
   */
  public T parse(Object raw) {
    Object value = raw;
    if (raw instanceof String text) {
      Object json = JsonLiteral.read(text);
      if (json != JsonLiteral.NOT_JSON && kind.takesJson(json)) {
        value = json;
      }
    }
    if (value == null) {
      return check(null);
    }
    T typed;
    try {
      typed = kind.read(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " " + e.getMessage());
    }
    if (typed == null) {
      throw refused(kind.expected(), value);
    }
    return check(typed);
  }

  /**
   * Checks a typed value against the rules (null: as the setting allows).
   *
   * @throws IllegalArgumentException naming this setting and the rule
   */
  public T check(T value) {
    if (value == null) {
      if (!nullAllowed) {
        throw refused(kind.expected(), null);
      }
      return nullValue;
    }
    for (Rule<T> rule : rules) {
      if (!rule.test().test(value)) {
        throw refused(rule.text(), value);
      }
    }
    return value;
  }

  /** A value of this setting as written in configuration; key material redacted. */
  String show(Object value) {
    @SuppressWarnings("unchecked")
    T typed = (T) value;
    return value == null ? "null" : kind.show(typed);
  }

  private IllegalArgumentException refused(String expected, Object value) {
    return new IllegalArgumentException(name + " must be " + expected + ", not " + describe(value));
  }

  private String describe(Object value) {
    if (value == null) {
      return "null";
    }
    boolean plain = value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Enum || value instanceof List;
    if (kind.isSecret() || !plain) { // a secret's type only
      String type = value.getClass().getSimpleName();
      return value instanceof String ? "text" : value instanceof List ? "a list" : value instanceof Number
          ? "a number" : "a " + (type.isEmpty() ? value.getClass().getName() : type);
    }
    String text = String.valueOf(value);
    StringBuilder shown = new StringBuilder("'");
    text.codePoints().limit(SHOWN_LENGTH).forEach(c -> {
      if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
        shown.append(String.format("\\u%04X", c)); // a message is one line
      } else {
        shown.appendCodePoint(c);
      }
    });
    return shown.append(text.codePointCount(0, text.length()) > SHOWN_LENGTH ? "...'" : "'").toString();
  }

  /** The Flask name. */
  @Override
  public String toString() {
    return name;
  }

  /**
   * The text given for these settings by {@code FLAGON_}-prefixed variables ({@link #environmentName()}),
   * keyed by Flask name, for {@link FlagonConfig#fromMap} or another module's own reader. Other variables
   * are ignored.
   */
  public static Map<String, Object> fromEnvironment(Collection<? extends Setting<?>> settings,
      Map<String, String> environment) {
    Map<String, Object> found = new LinkedHashMap<>();
    for (Setting<?> setting : settings) {
      String text = environment.get(setting.environmentName());
      if (text != null) {
        found.put(setting.name(), text);
      }
    }
    return found;
  }

  /**
   * The text given for these settings under their Flask names (properties files, servlet init-params),
   * keyed by Flask name. Other names, and values that are not text, are ignored.
   */
  public static Map<String, Object> fromNames(Collection<? extends Setting<?>> settings, Map<?, ?> source) {
    Map<String, Object> found = new LinkedHashMap<>();
    for (Setting<?> setting : settings) {
      if (source.get(setting.name()) instanceof String text) {
        found.put(setting.name(), text);
      }
    }
    return found;
  }
}
