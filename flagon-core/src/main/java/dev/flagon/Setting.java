package dev.flagon;

import dev.flagon.codec.Secret;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One configuration setting, to read its value ({@link FlagonConfig#get}) or to declare a module's own: its
 * Flask name ({@code SESSION_COOKIE_SECURE}), environment variable ({@code FLAGON_} + the name), Spring
 * property ({@code flagon.cookie.secure}), type, default, rules and documentation. Every entry point reads a
 * setting through {@link #parse}, so a value means the same wherever it is written. The core's settings are
 * {@link FlagonSettings}. Immutable and thread-safe.
 *
 * <p>Text (an environment variable, a property, a {@code String} in a map) is read as Flask's
 * {@code from_prefixed_env} reads it: as a JSON literal if it is one ({@code true}, {@code 3600},
 * {@code null}, {@code ["a","b"]}, {@code "quoted"}), else as the raw text. A text setting takes only a
 * JSON string or {@code null}, so {@code 2024} stays text; {@code null} means unset where that is allowed.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern SPRING_NAME = Pattern.compile("flagon(\\.[a-z][a-z0-9-]*)+");
  private static final int SHOWN_LENGTH = 60;
  /** Characters that would break a message's one line: controls and Unicode line and paragraph separators. */
  private static final Pattern LINE_BREAKING = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

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

  static <T> Setting<T> of(String name, String springName, Kind<T> kind, T defaultValue, String doc) {
    return new Setting<>(name, springName, kind, defaultValue, doc, false, null, List.of());
  }

  /** A boolean; also {@code yes}/{@code no}, {@code on}/{@code off}, {@code 1}/{@code 0}; null is false. */
  public static Setting<Boolean> flag(String name, String springName, boolean defaultValue, String doc) {
    return of(name, springName, Kind.FLAG, defaultValue, doc).nullMeans(false); // None is falsy in Flask
  }

  /** A whole number, 0 or more; narrow it with {@link #require}. */
  public static Setting<Integer> count(String name, String springName, int defaultValue, String doc) {
    return of(name, springName, Kind.COUNT, defaultValue, doc);
  }

  /** A duration, between 0 and 999999999 days (Python's {@code timedelta.max}). */
  public static Setting<Duration> duration(String name, String springName, Duration defaultValue, String doc) {
    return of(name, springName, Kind.DURATION, defaultValue, doc);
  }

  /** Text; may be null only if made {@link #nullable()}. */
  public static Setting<String> text(String name, String springName, String defaultValue, String doc) {
    return of(name, springName, Kind.text(null), defaultValue, doc);
  }

  /** Text that may hold a credential (a URL with a password): unset by default, shown through {@code redact}. */
  public static Setting<String> redactedText(String name, String springName, Function<String, String> redact,
      String doc) {
    return of(name, springName, Kind.text(redact), null, doc).nullable();
  }

  /** Text that must be a non-empty HTTP token, as a cookie or form field name: no space, ';', '=' or quote. */
  public static Setting<String> token(String name, String springName, String defaultValue, String doc) {
    return text(name, springName, defaultValue, doc)
        .require(WerkzeugCookie::isToken, WerkzeugCookie.TOKEN_RULE);
  }

  /** A list of text: a JSON array of strings, a collection, or comma-separated text; never null. */
  public static Setting<List<String>> texts(String name, String springName, List<String> defaultValue,
      String doc) {
    return of(name, springName, Kind.TEXTS, List.copyOf(defaultValue), doc);
  }

  /** A secret key: text (its UTF-8 bytes, as in Flask), {@code byte[]} or a {@link Secret}; never shown. */
  public static Setting<Secret> secret(String name, String springName, String doc) {
    return of(name, springName, Kind.SECRET, null, doc).nullable();
  }

  /** A list of secret keys (a JSON array of strings, a list, or one key); null is the empty list. */
  public static Setting<List<Secret>> secrets(String name, String springName, String doc) {
    return of(name, springName, Kind.SECRETS, List.<Secret>of(), doc).nullMeans(List.of());
  }

  /** An enum constant, named as {@code configName} gives it, in any case, {@code -} and {@code _} ignored. */
  public static <E extends Enum<E>> Setting<E> choice(String name, String springName, Class<E> type,
      E defaultValue, Function<E, String> configName, String doc) {
    List<E> constants = List.of(type.getEnumConstants());
    String expected = Kind.oneOf(constants.stream().map(configName).toList());
    return of(name, springName, Kind.choice(type.getName(), constants, configName, expected), defaultValue, doc);
  }

  /** This setting, where null (Python's {@code None}) means unset. */
  public Setting<T> nullable() {
    return nullMeans(null);
  }

  /** This setting, where null means {@code value} (as {@code MAX_COOKIE_SIZE=None} means no limit). */
  public Setting<T> nullMeans(T value) {
    return new Setting<>(name, springName, kind, defaultValue, doc, true, value, rules);
  }

  /** This setting with one more rule: a value breaking it is refused ({@code NAME must be RULE, not 'value'}). */
  public Setting<T> require(Predicate<? super T> rule, String ruleText) {
    List<Rule<T>> more = Stream.concat(rules.stream(), Stream.of(new Rule<T>(rule, ruleText))).toList();
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
    return none ? "none" : show(defaultValue);
  }

  /** One line on what the setting does, for the README and Spring's configuration metadata. */
  public String doc() { return doc; }
  /** The Java type of the value as written in configuration, for tools: {@code java.lang.Boolean}, ... */
  public String typeName() { return kind.typeName(); }
  /** Whether the value is a list (Spring also accepts {@code a,b} and indexed properties for it). */
  public boolean isList() { return kind.isList(); }
  /** What a text stands for in this setting, as described above: a JSON literal it takes, or the text. */
  public Object fromText(String text) { return kind.fromText(text); }

  /**
   * Reads a value, typed ({@code Boolean}, {@code Duration}, {@code Secret}, an enum constant, a
   * {@code List}, ...) or text read as described above, then checks the rules.
   *
   * @throws IllegalArgumentException naming this setting and what it accepts, never showing a secret
   */
  public T parse(Object raw) {
    return read(raw instanceof String text ? kind.fromText(text) : raw);
  }

  /** Checks a typed value as {@link #parse} does, with no text read. @throws IllegalArgumentException */
  public T check(T value) {
    return read(value);
  }

  private T read(Object value) {
    if (value == null && nullAllowed) {
      return nullValue;
    }
    T typed;
    try {
      typed = value == null ? null : kind.reader().apply(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " " + e.getMessage());
    }
    if (typed == null) {
      throw refused(kind.expected(), value);
    }
    for (Rule<T> rule : rules) {
      if (!rule.test().test(typed)) {
        throw refused(rule.text(), typed);
      }
    }
    return typed;
  }

  /** A value of this setting as written in configuration; key material redacted. */
  @SuppressWarnings("unchecked")
  String show(Object value) {
    return value == null ? "null" : kind.shower().apply((T) value);
  }

  private IllegalArgumentException refused(String expected, Object value) {
    return new IllegalArgumentException(name + " must be " + expected + ", not " + describe(value));
  }

  /** A refused value on one short line; of a secret or an unusual type, only its type. */
  private String describe(Object value) {
    if (value == null) {
      return "null";
    }
    boolean plain = value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Enum || value instanceof List || value instanceof Duration;
    if (kind.isSecret() || !plain) {
      String type = value.getClass().getSimpleName();
      return value instanceof String ? "text" : value instanceof List ? "a list" : value instanceof Number
          ? "a number" : "a " + (type.isEmpty() ? value.getClass().getName() : type);
    }
    String text = String.valueOf(value);
    int length = text.codePointCount(0, text.length());
    String head = text.substring(0, text.offsetByCodePoints(0, Math.min(length, SHOWN_LENGTH)));
    String oneLine = LINE_BREAKING.matcher(head)
        .replaceAll(c -> String.format("\\\\u%04X", (int) c.group().charAt(0)));
    return "'" + oneLine + (length > SHOWN_LENGTH ? "...'" : "'");
  }

  /** The Flask name. */
  @Override
  public String toString() { return name; }

  /** The text of these settings' {@code FLAGON_}-prefixed variables, keyed by Flask name; others ignored. */
  public static Map<String, Object> fromEnvironment(Collection<? extends Setting<?>> settings,
      Map<String, String> environment) {
    Map<String, Object> found = new LinkedHashMap<>();
    settings.stream().filter(s -> environment.get(s.environmentName()) != null)
        .forEach(s -> found.put(s.name(), environment.get(s.environmentName())));
    return found;
  }

  /** The text given under these settings' Flask names (properties, init-params); anything else ignored. */
  public static Map<String, Object> fromNames(Collection<? extends Setting<?>> settings, Map<?, ?> source) {
    Map<String, Object> found = new LinkedHashMap<>();
    settings.stream().filter(s -> source.get(s.name()) instanceof String)
        .forEach(s -> found.put(s.name(), source.get(s.name())));
    return found;
  }
}
