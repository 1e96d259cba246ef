package dev.flagon.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;

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

  /** A value no tag took: JSON's own types, and Flask's fallbacks for dates and decimals. */
  static void writeUntagged(JsonBuffer out, Object value) {
    if (value == null) {
      out.put("null");
    } else if (value instanceof String text) {
      out.putQuoted(text);
    } else if (value instanceof Boolean flag) {
      out.put(flag ? "true" : "false");
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      out.put(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      FloatRepr.append(out, ((Number) value).doubleValue()); // Python has no float32: widen
    } else if (value instanceof BigInteger big) {
      appendInteger(out, big);
    } else if (value instanceof CharSequence text) {
      out.putQuoted(text);
    } else if (value instanceof LocalDate date) {
      out.put('"'); // Flask's fallback for a date: an untagged HTTP date at midnight UTC
      PyDateTime.appendDate(out, date);
      out.put('"');
    } else if (value instanceof BigDecimal decimal) {
      // str(Decimal): both follow the General Decimal Arithmetic to-scientific-string rules, so
      // toString matches for every BigDecimal (Python's NaN, Infinity and -0 have no BigDecimal form).
      out.putQuoted(decimal.toString());
    } else {
      throw new TaggedJsonException("a value of type " + value.getClass().getName()
          + " cannot be written as tagged JSON");
    }
  }
}
