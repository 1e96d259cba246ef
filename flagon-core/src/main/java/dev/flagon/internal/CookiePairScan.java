package dev.flagon.internal;

import java.util.function.BiPredicate;

/**
 * {@link CookieHeader}'s general scan over one header: Werkzeug's {@code _cookie_re} applied by
 * {@code re.findall} to {@code header + ";"} (index {@code n} is that {@code ;}).
 * Werkzeug's regex backtracks; this finds the same matches without doing so. Where the regex's lazy
 * {@code .*?} retries {@code \s*;} at every character, the answer is known in advance: the value ends
 * where the whitespace before the next {@code ;} begins, unless a newline comes first (then there is no
 * match). The next {@code ;}, the start of its whitespace run and the next newline are remembered, and
 * attempts only move forward, so each character is visited a bounded number of times.
 */
final class CookiePairScan {
  private final CharSequence s;
  private final int n;
  /** The first {@code ;} at or after the last lazy value's start, and where the whitespace before it starts. */
  private int semicolon = -1;
  private int semicolonRunStart;
  /** The first newline at or after the last lazy value's start ({@code n} if none). */
  private int newline = -1;

  CookiePairScan(CharSequence header) {
    this.s = header;
    this.n = header.length();
  }

  private char at(int i) {
    return i < n ? s.charAt(i) : ';';
  }

  /** Gives each (stripped name, raw value) pair of the header to {@code visitor} until it says stop. */
  void run(BiPredicate<String, String> visitor) {
    int p = 0;
    while (p <= n) {
      int q = p;
      while (at(q) != '=' && at(q) != ';') {
        q++; // always stops: index n is ';'
      }
      String key = s.subSequence(p, q).toString();
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
          // No match can start anywhere up to q (same '=', same value); the search resumes after it.
          p = q + 1;
          continue;
        }
        value = s.subSequence(r, valueEnd).toString();
      }
      if (visitor.test(PySpace.strip(key), value)) {
        return;
      }
      p = end;
    }
  }

  /**
   * The end of {@code "(?:[^\\"]|\\.)*"} at r, or -1; backtracking into it never helps, so none is done.
   * It ends at the first unescaped quote, which a later value's opening quote always is (an {@code =} or
   * a space precedes it, not a backslash): the quoted values tried never overlap.
   */
  private int quotedEnd(int r) {
    if (at(r) != '"') {
      return -1;
    }
    int i = r + 1;
    while (i <= n) {
      char c = at(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\') {
        if (i + 1 > n || at(i + 1) == '\n') {
          return -1;
        }
        i += 2;
      } else {
        i++;
      }
    }
    return -1;
  }

  /**
   * The end of the shortest {@code .*?} at r that {@code \s*;} can follow, or -1: the start of the
   * whitespace before the first {@code ;} from r (no shorter value reaches a {@code ;}), provided no
   * newline comes before it ({@code .} stops at a newline, and no longer value reaches a {@code ;} then).
   */
  private int lazyValueEnd(int r) {
    if (semicolon < r) {
      semicolon = indexOrEnd(s, ';', r); // none: n, the ';' appended
      semicolonRunStart = semicolon;
      while (semicolonRunStart > r && isRegexSpace(at(semicolonRunStart - 1))) {
        semicolonRunStart--; // not below r: each stretch is walked once
      }
    }
    if (newline < r) {
      newline = indexOrEnd(s, '\n', r); // none: n, which no value end exceeds
    }
    int valueEnd = Math.max(r, semicolonRunStart);
    return newline < valueEnd ? -1 : valueEnd;
  }

  /** The end of {@code \s*;\s*} at i, or -1. */
  private int semicolonEnd(int i) {
    int j = skipSpace(i);
    return j <= n && at(j) == ';' ? skipSpace(j + 1) : -1;
  }

  /** Skips Python's ASCII {@code \s}. */
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
}
