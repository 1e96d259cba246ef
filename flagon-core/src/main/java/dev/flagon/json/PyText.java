package dev.flagon.json;

import dev.flagon.internal.Python;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The few Python {@code str} operations the lenient tag parsers rely on, with Python's (not Java's)
 * definitions of whitespace, digits and {@code int()}.
 */
final class PyText {
  /** Python's {@code int()} refuses longer decimal strings ({@code sys.get_int_max_str_digits()}). */
  private static final int MAX_INT_DIGITS = 4300;

  /** Code points that are {@code isdigit()} in Python without being decimal digits (superscripts, ①…). */
  private static final int[] NON_DECIMAL_DIGIT_RANGES = {
    0xB2, 0xB3, 0xB9, 0xB9, 0x1369, 0x1371, 0x19DA, 0x19DA, 0x2070, 0x2070, 0x2074, 0x2079, 0x2080, 0x2089,
    0x2460, 0x2468, 0x2474, 0x247C, 0x2488, 0x2490, 0x24EA, 0x24EA, 0x24F5, 0x24FD, 0x24FF, 0x24FF,
    0x2776, 0x277E, 0x2780, 0x2788, 0x278A, 0x2792, 0x10A40, 0x10A43, 0x10E60, 0x10E68, 0x11052, 0x1105A,
    0x1F100, 0x1F10A
  };

  private PyText() {}

  /** {@code str.isdigit()} for one code point. */
  static boolean isDigit(int c) {
    if (Character.isDigit(c)) {
      return true;
    }
    for (int i = 0; i < NON_DECIMAL_DIGIT_RANGES.length; i += 2) {
      if (c >= NON_DECIMAL_DIGIT_RANGES[i] && c <= NON_DECIMAL_DIGIT_RANGES[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first {@code limit} parts of {@code str.split()} (runs of whitespace separate, no empty parts): as
   * many parts as there are, up to {@code limit}, so a caller that only looks at the first few and at
   * whether there are more never makes a string per word of a long text.
   */
  static List<String> splitOnWhitespace(String text, int limit) {
    List<String> parts = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length() && parts.size() < limit; ) {
      int c = text.codePointAt(i);
      if (Python.isSpace(c)) {
        if (start >= 0) {
          parts.add(text.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(c);
    }
    if (start >= 0 && parts.size() < limit) {
      parts.add(text.substring(start));
    }
    return parts;
  }

  /**
   * The first {@code limit} parts of {@code str.split(sep)}, where every separator splits and empty parts
   * are kept (unlike {@code String.split}); bounded as {@link #splitOnWhitespace(String, int)}.
   */
  static List<String> splitOn(String text, char separator, int limit) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = text.indexOf(separator); i >= 0 && parts.size() < limit; i = text.indexOf(separator, start)) {
      parts.add(text.substring(start, i));
      start = i + 1;
    }
    if (parts.size() < limit) {
      parts.add(text.substring(start));
    }
    return parts;
  }

  /** {@code str.lower()} (full case mapping, as Python). */
  static String lower(String text) {
    return text.toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code str.upper()} (full case mapping: {@code "ﬆ"} becomes {@code "ST"}, as in Python). */
  static String upper(String text) {
    return text.toUpperCase(java.util.Locale.ROOT);
  }

  /**
   * Python's {@code int(text)} in base 10, or null where Python raises {@code ValueError}: surrounding
   * whitespace, one sign, any Unicode decimal digits, single underscores between digits, at most 4300
   * digits.
   */
  static BigInteger parseInt(String text) {
    text = Python.strip(text);
    int end = text.length();
    int i = 0;
    boolean negative = false;
    if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    StringBuilder digits = new StringBuilder(end - i);
    boolean lastWasDigit = false;
    while (i < end) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '_') {
        if (!lastWasDigit) {
          return null;
        }
        lastWasDigit = false;
        continue;
      }
      int digit = Character.digit(c, 10);
      if (digit < 0 || Character.getType(c) != Character.DECIMAL_DIGIT_NUMBER) {
        return null;
      }
      digits.append((char) ('0' + digit));
      lastWasDigit = true;
    }
    if (!lastWasDigit || digits.length() > MAX_INT_DIGITS) {
      return null;
    }
    BigInteger value = new BigInteger(digits.toString());
    return negative ? value.negate() : value;
  }
}
