package dev.flagon.json;

import dev.flagon.internal.Python;
import java.math.BigInteger;
import java.util.UUID;

/**
 * Python's {@code uuid.UUID(text)}: {@code urn:} and {@code uuid:} removed wherever they occur, braces
 * stripped from both ends, hyphens removed, then exactly 32 characters read by {@code int(hex, 16)} (which
 * also tolerates whitespace, a sign, a {@code 0x} prefix and underscores between digits).
 */
final class PyUuid {
  private static final BigInteger TWO_TO_THE_64 = BigInteger.ONE.shiftLeft(64);

  private PyUuid() {}

  static UUID parse(String text) {
    String hex = text.replace("urn:", "").replace("uuid:", "");
    int start = 0;
    int end = hex.length();
    while (start < end && (hex.charAt(start) == '{' || hex.charAt(start) == '}')) {
      start++;
    }
    while (end > start && (hex.charAt(end - 1) == '{' || hex.charAt(end - 1) == '}')) {
      end--;
    }
    // Hyphens removed: what is left must be 32 code points, so a longer text is refused as soon as seen.
    StringBuilder digits = new StringBuilder(32);
    int count = 0;
    for (int i = start; i < end; ) {
      int c = hex.codePointAt(i);
      i += Character.charCount(c);
      if (c != '-') {
        if (++count > 32) {
          throw invalid();
        }
        digits.appendCodePoint(c);
      }
    }
    if (count != 32) {
      throw invalid();
    }
    BigInteger value = parseHex(digits.toString());
    if (value == null || value.signum() < 0 || value.bitLength() > 128) {
      throw invalid();
    }
    return new UUID(value.shiftRight(64).longValue(), value.mod(TWO_TO_THE_64).longValue());
  }

  /** {@code int(text, 16)}, or null where Python raises {@code ValueError}. */
  private static BigInteger parseHex(String text) {
    String body = Python.strip(text);
    if (body.startsWith("+")) {
      body = body.substring(1);
    }
    if (body.startsWith("0x") || body.startsWith("0X")) {
      body = body.substring(2);
      if (body.startsWith("_")) {
        body = body.substring(1); // Python allows one underscore right after the prefix
      }
    }
    if (body.isEmpty() || body.startsWith("_") || body.endsWith("_") || body.contains("__")) {
      return null;
    }
    StringBuilder digits = new StringBuilder(32);
    for (int i = 0; i < body.length(); ) {
      int c = body.codePointAt(i);
      i += Character.charCount(c);
      if (c == '_') {
        continue;
      }
      // ASCII hex digits, or any Unicode decimal digit (Python maps those to 0-9 in every base)
      int digit = c < 0x80 ? Character.digit(c, 16)
          : Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER ? Character.digit(c, 10) : -1;
      if (digit < 0) {
        return null;
      }
      digits.append(Character.forDigit(digit, 16));
    }
    return new BigInteger(digits.toString(), 16);
  }

  private static TaggedJsonException invalid() {
    return new TaggedJsonException("a UUID tag does not hold a valid UUID");
  }
}
