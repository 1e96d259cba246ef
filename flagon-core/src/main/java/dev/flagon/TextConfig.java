package dev.flagon;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Settings given as text (environment variables, properties files), read for {@link ConfigParser}. */
final class TextConfig {
  private TextConfig() {}

  /**
   * Text settings (environment, properties) with the prefix removed, each read as Flask's
   * {@code from_prefixed_env} does: a JSON literal if it is one, else the raw text. Secret keys and other
   * text settings take a JSON value only when it is a string or null, so that {@code 0123abc} or
   * {@code 2024} stay text.
   */
  static Map<String, Object> fromText(Map<?, ?> text, String prefix) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : text.entrySet()) {
      if (!(entry.getKey() instanceof String key) || !key.startsWith(prefix)
          || !(entry.getValue() instanceof String raw)) {
        continue;
      }
      String name = key.substring(prefix.length());
      Object json = JsonLiteral.read(raw);
      boolean typed = json != JsonLiteral.NOT_JSON && switch (name) {
        case "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_PARTITIONED",
            "SESSION_REFRESH_EACH_REQUEST", "MAX_COOKIE_SIZE", "PERMANENT_SESSION_LIFETIME",
            "SESSION_MAX_CHUNKS", "SECRET_KEY_ALLOW_WEAK", "SESSION_ENCRYPTION_COMPRESS",
            "SESSION_REISSUE_ON_FALLBACK" -> true;
        case "SECRET_KEY_FALLBACKS" -> json == null || json instanceof String || json instanceof List;
        default -> json == null || json instanceof String;
      };
      values.put(name, typed ? json : raw);
    }
    return values;
  }

  /** A properties file read as UTF-8. @throws UncheckedIOException if it cannot be read */
  static Properties load(Path propertiesFile) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Flagon properties " + propertiesFile, e);
    }
    return properties;
  }
}
