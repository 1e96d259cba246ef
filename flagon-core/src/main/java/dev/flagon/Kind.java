package dev.flagon;

import dev.flagon.codec.Secret;
import dev.flagon.json.TaggedJson;
import dev.flagon.json.TaggedJsonException;
import dev.flagon.json.Tuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of setting value (a flag, a count, a duration, text, a secret key, ...): how it is read from
 * text or a typed Java value, and how it is shown. {@code reader} answers null for a value not of this
 * kind (the setting then says what it {@code expected}), or throws {@link IllegalArgumentException} whose
 * message follows the setting's name ({@code "must be ..."}) and never shows a secret.
 *
 * @param typeName the Java type of the value as written in configuration, for tools
 * @param isSecret whether values are key material: never shown in messages
 * @param textual whether a JSON literal read from text is taken only if it is a string or null (or, for a
 *     list, an array), so that {@code 2024} stays text
 */
record Kind<T>(String expected, String typeName, boolean isSecret, boolean isList, boolean textual,
    Function<Object, T> reader, Function<T, String> shower) {
  /** Python's {@code timedelta.max} (whole days): a longer lifetime would make Flask fail on every save. */
  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Duration.ofDays(999_999_999).getSeconds());
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  /** Spring's simple duration style, accepted everywhere: {@code 30m}, {@code 7d}. */
  private static final Pattern WITH_UNIT =
      Pattern.compile("([0-9]+)(ns|us|ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);
  private static final Map<String, BigDecimal> UNIT_SECONDS = Map.of("ns", new BigDecimal("1e-9"),
      "us", new BigDecimal("1e-6"), "ms", new BigDecimal("1e-3"), "s", BigDecimal.ONE,
      "m", BigDecimal.valueOf(60), "h", BigDecimal.valueOf(3600), "d", BigDecimal.valueOf(86400));

  /**
   * A text as Flask's {@code from_prefixed_env} reads it: what {@code json.loads} makes of it, if this kind
   * takes that (a scalar or an array of scalars), else the raw text (also when it is not JSON, as in Flask).
   */
  Object fromText(String text) {
    Object json;
    try {
      json = TaggedJson.standard().loads(text);
    } catch (TaggedJsonException e) {
      return text;
    }
    boolean flat = json instanceof List<?> items && !(json instanceof Tuple)
        ? items.stream().allMatch(Kind::isScalar) : isScalar(json);
    return flat && (!textual || json == null || json instanceof String || (isList && json instanceof List))
        ? json : text;
  }

  private static boolean isScalar(Object json) {
    return json == null || json instanceof String || json instanceof Number || json instanceof Boolean;
  }

  static final Kind<Boolean> FLAG = new Kind<>("true or false (or yes/no, on/off, 1/0)", "java.lang.Boolean",
      false, false, false, value -> value instanceof Boolean b ? b : value instanceof Number n
          ? (n.doubleValue() == 1 ? Boolean.TRUE : n.doubleValue() == 0 ? Boolean.FALSE : null)
          : !(value instanceof String text) ? null : switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> null;
          }, String::valueOf);

  static final Kind<Integer> COUNT = new Kind<>("a whole number, 0 or more", "java.lang.Integer", false,
      false, false, value -> {
        BigInteger n = wholeNumber(value);
        return n == null || n.signum() < 0 || n.bitLength() > 31 ? null : n.intValue();
      }, String::valueOf);

  private static BigInteger wholeNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      return new BigInteger(value.toString());
    }
    return value instanceof String text && DIGITS.matcher(text.strip()).matches()
        ? new BigInteger(text.strip()) : null;
  }

  /** Seconds (whole or not), {@code 30m}/{@code 12h}/{@code 7d}, or ISO-8601; shown as {@code 31d} or ISO. */
  static final Kind<Duration> DURATION = new Kind<>("seconds, a number with a unit (30m, 12h, 7d) or an"
      + " ISO-8601 duration such as PT60M", "java.time.Duration", false, false, false, Kind::durationOf, d -> {
        long s = d.getSeconds();
        return d.getNano() != 0 || s < 0 ? d.toString() : s != 0 && s % 86400 == 0 ? s / 86400 + "d"
            : s != 0 && s % 3600 == 0 ? s / 3600 + "h" : s != 0 && s % 60 == 0 ? s / 60 + "m" : s + "s";
      });

  private static Duration durationOf(Object value) {
    BigInteger whole = wholeNumber(value);
    if (whole != null) {
      return seconds(new BigDecimal(whole));
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? seconds(BigDecimal.valueOf(d)) : null;
    }
    if (value instanceof String text) {
      Matcher unit = WITH_UNIT.matcher(text.strip());
      if (unit.matches()) {
        BigDecimal perUnit = UNIT_SECONDS.get(unit.group(2).toLowerCase(Locale.ROOT));
        return seconds(new BigDecimal(unit.group(1)).multiply(perUnit));
      }
      try {
        value = Duration.parse(text.strip());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return value instanceof Duration d
        ? seconds(BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))) : null;
  }

  private static Duration seconds(BigDecimal seconds) {
    if (seconds.signum() < 0 || seconds.compareTo(MAX_SECONDS) > 0) {
      throw new IllegalArgumentException("must be between 0 and 999999999 days, not "
          + seconds.stripTrailingZeros().toPlainString() + "s");
    }
    return Duration.ofSeconds(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
  }

  /** Text, shown through {@code redact} if not null (a URL with a password), and then never in messages. */
  static Kind<String> text(Function<String, String> redact) {
    return new Kind<>("text", "java.lang.String", redact != null, false, true,
        value -> value instanceof String text ? text : null, redact == null ? Function.identity() : redact);
  }

  /** A JSON array of strings, a collection of strings, or comma-separated text ({@code POST, PUT}). */
  static final Kind<List<String>> TEXTS = new Kind<>("a list of text (a JSON array of strings)",
      "java.util.List<java.lang.String>", false, true, true, value -> value instanceof String text
          ? List.of(notJsonArray(text).strip().split("\\s*,\\s*"))
          : value instanceof Collection<?> items && items.stream().allMatch(String.class::isInstance)
          ? items.stream().map(String.class::cast).toList() : null, String::valueOf);

  /** Text that stayed text though it starts like a JSON array: surely a broken one, refused. */
  private static String notJsonArray(String text) {
    if (text.strip().startsWith("[")) {
      throw new IllegalArgumentException("looks like a JSON array but is not one of strings");
    }
    return text;
  }

  /** A secret key: text (its UTF-8 bytes), bytes or a {@link Secret}. Never shown. */
  static final Kind<Secret> SECRET = new Kind<>("text, bytes or a Secret", "java.lang.String", true, false,
      true, Kind::secretOf, key -> "<redacted>");

  private static Secret secretOf(Object value) {
    try {
      return value instanceof Secret key ? key : value instanceof byte[] bytes ? Secret.fromBytes(bytes)
          : value instanceof String text ? Secret.fromText(text) : null;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be valid Unicode text (it has a lone surrogate)");
    }
  }

  /** Secret keys: a JSON array of strings, a list of keys, or one key. Never shown, only counted. */
  static final Kind<List<Secret>> SECRETS = new Kind<>("a list of text, bytes or Secret keys",
      "java.util.List<java.lang.String>", true, true, true, value -> {
        List<?> items = value instanceof List<?> list ? list
            : List.of(value instanceof String text ? notJsonArray(text) : value);
        if (items.stream().anyMatch(Objects::isNull)) {
          throw new IllegalArgumentException("must not contain null");
        }
        List<Secret> keys = items.stream().map(Kind::secretOf).toList();
        return keys.contains(null) ? null : keys;
      }, keys -> "<" + keys.size() + " redacted>");

  /** One of these constants, by {@code name} in any case with {@code -} and {@code _} ignored. */
  static <E> Kind<E> choice(String typeName, List<E> constants, Function<E, String> name, String expected) {
    return new Kind<>(expected, typeName, false, false, true, value -> constants.stream().filter(c -> c == value
        || value instanceof String text && normalized(name.apply(c)).equals(normalized(text)))
        .findFirst().orElse(null), name);
  }

  /** {@code a, b or c}, for messages. */
  static String oneOf(List<String> names) {
    int last = names.size() - 1;
    return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " or " + names.get(last);
  }

  private static String normalized(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }
}
