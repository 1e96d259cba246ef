package dev.flagon.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lean reader for the JSON Flask writes, tried before jackson-core: objects, arrays, strings with the
 * standard escapes, integers of up to 18 digits, plain decimal floats, {@code true}, {@code false},
 * {@code null}, the four JSON whitespace characters, up to 64 levels deep. It reads straight from the
 * string into the same values {@link TaggedReader} builds, untagging each object as it closes.
 *
 * <p>It only accepts what is valid JSON with one meaning, so wherever it succeeds it gives exactly what
 * the jackson-core path gives. Anything else (bigger integers, {@code NaN} and {@code Infinity}, deeper
 * nesting, over-long strings, and every kind of malformed text) makes it give up, and the jackson-core
 * path reads the whole text again, with its own values, limits and error messages. A tag that rejects its
 * value fails here exactly as it would there, since both reach it after the same valid text.
 */
final class FastJsonReader {
  private static final int MAX_DEPTH = 64;
  private static final int MAX_INT_DIGITS = 18; // always fits a long
  private static final int MAX_FLOAT_LENGTH = 64;
  private static final double[] EXACT_POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  /** Thrown to give up; preallocated and without a stack trace, as it carries nothing. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  private final String text;
  private final int length;
  private final TaggedReader untagger;
  private int pos;
  /**
   * Keys already read, by hash: a large session repeats its keys (a cart's lines), so each is made once.
   * Set up only after {@value #KEYS_BEFORE_CACHE} keys, so a small session pays nothing for it.
   */
  private String[] keys;
  private int keysRead;

  private static final int KEY_CACHE_SIZE = 64;
  private static final int KEYS_BEFORE_CACHE = 16;

  private FastJsonReader(String text, TaggedReader untagger) {
    this.text = text;
    this.length = text.length();
    this.untagger = untagger;
  }

  /** What {@link #read} returns when it gives up. */
  static final Object GAVE_UP = new Object();

  /** The value of {@code text}, or {@link #GAVE_UP}. */
  static Object read(String text, TaggedReader untagger) {
    FastJsonReader reader = new FastJsonReader(text, untagger);
    try {
      reader.skipSpace();
      Object value = reader.value(0);
      reader.skipSpace();
      if (reader.pos != reader.length) {
        throw GIVE_UP;
      }
      return value;
    } catch (GiveUp e) {
      return GAVE_UP;
    }
  }

  private char peek() {
    if (pos >= length) {
      throw GIVE_UP;
    }
    return text.charAt(pos);
  }

  private void skipSpace() {
    while (pos < length) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  private Object value(int depth) {
    char c = peek();
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        pos++;
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw GIVE_UP;
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw GIVE_UP;
    }
    pos += word.length();
    return value;
  }

  private Object object(int depth) {
    if (depth >= MAX_DEPTH) {
      throw GIVE_UP;
    }
    pos++; // {
    Map<String, Object> map = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return untagger.untag(map);
    }
    while (true) {
      if (peek() != '"') {
        throw GIVE_UP;
      }
      pos++;
      String key = key();
      skipSpace();
      if (peek() != ':') {
        throw GIVE_UP;
      }
      pos++;
      skipSpace();
      map.put(key, value(depth + 1)); // put keeps the first position and the last value, as Python
      skipSpace();
      char c = peek();
      pos++;
      if (c == '}') {
        return untagger.untag(map);
      }
      if (c != ',') {
        throw GIVE_UP;
      }
      skipSpace();
    }
  }

  private List<Object> array(int depth) {
    if (depth >= MAX_DEPTH) {
      throw GIVE_UP;
    }
    pos++; // [
    List<Object> list = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      list.add(value(depth + 1));
      skipSpace();
      char c = peek();
      pos++;
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        throw GIVE_UP;
      }
      skipSpace();
    }
  }

  /** A key whose opening quote was just read: a plain key seen before comes back as the same string. */
  private String key() {
    int start = pos;
    int hash = 0;
    while (true) {
      char c = peek();
      if (c == '"') {
        break;
      }
      if (c == '\\' || c < 0x20) {
        pos = start;
        return string(); // escapes and errors: the general way
      }
      hash = 31 * hash + c;
      pos++;
    }
    int n = pos - start;
    pos++; // the closing quote
    if (keys == null) {
      if (++keysRead < KEYS_BEFORE_CACHE) {
        return checkLength(text.substring(start, start + n));
      }
      keys = new String[KEY_CACHE_SIZE];
    }
    int slot = (hash ^ (hash >>> 16)) & (KEY_CACHE_SIZE - 1);
    String cached = keys[slot];
    if (cached != null && cached.length() == n && text.regionMatches(start, cached, 0, n)) {
      return cached;
    }
    String key = checkLength(text.substring(start, start + n));
    keys[slot] = key;
    return key;
  }

  /** The string whose opening quote was just read. */
  private String string() {
    int start = pos;
    while (true) {
      char c = peek();
      if (c == '"') {
        pos++;
        return checkLength(text.substring(start, pos - 1));
      }
      if (c == '\\') {
        return escapedString(start);
      }
      if (c < 0x20) {
        throw GIVE_UP; // raw control characters are errors
      }
      pos++;
    }
  }

  private String escapedString(int start) {
    StringBuilder out = new StringBuilder(pos - start + 16).append(text, start, pos);
    while (true) {
      char c = peek();
      pos++;
      if (c == '"') {
        return checkLength(out.toString());
      }
      if (c < 0x20) {
        throw GIVE_UP;
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = peek();
      pos++;
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          int unit = 0;
          for (int i = 0; i < 4; i++) {
            int digit = hexDigit(peek());
            if (digit < 0) {
              throw GIVE_UP;
            }
            unit = unit << 4 | digit;
            pos++;
          }
          out.append((char) unit); // a lone surrogate stays as it is, as in Python
        }
        default -> throw GIVE_UP;
      }
    }
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static String checkLength(String s) {
    if (s.length() > TaggedReader.MAX_STRING_LENGTH) {
      throw GIVE_UP; // jackson-core reports the limit
    }
    return s;
  }

  private Object number() {
    int start = pos;
    if (text.charAt(pos) == '-') {
      pos++;
    }
    int digitsStart = pos;
    char first = peek();
    if (first == '0') {
      pos++;
    } else if (first >= '1' && first <= '9') {
      skipDigits();
    } else {
      throw GIVE_UP;
    }
    int intDigits = pos - digitsStart;
    boolean integral = true;
    boolean exponent = false;
    int fractionDigits = 0;
    if (pos < length && text.charAt(pos) == '.') {
      pos++;
      int fractionStart = pos;
      requireDigits();
      fractionDigits = pos - fractionStart;
      integral = false;
    }
    if (pos < length && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < length && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      requireDigits();
      integral = false;
      exponent = true;
    }
    if (integral) {
      if (intDigits > MAX_INT_DIGITS) {
        throw GIVE_UP;
      }
      long value = 0;
      for (int i = digitsStart; i < pos; i++) {
        value = value * 10 + (text.charAt(i) - '0');
      }
      if (digitsStart != start) {
        value = -value;
      }
      // jackson-core's number type: INT when the value fits an int, LONG otherwise (up to 18 digits)
      return value == (int) value ? (Object) (int) value : (Object) value;
    }
    if (pos - start > MAX_FLOAT_LENGTH) {
      throw GIVE_UP;
    }
    if (!exponent && intDigits + fractionDigits <= 15) {
      // A plain decimal of at most 15 digits: N and 10^k are exact doubles, and one correctly rounded
      // division gives the double nearest to N / 10^k, which is what Double.parseDouble returns.
      long n = 0;
      for (int i = digitsStart; i < pos; i++) {
        char c = text.charAt(i);
        if (c != '.') {
          n = n * 10 + (c - '0');
        }
      }
      double value = n / EXACT_POWERS_OF_TEN[fractionDigits];
      return digitsStart != start ? -value : value;
    }
    // jackson-core reads floats with Double.parseDouble too (correctly rounded, as Python's float());
    // an overflow gives an infinity, which Python's json also returns for such numeric text.
    return Double.parseDouble(text.substring(start, pos));
  }

  private void skipDigits() {
    while (pos < length && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
  }

  private void requireDigits() {
    int from = pos;
    skipDigits();
    if (pos == from) {
      throw GIVE_UP;
    }
  }
}
