package dev.flagon.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Reads a cookie from {@code Cookie} request headers as Werkzeug 3.1's {@code parse_cookie} does: pairs end
 * at {@code ;} (a double-quoted value may contain one), names and values are trimmed, pairs without a name
 * are skipped, quoted values are unquoted with {@code \ooo} and {@code \X} escapes, and the first occurrence
 * of a name wins (Flask reads the first).
 */
public final class CookieHeader {
  /** Identity marks {@link #plainFirstValue}'s "cannot tell": the general scan must decide. */
  static final String UNUSUAL = new String("unusual");

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
    if (name.isEmpty()) {
      return null;
    }
    String plain = plainFirstValue(header, name);
    return plain != UNUSUAL ? plain : generalFirstValue(header, name);
  }

  /**
   * {@link #firstValue(CharSequence, String)} for a header without {@code "} or newline, as browsers send.
   * There the regex's quoted alternative never applies and its lazy value always reaches the next {@code ;},
   * so it splits the header at each {@code ;}, each piece at its first {@code =}, and both sides are
   * stripped. So the pairs are found by searching for single characters, only the ends of a name or value
   * are looked at, and one substring is made. Returns {@link #UNUSUAL} if a quote or newline occurs before
   * the answer is known; what follows the wanted pair cannot change it.
   */
  static String plainFirstValue(CharSequence header, String name) {
    int n = header.length();
    int odd = firstQuoteOrNewline(header);
    int eq = -1;
    for (int p = 0; p < n; ) {
      int end = indexOrEnd(header, ';', p);
      if (odd < end) {
        return UNUSUAL;
      }
      if (eq < p) {
        eq = indexOrEnd(header, '=', p); // searched again only once passed: each character once
      }
      int keyStart = stripStart(header, p, Math.min(eq, end));
      int keyEnd = stripEnd(header, keyStart, Math.min(eq, end));
      if (keyEnd - keyStart == name.length() && startsWith(header, name, keyStart)) {
        if (eq >= end) {
          return ""; // a name without '=' (both are the length only when neither occurs)
        }
        int valueStart = stripStart(header, eq + 1, end);
        return header.subSequence(valueStart, stripEnd(header, valueStart, end)).toString();
      }
      p = end + 1;
    }
    return null;
  }

  private static int firstQuoteOrNewline(CharSequence s) {
    return Math.min(indexOrEnd(s, '"', 0), indexOrEnd(s, '\n', 0));
  }

  /**
   * The first {@code c} at or after {@code from}, or the length. A {@code String} (every real header) is
   * searched by the JDK's vectorized {@code indexOf}, several times faster on a browser's header; any other
   * sequence (the tests count the characters read) character by character: the same positions either way.
   */
  static int indexOrEnd(CharSequence s, char c, int from) {
    if (s instanceof String text) {
      int i = text.indexOf(c, from);
      return i < 0 ? text.length() : i;
    }
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return s.length();
  }

  private static boolean startsWith(CharSequence s, String prefix, int at) {
    for (int i = 0; i < prefix.length(); i++) {
      if (s.charAt(at + i) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int stripStart(CharSequence s, int start, int end) {
    while (start < end && isPythonSpace(s.charAt(start))) {
      start++;
    }
    return start;
  }

  private static int stripEnd(CharSequence s, int start, int end) {
    while (end > start && isPythonSpace(s.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** {@link #firstValue(CharSequence, String)} for any header, through the general scan. */
  static String generalFirstValue(CharSequence header, String name) {
    String[] found = new String[1];
    new CookiePairScan(header).run((key, value) -> {
      if (key.equals(name)) {
        found[0] = decode(value);
      }
      return found[0] != null;
    });
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
    return unquote(pythonStrip(raw));
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

  /** Python's {@code str.strip()}: removes characters for which {@code isspace()} is true. */
  static String pythonStrip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isPythonSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isPythonSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isPythonSpace(char c) {
    // Bidirectional class WS, B or S, or category Zs: Java's isWhitespace misses the no-break spaces.
    return (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= ' ') || c == '\u0085' || c == '\u00a0'
        || c == '\u1680' || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029'
        || c == '\u202f' || c == '\u205f' || c == '\u3000';
  }
}
