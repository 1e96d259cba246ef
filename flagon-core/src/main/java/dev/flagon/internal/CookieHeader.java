package dev.flagon.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cookies from {@code Cookie} request headers as Werkzeug 3.1's {@code parse_cookie}: pairs end at
 * {@code ;} (a quoted value may hold one), names and values stripped, nameless pairs skipped, quoted values
 * unquoted with their {@code \ooo} and {@code \X} escapes; Flask reads a name's first value.
 *
 * <p>The scan finds the matches of Werkzeug's {@code _cookie_re}
 * {@code ([^=;]*)(?:\s*=\s*("(?:[^\\"]|\\.)*"|.*?))?\s*;\s*} in {@code header + ";"} (index {@code n} is
 * that {@code ;}) without a Java regex, whose backtracking recurses per character and overflows the stack.
 * The lazy {@code .*?} ends where the whitespace before the next {@code ;} starts, unless a newline comes
 * first (no match there); those positions are remembered, so each character is read a bounded number of times.
 */
public final class CookieHeader {
  /** Werkzeug's {@code _cookie_unslash_re}; {@code (?d)}: only a newline ends a line, as in Python. */
  private static final Pattern UNSLASH = Pattern.compile("(?d)\\\\([0-3][0-7]{2}|.)");
  private final String s;
  private final int n;
  /** From the last lazy value's start: the first {@code ;}, the whitespace run before it, the first newline. */
  private int semicolon = -1;
  private int semicolonRunStart;
  private int newline = -1;

  private CookieHeader(CharSequence header) {
    this.s = header.toString(); // a String (the usual header) as it is; String's search is vectorized
    this.n = header.length();
  }

  /** The first value of each cookie whose name passes {@code wanted}, in one pass over the headers (nulls skipped). */
  public static Map<String, String> firstValues(List<? extends CharSequence> headerValues, Predicate<String> wanted) {
    Map<String, String> found = new HashMap<>();
    for (CharSequence header : headerValues) {
      if (header != null) {
        new CookieHeader(header).scan(found, wanted);
      }
    }
    return found;
  }

  /** Puts the pairs of the header whose (stripped, non-empty) name is wanted and not yet found. */
  private void scan(Map<String, String> found, Predicate<String> wanted) {
    int p = 0;
    while (p <= n) {
      int q = p;
      while (at(q) != '=' && at(q) != ';') {
        q++; // stops at n, the ';' appended
      }
      String key = Python.strip(s.substring(p, q));
      String value = "";
      int end;
      if (at(q) == ';') {
        end = skipSpace(q + 1);
      } else {
        int r = skipSpace(q + 1);
        int valueEnd = quotedEnd(r);
        end = valueEnd < 0 ? -1 : semicolonEnd(valueEnd);
        if (end < 0) {
          valueEnd = lazyValueEnd(r);
          end = valueEnd < 0 ? -1 : semicolonEnd(valueEnd);
        }
        if (end < 0) {
          p = q + 1; // no match can start up to q (same '=', same value): resume after it
          continue;
        }
        value = s.substring(r, valueEnd);
      }
      if (!key.isEmpty() && !found.containsKey(key) && wanted.test(key)) {
        found.put(key, decode(value));
      }
      p = end;
    }
  }

  private char at(int i) {
    return i < n ? s.charAt(i) : ';';
  }

  /**
   * The end of {@code "(?:[^\\"]|\\.)*"} at r, or -1: at the first unescaped quote, which a later value's
   * opening quote always is (an {@code =} or a space precedes it), so quoted values tried never overlap.
   */
  private int quotedEnd(int r) {
    if (at(r) != '"') {
      return -1;
    }
    for (int i = r + 1; i <= n; i++) {
      if (at(i) == '"') {
        return i + 1;
      }
      if (at(i) == '\\') {
        if (i + 1 > n || at(i + 1) == '\n') {
          return -1;
        }
        i++;
      }
    }
    return -1;
  }

  /**
   * The end of the shortest {@code .*?} at r that {@code \s*;} can follow, or -1: where the whitespace
   * before the first {@code ;} from r starts, unless a newline comes before it ({@code .} stops there).
   */
  private int lazyValueEnd(int r) {
    if (semicolon < r) {
      semicolon = next(';', r);
      semicolonRunStart = semicolon;
      while (semicolonRunStart > r && isRegexSpace(at(semicolonRunStart - 1))) {
        semicolonRunStart--;
      }
    }
    if (newline < r) {
      newline = next('\n', r);
    }
    int valueEnd = Math.max(r, semicolonRunStart);
    return newline < valueEnd ? -1 : valueEnd;
  }

  /** The first {@code c} at or after i, or n. */
  private int next(char c, int i) {
    int at = s.indexOf(c, i);
    return at < 0 ? n : at;
  }

  /** The end of {@code \s*;\s*} at i, or -1. */
  private int semicolonEnd(int i) {
    int j = skipSpace(i);
    return j <= n && at(j) == ';' ? skipSpace(j + 1) : -1;
  }

  private int skipSpace(int i) {
    while (i <= n && isRegexSpace(at(i))) {
      i++;
    }
    return i;
  }

  /** Python's ASCII {@code \s}: space, tab, newline, return, form feed, vertical tab. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** A raw value as Werkzeug returns it: stripped, then unquoted. */
  private static String decode(String raw) {
    String value = Python.strip(raw);
    if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
      return value;
    }
    // On the UTF-8 bytes, as Werkzeug; each byte is one ISO-8859-1 char here. Malformed UTF-8 becomes U+FFFD.
    String bytes = new String(value.substring(1, value.length() - 1).getBytes(UTF_8), ISO_8859_1);
    String unslashed = UNSLASH.matcher(bytes).replaceAll(m -> Matcher.quoteReplacement(m.group(1).length() == 1
        ? m.group(1) : String.valueOf((char) Integer.parseInt(m.group(1), 8))));
    return new String(unslashed.getBytes(ISO_8859_1), UTF_8);
  }
}
