package dev.flagon;

import dev.flagon.json.Markup;
import dev.flagon.json.Tuple;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded random sessions holding every type Flask's tagged JSON carries, in values that survive a round
 * trip exactly (whole-second UTC datetimes, string keys), some small and some large and repetitive so that
 * both plain and compressed cookies occur.
 */
final class SessionGenerator {
  private static final String[] TAG_KEYS = {" t", " b", " m", " u", " d", " di"};
  private static final int MAX_DEPTH = 3;
  private final Random random;

  SessionGenerator(Random random) {
    this.random = random;
  }

  Map<String, Object> session() {
    Map<String, Object> session = new LinkedHashMap<>();
    int size = 1 + random.nextInt(6);
    while (session.size() < size) {
      session.put(text(1 + random.nextInt(12)), value(0));
    }
    if (random.nextInt(3) == 0) {
      session.put("notes", "flagon ".repeat(20 + random.nextInt(100))); // compresses well
    }
    return session;
  }

  private Object value(int depth) {
    int kinds = depth >= MAX_DEPTH ? 12 : 15;
    switch (random.nextInt(kinds)) {
      case 0: return random.nextInt();
      case 1: return random.nextLong();
      case 2: return new BigInteger(64 + random.nextInt(200), random).negate().add(BigInteger.valueOf(random.nextInt()));
      case 3: return float64();
      case 4: return random.nextBoolean();
      case 5: return null;
      case 6: return text(random.nextInt(30));
      case 7: return bytes();
      case 8: return Markup.of("<b>" + text(random.nextInt(10)) + "</b>");
      case 9: return new UUID(random.nextLong(), random.nextLong());
      case 10: return OffsetDateTime.of(1970 + random.nextInt(230), 1 + random.nextInt(12),
          1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), 0, ZoneOffset.UTC);
      case 11: return "x".repeat(random.nextInt(3)) + text(random.nextInt(5));
      case 12: return Tuple.copyOf(values(depth));
      case 13: return values(depth);
      default: return map(depth);
    }
  }

  private List<Object> values(int depth) {
    List<Object> values = new ArrayList<>();
    int size = random.nextInt(4);
    for (int i = 0; i < size; i++) {
      values.add(value(depth + 1));
    }
    return values;
  }

  private Map<String, Object> map(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (random.nextInt(4) == 0) {
      map.put(TAG_KEYS[random.nextInt(TAG_KEYS.length)], value(depth + 1)); // written through " di"
      return map;
    }
    int size = random.nextInt(4);
    while (map.size() < size) {
      map.put(text(random.nextInt(8)), value(depth + 1));
    }
    return map;
  }

  private double float64() {
    switch (random.nextInt(5)) {
      case 0: return Double.longBitsToDouble(random.nextLong());
      case 1: return random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
      case 2: return (random.nextInt(2_000_000) - 1_000_000) / 100.0;
      case 3: return new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
          1e16, 1e-5, 5e-324, Double.MAX_VALUE}[random.nextInt(9)];
      default: return random.nextInt();
    }
  }

  /** ASCII, escapes, control characters, the BMP beyond ASCII and characters beyond the BMP. */
  private String text(int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(6)) {
        case 0: out.append((char) (0x20 + random.nextInt(0x5f))); break;
        case 1: out.append("\"\\/\b\f\n\r\t\u007f\u2028".charAt(random.nextInt(10))); break;
        case 2: out.append((char) random.nextInt(0x20)); break;
        case 3: out.append((char) (0xa0 + random.nextInt(0xd7ff - 0xa0))); break;
        case 4: out.appendCodePoint(0x10000 + random.nextInt(0x10ffff - 0x10000)); break;
        default: out.append((char) ('a' + random.nextInt(26))); break;
      }
    }
    return out.toString();
  }

  private byte[] bytes() {
    byte[] bytes = new byte[random.nextInt(20)];
    random.nextBytes(bytes);
    return bytes;
  }
}
