package dev.flagon.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A query string read as Flask's {@code request.args}: pairs split at {@code &}, a name without {@code =}
 * has an empty value, {@code +} is a space, percent escapes are UTF-8 (malformed bytes replaced, malformed
 * escapes kept as they are), and the first value of a repeated name wins.
 */
final class QueryString {
  private final Map<String, String> firstValues;

  private QueryString(Map<String, String> firstValues) {
    this.firstValues = firstValues;
  }

  /** Parses a raw query string ({@code null} for none). */
  static QueryString parse(String rawQuery) {
    Map<String, String> values = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        values.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return new QueryString(values);
  }

  /** {@code request.args.get(name, defaultValue)}. */
  String get(String name, String defaultValue) {
    return firstValues.getOrDefault(name, defaultValue);
  }

  /**
   * {@code request.args[name]}.
   *
   * @throws MissingParameterException if absent (Flask answers 400)
   */
  String require(String name) {
    String value = firstValues.get(name);
    if (value == null) {
      throw new MissingParameterException(name);
    }
    return value;
  }

  private static String decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
        bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
        i += 3;
        continue;
      }
      byte[] utf8 = (c == '+' ? " " : Character.toString(c)).getBytes(StandardCharsets.UTF_8);
      bytes.write(utf8, 0, utf8.length);
      i += Character.charCount(c);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** A required query parameter is missing: Flask's {@code BadRequestKeyError}, a 400. */
  static final class MissingParameterException extends RuntimeException {
    MissingParameterException(String name) {
      super("missing query parameter '" + name + "'");
    }
  }
}
