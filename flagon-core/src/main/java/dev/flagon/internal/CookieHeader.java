package dev.flagon.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a cookie from {@code Cookie} request headers as Werkzeug 3.1's {@code parse_cookie} does: pairs end
 * at {@code ;} (a double-quoted value may contain one), names and values are trimmed, pairs without a name
 * are skipped, quoted values are unquoted with {@code \ooo} and {@code \X} escapes, and the first occurrence
 * of a name wins (Flask reads the first).
 */
public final class CookieHeader {
  private CookieHeader() {}

  /** The value of the first cookie with this name in these headers (in order), or null if none. */
  public static String firstValue(List<? extends CharSequence> headerValues, String name) {
    for (CharSequence header : headerValues) {
      String value = header == null ? null : firstValue(header, name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /**
   * The value of the first cookie with this name in one header, or null if none. A hand-written
   * equivalent of {@code re.findall} with Werkzeug's {@code _cookie_re}
   * {@code ([^=;]*)(?:\s*=\s*("(?:[^\\"]|\\.)*"|.*?))?\s*;\s*} over {@code header + ";"}: a Java regex
   * would recurse once per character of a quoted value and overflow the stack on long headers. Both ways
   * of reading visit each character a bounded number of times, whatever the header holds.
   */
  static String firstValue(CharSequence header, String name) {
    String[] found = new String[1];
    if (!name.isEmpty()) {
      new CookiePairScan(header).run((key, value) -> {
        if (key.equals(name)) {
          found[0] = decode(value);
        }
        return found[0] != null;
      });
    }
    return found[0];
  }

  /**
   * The first value of each cookie whose name passes {@code wanted}, in one pass over the headers: how
   * split cookies find their chunks.
   */
  static Map<String, String> firstValues(List<? extends CharSequence> headerValues, Predicate<String> wanted) {
    Map<String, String> found = new HashMap<>();
    for (CharSequence header : headerValues) {
      if (header != null) {
        new CookiePairScan(header).run((key, value) -> {
          if (!key.isEmpty() && !found.containsKey(key) && wanted.test(key)) {
            found.put(key, decode(value));
          }
          return false;
        });
      }
    }
    return found;
  }

  /** A raw value as Werkzeug returns it: stripped, then unquoted. */
  private static String decode(String raw) {
    return unquote(PySpace.strip(raw));
  }

  private static String unquote(String value) {
    if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
      return value;
    }
    byte[] bytes = value.substring(1, value.length() - 1).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      // Werkzeug's _cookie_unslash_re: \ followed by [0-3][0-7][0-7] or by any byte but a newline.
      if (bytes[i] == '\\' && i + 1 < bytes.length && bytes[i + 1] != '\n') {
        if (i + 3 < bytes.length && isOctal(bytes[i + 1], '3') && isOctal(bytes[i + 2], '7')
            && isOctal(bytes[i + 3], '7')) {
          out.write(((bytes[i + 1] - '0') << 6) | ((bytes[i + 2] - '0') << 3) | (bytes[i + 3] - '0'));
          i += 3;
        } else {
          out.write(bytes[i + 1]);
          i += 1;
        }
      } else {
        out.write(bytes[i]);
      }
    }
    // Malformed UTF-8 becomes U+FFFD, as Python's decode(errors="replace").
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isOctal(byte b, char max) {
    return b >= '0' && b <= max;
  }
}
