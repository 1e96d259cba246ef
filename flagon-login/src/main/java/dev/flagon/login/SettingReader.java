package dev.flagon.login;

import dev.flagon.SameSite;
import dev.flagon.json.TaggedJson;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the Flask-Login and Flask-WTF settings from a Flask-style config map: typed values, or text as in
 * environment variables (where Flask's {@code from_prefixed_env} would parse {@code true}, {@code 3600},
 * {@code null} or a JSON array). Every conversion of both configs is here, and every message names the
 * setting and never shows a key. A missing or {@code null} entry means the default.
 */
final class SettingReader {
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private final Map<String, Object> config;

  SettingReader(Map<String, ?> config) {
    this.config = new HashMap<>(config); // null values kept: they are Python's None
  }

  /** Whether the setting is present, {@code null} (Python's {@code None}) included. */
  boolean present(String name) {
    return config.containsKey(name);
  }

  /** Whether the setting is present as {@code null} or the text {@code null} (Python's {@code None}). */
  boolean none(String name) {
    Object value = config.get(name);
    return present(name) && (value == null || value instanceof String text && text.strip().equals("null"));
  }

  /** The value as given, or {@code null}. */
  Object raw(String name) {
    return config.get(name);
  }

  /** The value of a present setting that must not be {@code None}. */
  private Object required(String name) {
    if (none(name)) {
      throw new IllegalArgumentException(name + " must not be null (leave it out for the default)");
    }
    return config.get(name);
  }

  /** A flag; {@code None} is false, as Python's truthiness makes it. */
  boolean bool(String name, boolean defaultValue) {
    if (!present(name) || none(name)) {
      return present(name) ? false : defaultValue;
    }
    Object value = config.get(name);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String text) {
      switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true", "1", "yes", "on": return true;
        case "false", "0", "no", "off": return false;
        default: break;
      }
    }
    throw new IllegalArgumentException(name + " must be true or false (or yes/no, on/off, 1/0), not "
        + shown(value));
  }

  /** Text, or {@code defaultValue} when absent, or {@code null} for {@code None}. */
  String text(String name, String defaultValue) {
    if (!present(name) || none(name)) {
      return present(name) ? null : defaultValue;
    }
    if (config.get(name) instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException(name + " must be text, not " + typeName(config.get(name)));
  }

  /** A cookie or form field name: a non-empty HTTP token. */
  String token(String name, String defaultValue) {
    required(name);
    String value = text(name, defaultValue);
    if (value.isEmpty() || !value.chars().allMatch(SettingReader::isTokenChar)) {
      throw new IllegalArgumentException(name + " must be a non-empty HTTP token (letters, digits and "
          + TOKEN_SYMBOLS + "), not '" + value + "'");
    }
    return value;
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || TOKEN_SYMBOLS.indexOf(c) >= 0;
  }

  /** Text items: a collection, a JSON array of strings, or comma-separated text. */
  List<String> list(String name, List<String> defaultValue) {
    if (!present(name)) {
      return defaultValue;
    }
    Object value = required(name);
    if (value instanceof String text) {
      String trimmed = text.strip();
      value = trimmed.startsWith("[") ? parseJson(name, trimmed) : List.of(trimmed.split("\\s*,\\s*"));
    }
    if (value instanceof Collection<?> items) {
      List<String> texts = new ArrayList<>();
      for (Object item : items) {
        if (!(item instanceof String text)) {
          throw new IllegalArgumentException(name + " must hold text only, not " + typeName(item));
        }
        texts.add(text);
      }
      return List.copyOf(texts);
    }
    throw new IllegalArgumentException(name + " must be a list of text, not " + typeName(value));
  }

  private static Object parseJson(String name, String text) {
    try {
      return TaggedJson.standard().loads(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(name + " looks like a JSON array but is not one", e);
    }
  }

  /** Whole seconds (a number or its text), an ISO-8601 text or a {@link Duration}, within [0, max]. */
  Duration duration(String name, Duration defaultValue, Duration max) {
    if (!present(name)) {
      return defaultValue;
    }
    Object value = required(name);
    Duration duration;
    if (value instanceof Duration d) {
      duration = d;
    } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      duration = seconds(name, new BigInteger(value.toString()), max);
    } else if (value instanceof String text && text.strip().matches("-?[0-9]+")) {
      duration = seconds(name, new BigInteger(text.strip()), max);
    } else if (value instanceof String text) {
      try {
        duration = Duration.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(name + " must be whole seconds or an ISO-8601 duration such as"
            + " P30D, not '" + text + "'", e);
      }
    } else {
      throw new IllegalArgumentException(name + " must be whole seconds or a Duration, not " + typeName(value));
    }
    if (duration.isNegative() || duration.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be between 0 seconds and " + max.getSeconds()
          + " seconds, not " + duration);
    }
    return duration;
  }

  private static Duration seconds(String name, BigInteger seconds, Duration max) {
    if (seconds.signum() < 0 || seconds.compareTo(BigInteger.valueOf(max.getSeconds())) > 0) {
      throw new IllegalArgumentException(name + " must be between 0 and " + max.getSeconds()
          + " seconds, not " + seconds);
    }
    return Duration.ofSeconds(seconds.longValueExact());
  }

  /** A {@code SameSite} value, or {@code null} when unset. */
  SameSite sameSite(String name) {
    if (!present(name) || none(name)) {
      return null;
    }
    if (config.get(name) instanceof SameSite value) {
      return value;
    }
    String text = text(name, null);
    for (SameSite value : SameSite.values()) {
      if (value.attributeValue().equalsIgnoreCase(text.strip())) {
        return value;
      }
    }
    throw new IllegalArgumentException(name + " must be Strict, Lax or None (or unset), not '" + text + "'");
  }

  /** A key as Python holds it: text (returned as a String) or bytes (a copy); {@code null} if unset. */
  Object key(String name) {
    Object value = none(name) ? null : config.get(name);
    if (value instanceof String || value == null) {
      return value;
    }
    if (value instanceof byte[] bytes) {
      return bytes.clone();
    }
    throw new IllegalArgumentException(name + " must be text or bytes, not " + typeName(value));
  }

  private static String shown(Object value) {
    return value instanceof String ? "'" + value + "'" : typeName(value);
  }

  static String typeName(Object value) {
    return value == null ? "null" : "a " + value.getClass().getSimpleName();
  }
}
