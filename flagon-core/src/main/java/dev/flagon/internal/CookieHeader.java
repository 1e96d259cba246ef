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
  public static String firstValue(List<String> headerValues, String name) {
    for (String header : headerValues) {
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
   * would recurse once per character of a quoted value and overflow the stack on long headers.
   */
  static String firstValue(String header, String name) {
    if (name.isEmpty()) {
      return null;
    }
    String plain = plainFirstValue(header, name);
    return plain != UNUSUAL ? plain : generalFirstValue(header, name);
  }

  /**
   * {@link #firstValue(String, String)} for a header without {@code "} or newline, as browsers send. There
   * the regex's quoted alternative never applies and its lazy value always reaches the next {@code ;}, so
   * it splits the header at each {@code ;}, each piece at its first {@code =}, and both sides are stripped.
   * So the pairs are found with {@code indexOf}, only the ends of a name or value are looked at, and one
   * substring is made. Returns {@link #UNUSUAL} if a quote or newline occurs before the answer is known;
   * what follows the wanted pair cannot change it.
   */
  static String plainFirstValue(String header, String name) {
    int n = header.length();
    int odd = Math.min(indexOrEnd(header, '"', 0), indexOrEnd(header, '\n', 0));
    int eq = -1;
    for (int p = 0; p < n; ) {
      int end = indexOrEnd(header, ';', p);
      if (odd < end) {
        return UNUSUAL;
      }
      if (eq < p) {
        eq = indexOrEnd(header, '=', p);
      }
      int keyStart = stripStart(header, p, Math.min(eq, end));
      int keyEnd = stripEnd(header, keyStart, Math.min(eq, end));
      if (keyEnd - keyStart == name.length() && header.startsWith(name, keyStart)) {
        if (eq >= end) {
          return ""; // a name without '=' (both are the length only when neither occurs)
        }
        int valueStart = stripStart(header, eq + 1, end);
        return header.substring(valueStart, stripEnd(header, valueStart, end));
      }
      p = end + 1;
    }
    return null;
  }

  private static int indexOrEnd(String s, char c, int from) {
    int i = s.indexOf(c, from);
    return i < 0 ? s.length() : i;
  }

  private static int stripStart(String s, int start, int end) {
    while (start < end && isPythonSpace(s.charAt(start))) {
      start++;
    }
    return start;
  }

  private static int stripEnd(String s, int start, int end) {
    while (end > start && isPythonSpace(s.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** {@link #firstValue(String, String)} for any header, through the general scan. */
  static String generalFirstValue(String header, String name) {
    String[] found = new String[1];
    scan(header, (key, value) -> {
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
  static Map<String, String> firstValues(List<String> headerValues, Predicate<String> wanted) {
    Map<String, String> found = new HashMap<>();
    for (String header : headerValues) {
      if (header != null) {
        scan(header, (key, value) -> {
          if (!key.isEmpty() && !found.containsKey(key) && wanted.test(key)) {
            found.put(key, decode(value));
          }
          return false;
        });
      }
    }
    return found;
  }

  /** Gives each (stripped name, raw value) pair of one header to {@code visitor} until it says stop. */
  private static void scan(String header, BiPredicate<String, String> visitor) {
    String s = header + ";";
    int p = 0;
    while (p < s.length()) {
      int q = p;
      while (s.charAt(q) != '=' && s.charAt(q) != ';') {
        q++; // always stops: s ends with ';'
      }
      String key = s.substring(p, q);
      String value = "";
      int end;
      if (s.charAt(q) == ';') {
        end = skipSpace(s, q + 1);
      } else {
        int r = skipSpace(s, q + 1);
        int valueEnd = quotedEnd(s, r);
        end = valueEnd < 0 ? -1 : semicolonEnd(s, valueEnd);
        if (end < 0) {
          valueEnd = lazyValueEnd(s, r);
          end = valueEnd < 0 ? -1 : semicolonEnd(s, valueEnd);
        }
        if (end < 0) {
          // No match can start anywhere up to q (same '=', same value); the search resumes after it.
          p = q + 1;
          continue;
        }
        value = s.substring(r, valueEnd);
      }
      if (visitor.test(pythonStrip(key), value)) {
        return;
      }
      p = end;
    }
  }

  /** The end of {@code "(?:[^\\"]|\\.)*"} at r, or -1; backtracking into it never helps, so none is done. */
  private static int quotedEnd(String s, int r) {
    if (s.charAt(r) != '"') {
      return -1;
    }
    int i = r + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\') {
        if (i + 1 >= s.length() || s.charAt(i + 1) == '\n') {
          return -1;
        }
        i += 2;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** The end of the shortest {@code .*?} at r that {@code \s*;} can follow, or -1 at a newline. */
  private static int lazyValueEnd(String s, int r) {
    for (int k = r; k < s.length(); k++) {
      if (semicolonEnd(s, k) >= 0) {
        return k;
      }
      if (s.charAt(k) == '\n') {
        return -1;
      }
    }
    return -1;
  }

  /** The end of {@code \s*;\s*} at i, or -1. */
  private static int semicolonEnd(String s, int i) {
    int j = skipSpace(s, i);
    return j < s.length() && s.charAt(j) == ';' ? skipSpace(s, j + 1) : -1;
  }

  /** Skips Python's ASCII {@code \s}: space, tab, newline, return, form feed, vertical tab. */
  private static int skipSpace(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || (s.charAt(i) >= '\t' && s.charAt(i) <= '\r'))) {
      i++;
    }
    return i;
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
