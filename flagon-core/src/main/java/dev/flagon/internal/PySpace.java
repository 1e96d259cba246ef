package dev.flagon.internal;

/**
 * Python's whitespace, the one rule for it: {@code str.isspace()} and {@code str.strip()} (Java's
 * {@code isWhitespace} and {@code strip} miss the no-break spaces and count others). Every such character
 * is in the BMP, so one {@code char} at a time gives Python's answer.
 */
public final class PySpace {
  private PySpace() {}

  /** {@code str.isspace()} for one code point: bidirectional class WS, B or S, or category Zs. */
  public static boolean isSpace(int c) {
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
        || c == 0x3000;
  }

  /** {@code str.strip()}. */
  public static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }
}
