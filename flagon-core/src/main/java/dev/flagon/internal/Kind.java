package dev.flagon.internal;

import dev.flagon.codec.Secret;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One kind of setting value (a flag, a count, a duration, text, a secret key, ...): how it is read from a
 * typed Java value or from text, and how it is shown. Immutable.
 *
 * <p>{@link #read} answers the value, or null when the input is not of this kind (the setting then says
 * what it {@link #expected() expected}), or throws {@link IllegalArgumentException} whose message follows
 * the setting's name ({@code "must be between ..., not ..."}) and never shows a secret.
 *
 * @param expected what a value looks like, for messages: {@code true or false (...)}
 * @param typeName the Java type of the value as written in configuration, for tools
 * @param isSecret whether values are key material: never shown
 * @param isList whether the value is a list (Spring binds {@code a,b} and {@code name[0]} forms)
 * @param json which JSON literals read from text are taken (see {@link #takesJson})
 * @param reader the function behind {@link #read}
 * @param shower the function behind {@link #show}
 */
public record Kind<T>(String expected, String typeName, boolean isSecret, boolean isList,
    Predicate<Object> json, Function<Object, T> reader, Function<T, String> shower) {
  /** Python's {@code timedelta.max}: a longer lifetime would make Flask fail on every save. */
  public static final Duration MAX_DURATION = Duration.ofDays(999_999_999);
  /** The rule a duration follows, for messages. */
  public static final String DURATION_RANGE = "between 0 and 999999999 days";

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  /** Spring's simple duration style, which Flagon also accepts everywhere: {@code 30m}, {@code 7d}. */
  private static final Pattern WITH_UNIT =
      Pattern.compile("([0-9]+)(ns|us|ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

  /**
   * Whether a JSON literal read from a text (Flask's {@code from_prefixed_env}) is taken as the value;
   * otherwise the raw text is. Text kinds take only a JSON string or null, so {@code 2024} stays text.
   */
  public boolean takesJson(Object literal) { return json.test(literal); }

  /** The value, or null when {@code value} (not null) is not of this kind. */
  public T read(Object value) { return reader.apply(value); }

  /** The value as written in configuration; key material as {@code <redacted>}. */
  public String show(T value) { return shower.apply(value); }

  private static boolean any(Object json) {
    return true;
  }

  private static boolean textOrNull(Object json) {
    return json == null || json instanceof String;
  }

  private static boolean textListOrNull(Object json) {
    return textOrNull(json) || json instanceof List;
  }

  /** Booleans, also as {@code yes}/{@code no}, {@code on}/{@code off}, {@code 1}/{@code 0}. */
  public static Kind<Boolean> flag() {
    return new Kind<>("true or false (or yes/no, on/off, 1/0)", "java.lang.Boolean", false, false,
        Kind::any, Kind::flagOf, String::valueOf);
  }

  private static Boolean flagOf(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
      return n.doubleValue() == 1;
    }
    if (value instanceof String text) {
      switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true", "1", "yes", "on": return true;
        case "false", "0", "no", "off": return false;
        default: return null;
      }
    }
    return null;
  }

  /** Whole numbers from 0 to {@link Integer#MAX_VALUE}. */
  public static Kind<Integer> count() {
    return new Kind<>("a whole number, 0 or more", "java.lang.Integer", false, false, Kind::any, value -> {
      BigInteger n = wholeNumber(value);
      return n == null || n.signum() < 0 || n.bitLength() > 31 ? null : n.intValue();
    }, String::valueOf);
  }

  private static BigInteger wholeNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      return new BigInteger(value.toString());
    }
    if (value instanceof String text && DIGITS.matcher(text.strip()).matches()) {
      return new BigInteger(text.strip());
    }
    return null;
  }

  /** Durations: seconds (whole or not), {@code 30m}/{@code 12h}/{@code 7d}, or ISO-8601 ({@code PT60M}). */
  public static Kind<Duration> duration() {
    return new Kind<>("seconds, a number with a unit (30m, 12h, 7d) or an ISO-8601 duration such as PT60M",
        "java.time.Duration", false, false, Kind::any, Kind::durationOf, Kind::durationText);
  }

  /** {@code 31d}, {@code 12h}, {@code 30m} or {@code 45s} when whole, else ISO-8601. */
  private static String durationText(Duration d) {
    long s = d.getSeconds();
    if (d.getNano() != 0 || s < 0) {
      return d.toString();
    }
    return s != 0 && s % 86400 == 0 ? s / 86400 + "d" : s != 0 && s % 3600 == 0 ? s / 3600 + "h"
        : s != 0 && s % 60 == 0 ? s / 60 + "m" : s + "s";
  }

  private static Duration durationOf(Object value) {
    if (value instanceof Duration duration) {
      return duration;
    }
    BigInteger whole = wholeNumber(value instanceof String ? null : value);
    if (whole != null) {
      return seconds(new BigDecimal(whole));
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? seconds(BigDecimal.valueOf(d)) : null;
    }
    if (!(value instanceof String text)) {
      return null;
    }
    String trimmed = text.strip();
    if (DIGITS.matcher(trimmed).matches()) {
      return seconds(new BigDecimal(trimmed));
    }
    Matcher unit = WITH_UNIT.matcher(trimmed);
    if (unit.matches()) {
      BigDecimal n = new BigDecimal(unit.group(1));
      int scale = switch (unit.group(2).toLowerCase(Locale.ROOT)) {
        case "ns" -> -9;
        case "us" -> -6;
        case "ms" -> -3;
        default -> 0;
      };
      long factor = switch (unit.group(2).toLowerCase(Locale.ROOT)) {
        case "m" -> 60;
        case "h" -> 3600;
        case "d" -> 86400;
        default -> 1;
      };
      return seconds(n.multiply(BigDecimal.valueOf(factor)).scaleByPowerOfTen(scale));
    }
    try {
      return Duration.parse(trimmed);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration seconds(BigDecimal seconds) {
    if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_DURATION.getSeconds())) > 0) {
      throw new IllegalArgumentException("must be " + DURATION_RANGE + ", not " + seconds.toPlainString()
          + "s");
    }
    BigDecimal whole = new BigDecimal(seconds.toBigInteger());
    long nanos = seconds.subtract(whole).movePointRight(9).longValue();
    return Duration.ofSeconds(whole.longValueExact(), nanos);
  }

  /** Text, taken as given. */
  public static Kind<String> text() {
    return new Kind<>("text", "java.lang.String", false, false, Kind::textOrNull,
        value -> value instanceof String text ? text : null, Function.identity());
  }

  /** Text that may hold a credential (a URL with a password): messages never show it, {@code show} redacts it. */
  public static Kind<String> redactedText(Function<String, String> redact) {
    return new Kind<>("text", "java.lang.String", true, false, Kind::textOrNull,
        value -> value instanceof String text ? text : null, redact);
  }

  /** Lists of text: a JSON array of strings, a {@code List<String>}, or one text. */
  public static Kind<List<String>> texts() {
    return new Kind<>("a list of text (a JSON array of strings)", "java.util.List<java.lang.String>", false,
        true, Kind::textListOrNull, value -> {
          if (value instanceof String text) {
            return List.of(text);
          }
          if (!(value instanceof List<?> items) || !items.stream().allMatch(String.class::isInstance)) {
            return null;
          }
          return items.stream().map(String.class::cast).toList();
        }, String::valueOf);
  }

  /** A secret key: text (its UTF-8 bytes), bytes or a {@link Secret}. Never shown. */
  public static Kind<Secret> secret() {
    return new Kind<>("text, bytes or a Secret", "java.lang.String", true, false, Kind::textOrNull,
        Kind::secretOf, key -> "<redacted>");
  }

  private static Secret secretOf(Object value) {
    if (value instanceof Secret key) {
      return key;
    }
    if (value instanceof byte[] bytes) {
      return Secret.fromBytes(bytes);
    }
    if (!(value instanceof String text)) {
      return null;
    }
    try {
      return Secret.fromText(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be valid Unicode text (it has a lone surrogate)");
    }
  }

  /** Secret keys: a JSON array of strings, a list of keys, or one key. Never shown, only counted. */
  public static Kind<List<Secret>> secrets() {
    return new Kind<>("a list of text, bytes or Secret keys", "java.util.List<java.lang.String>", true,
        true, Kind::textListOrNull, Kind::secretsOf, keys -> "<" + keys.size() + " redacted>");
  }

  private static List<Secret> secretsOf(Object value) {
    if (value instanceof String text && text.strip().startsWith("[")) {
      throw new IllegalArgumentException("looks like a JSON array but is not one of strings");
    }
    if (!(value instanceof List<?> items)) {
      Secret one = secretOf(value);
      return one == null ? null : List.of(one);
    }
    List<Secret> keys = new ArrayList<>();
    for (Object item : items) {
      if (item == null) {
        throw new IllegalArgumentException("must not contain null");
      }
      Secret key = secretOf(item);
      if (key == null) {
        return null;
      }
      keys.add(key);
    }
    return List.copyOf(keys);
  }

  /**
   * One of an enum's constants, named by {@code name} (as shown) or by its Java name, in any case, with
   * {@code -} and {@code _} ignored: {@code encrypted-migrate}, {@code ENCRYPTED_MIGRATE}, {@code SHA-256}.
   */
  public static <E extends Enum<E>> Kind<E> choice(Class<E> type, Function<E, String> name) {
    List<E> constants = List.of(type.getEnumConstants());
    String names = constants.stream().map(name).collect(Collectors.toList()).toString();
    String expected = names.substring(1, names.length() - 1).replaceFirst(", ([^,]*)$", " or $1");
    return new Kind<>(expected, type.getName(), false, false, Kind::textOrNull, value -> {
      if (type.isInstance(value)) {
        return type.cast(value);
      }
      if (!(value instanceof String text)) {
        return null;
      }
      String wanted = normalized(text);
      return constants.stream()
          .filter(c -> normalized(name.apply(c)).equals(wanted) || normalized(c.name()).equals(wanted))
          .findFirst().orElse(null);
    }, name);
  }

  /**
   * One of these names (lower case), given in any case with {@code -} and {@code _} ignored, and kept as
   * the name itself: a choice whose names are known only at run time (the cookie formats on the class
   * path).
   *
   * @param expected what a value may be, for messages
   */
  public static Kind<String> name(List<String> names, String expected) {
    return new Kind<>(expected, "java.lang.String", false, false, Kind::textOrNull, value -> value instanceof
        String text ? names.stream().filter(n -> normalized(n).equals(normalized(text))).findFirst().orElse(null)
        : null, Function.identity());
  }

  private static String normalized(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }
}
