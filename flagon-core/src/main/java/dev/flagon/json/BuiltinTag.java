package dev.flagon.json;

import dev.flagon.internal.Python;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Flask's {@code TaggedJSONSerializer.default_tags} in writing order, with their {@code to_python}. The two
 * pass-through entries (no key) only recurse into dicts and lists but count as positions for {@link
 * TaggedJson.Builder#register(JsonTag, int)}, as in Flask. A signed cookie may hold anything inside a tag,
 * so each conversion accepts what Python's does (a tuple of a string is its characters) and fails where
 * Python raises.
 */
enum BuiltinTag {
  TAG_DICT(" di"),
  PASS_DICT(null),
  TUPLE(" t"),
  PASS_LIST(null),
  BYTES(" b"),
  MARKUP(" m"),
  UUID(" u"),
  DATETIME(" d");

  /** Shared by tuples made of a string or of bytes, so each item costs a reference (docs/security.md). */
  private static final String[] LATIN1_CHARACTERS =
      IntStream.range(0, 256).mapToObj(Character::toString).toArray(String[]::new);
  private static final Integer[] BYTE_VALUES = IntStream.range(0, 256).boxed().toArray(Integer[]::new);

  /** The tag key, or null for a pass-through entry. */
  final String key;

  BuiltinTag(String key) {
    this.key = key;
  }

  /**
   * What converting this value costs a read's budget beyond the result: one per item of a tuple made of a
   * string or bytes; 20 for a datetime and 10 for a UUID (parsing allocates at most 3.5 and 1.6 KiB).
   */
  int extraCost(Object json) {
    return switch (this) {
      case TUPLE -> json instanceof CharSequence text ? text.length()
          : json instanceof byte[] bytes ? bytes.length : 0;
      case DATETIME -> 20;
      case UUID -> 10;
      default -> 0;
    };
  }

  /** Flask's {@code to_python} of this tag for its already untagged value. */
  Object fromJson(Object json) {
    switch (this) {
      case TAG_DICT -> { // {" di": {"k__": v}} is {"k": v}
        if (json instanceof Map<?, ?> inner && !inner.isEmpty()) {
          Map.Entry<?, ?> first = inner.entrySet().iterator().next();
          String key = (String) first.getKey(); // keys read from JSON are strings
          int codePoints = key.codePointCount(0, key.length());
          Map<String, Object> dict = new LinkedHashMap<>(2);
          dict.put(codePoints <= 2 ? "" : key.substring(0, key.offsetByCodePoints(0, codePoints - 2)),
              first.getValue());
          return dict;
        }
      }
      case TUPLE -> { // Python's tuple(value)
        if (json instanceof Tuple tuple) {
          return tuple;
        } else if (json instanceof List<?> list) {
          return Tuple.copyOf(list);
        } else if (json instanceof Map<?, ?> map) {
          return Tuple.copyOf(new ArrayList<>(map.keySet()));
        } else if (json instanceof CharSequence text) {
          return Tuple.adopting(text.codePoints()
              .mapToObj(c -> c < 256 ? LATIN1_CHARACTERS[c] : Character.toString(c)).toArray());
        } else if (json instanceof byte[] bytes) {
          return Tuple.adopting(
              IntStream.range(0, bytes.length).mapToObj(i -> BYTE_VALUES[bytes[i] & 0xff]).toArray());
        }
      }
      case BYTES -> {
        if (json instanceof CharSequence text) {
          if (!text.chars().allMatch(c -> c < 0x80)) {
            throw new TaggedJsonException("a bytes tag holds non-ASCII text");
          }
          return base64(text);
        } else if (json instanceof byte[] ascii) { // a bytes tag around another
          return base64(new String(ascii, StandardCharsets.ISO_8859_1));
        }
      }
      case MARKUP -> { // Markup(value) is str(value); containers, bytes and datetimes (a repr) are refused
        if (json instanceof Markup markup) {
          return markup;
        } else if (json instanceof CharSequence || json instanceof Integer || json instanceof Long
            || json instanceof BigInteger || json instanceof java.util.UUID) {
          return Markup.of(json.toString());
        } else if (json == null || json instanceof Boolean) {
          return Markup.of(json == null ? "None" : (Boolean) json ? "True" : "False");
        } else if (json instanceof Double number) {
          double value = number;
          return Markup.of(Double.isNaN(value) ? "nan"
              : Double.isInfinite(value) ? (value > 0 ? "inf" : "-inf") : JsonBuffer.repr(value));
        }
      }
      case UUID -> {
        if (json instanceof CharSequence text) {
          return uuid(text.toString());
        }
      }
      case DATETIME -> { // Werkzeug's parse_date: None for a false value, and for bytes (an error it catches)
        if (json instanceof CharSequence text) {
          return HttpDateParser.parse(text.toString());
        } else if (json instanceof byte[] || isFalsy(json)) {
          return null;
        }
      }
      default -> throw new IllegalStateException("no key for " + this);
    }
    throw new TaggedJsonException(
        "the '" + key + "' tag cannot hold a value of type " + DictKeys.typeName(json));
  }

  private static boolean isFalsy(Object value) {
    return value == null || Boolean.FALSE.equals(value)
        || (value instanceof Integer || value instanceof Long) && ((Number) value).longValue() == 0
        || value instanceof BigInteger big && big.signum() == 0
        || value instanceof Double number && number == 0.0
        || value instanceof List<?> list && list.isEmpty()
        || value instanceof Map<?, ?> map && map.isEmpty();
  }

  /**
   * Python's {@code base64.b64decode} (non-strict {@code binascii.a2b_base64}): characters outside the
   * alphabet are skipped, a complete pad sequence ends the data, an incomplete final group is an error.
   */
  static byte[] base64(CharSequence text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4);
    int quad = 0; // data characters of the current group of four
    int bits = 0; // the decoded bits not yet written, the newest in the low end
    int pads = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '=') {
        // A pad after at least two data characters of a group may complete it and end the data.
        if (quad >= 2 && quad + ++pads >= 4) {
          return out.toByteArray();
        }
        continue;
      }
      int value = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26
          : c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : c == '/' ? 63 : -1;
      if (value >= 0) {
        pads = 0;
        bits = bits << 6 | value;
        if (quad > 0) { // characters 2, 3 and 4 of a group each complete a byte
          out.write(bits >> 2 * (3 - quad));
        }
        quad = (quad + 1) & 3;
      }
    }
    if (quad != 0) {
      throw new TaggedJsonException("a bytes tag holds base64 with incorrect padding");
    }
    return out.toByteArray();
  }

  /**
   * Python's {@code uuid.UUID(text)}: {@code urn:} and {@code uuid:} removed wherever they occur, braces
   * stripped from both ends, hyphens removed, then exactly 32 code points read by {@code int(hex, 16)}
   * (which tolerates whitespace, a sign, a {@code 0x} prefix, single underscores and any Unicode digit).
   */
  static java.util.UUID uuid(String text) {
    String hex = text.replace("urn:", "").replace("uuid:", "");
    int start = 0;
    int end = hex.length();
    while (start < end && (hex.charAt(start) == '{' || hex.charAt(start) == '}')) {
      start++;
    }
    while (end > start && (hex.charAt(end - 1) == '{' || hex.charAt(end - 1) == '}')) {
      end--;
    }
    String body = hex.substring(start, end).replace("-", "");
    if (body.codePointCount(0, body.length()) != 32) {
      throw invalidUuid();
    }
    body = Python.strip(body);
    body = body.startsWith("+") ? body.substring(1) : body;
    if (body.startsWith("0x") || body.startsWith("0X")) {
      body = body.substring(body.startsWith("_", 2) ? 3 : 2); // one underscore may follow the prefix
    }
    if (body.isEmpty() || body.startsWith("_") || body.endsWith("_") || body.contains("__")) {
      throw invalidUuid();
    }
    StringBuilder digits = new StringBuilder(32);
    for (int i = 0; i < body.length(); ) {
      int c = body.codePointAt(i);
      i += Character.charCount(c);
      // ASCII hex digits, or any Unicode decimal digit (Python maps those to 0-9 in every base)
      int digit = c == '_' ? 0 : c < 0x80 ? Character.digit(c, 16)
          : Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER ? Character.digit(c, 10) : -1;
      if (digit < 0) {
        throw invalidUuid();
      } else if (c != '_') {
        digits.append(Character.forDigit(digit, 16));
      }
    }
    BigInteger value = new BigInteger(digits.toString(), 16); // at most 32 digits: fits in 128 bits
    return new java.util.UUID(value.shiftRight(64).longValue(), value.longValue());
  }

  private static TaggedJsonException invalidUuid() {
    return new TaggedJsonException("a UUID tag does not hold a valid UUID");
  }
}
