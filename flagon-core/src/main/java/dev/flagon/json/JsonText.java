package dev.flagon.json;

import java.math.BigInteger;

/** Scalars in the exact text Python's {@code json.dumps(..., ensure_ascii=True)} writes. */
final class JsonText {
  /** Python refuses to convert ints longer than this to text ({@code sys.get_int_max_str_digits()}). */
  static final int MAX_INT_DIGITS = 4300;

  /** 2^14285 has 4301 digits, so a longer bit length certainly exceeds the limit: skip the conversion. */
  private static final int SURELY_TOO_MANY_BITS = 14286;

  private JsonText() {}

  /** An int of any size, refused past Python's 4300-digit limit. */
  static void appendInteger(JsonBuffer out, BigInteger value) {
    out.put(integerText(value));
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
