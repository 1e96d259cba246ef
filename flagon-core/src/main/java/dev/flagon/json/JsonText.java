package dev.flagon.json;

import java.math.BigInteger;

/** Scalars in the exact text Python's {@code json.dumps(..., ensure_ascii=True)} writes. */
final class JsonText {
  /** Python refuses to convert ints longer than this to text ({@code sys.get_int_max_str_digits()}). */
  static final int MAX_INT_DIGITS = 4300;

  /** 2^14285 has 4301 digits, so a longer bit length certainly exceeds the limit: skip the conversion. */
  private static final int SURELY_TOO_MANY_BITS = 14286;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /**
   * A quoted string, ASCII only: printable ASCII as is, short escapes for {@code " \ \b \f \n \r \t},
   * {@code \}{@code u} with lower-case hex for every other UTF-16 unit (so a non-BMP character becomes
   * its surrogate pair and a lone surrogate stays as it is, as in Python).
   */
  static void appendString(StringBuilder out, CharSequence text) {
    out.append('"');
    int length = text.length();
    int plainFrom = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        continue;
      }
      out.append(text, plainFrom, i);
      plainFrom = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append("\\u")
            .append(HEX[c >>> 12])
            .append(HEX[(c >>> 8) & 0xf])
            .append(HEX[(c >>> 4) & 0xf])
            .append(HEX[c & 0xf]);
      }
    }
    out.append(text, plainFrom, length).append('"');
  }

  /** An int of any size, refused past Python's 4300-digit limit. */
  static void appendInteger(StringBuilder out, BigInteger value) {
    out.append(integerText(value));
  }

  static String integerText(BigInteger value) {
    if (value.bitLength() >= SURELY_TOO_MANY_BITS) {
      throw tooManyDigits();
    }
    String text = value.toString();
    int digits = value.signum() < 0 ? text.length() - 1 : text.length();
    if (digits > MAX_INT_DIGITS) {
      throw tooManyDigits();
    }
    return text;
  }

  private static TaggedJsonException tooManyDigits() {
    return new TaggedJsonException(
        "an integer has more than " + MAX_INT_DIGITS + " digits, Python's int/str conversion limit");
  }
}
