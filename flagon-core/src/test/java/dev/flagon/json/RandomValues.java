package dev.flagon.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/** Seeded generators of awkward inputs for the Python differential test. */
final class RandomValues {
  private static final Set<String> TAG_KEYS = Set.of(" di", " t", " b", " m", " u", " d");

  private final Random random;

  RandomValues(Random random) {
    this.random = random;
  }

  <T> List<T> many(int count, Supplier<T> generator) {
    List<T> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(generator.get());
    }
    return values;
  }

  /** Bit patterns, short decimals at every scale, layout boundaries, subnormals, integral values. */
  double float64() {
    switch (random.nextInt(6)) {
      case 0:
        return Double.longBitsToDouble(random.nextLong());
      case 1: {
        String digits = Long.toString(1 + (long) (random.nextDouble() * Math.pow(10, 1 + random.nextInt(17))));
        return Double.parseDouble(digits + "e" + (random.nextInt(640) - 330));
      }
      case 2: {
        double power = Math.pow(10, random.nextInt(26) - 8);
        return power * (random.nextBoolean() ? 1 : 1 + random.nextInt(1000) / 1000.0);
      }
      case 3:
        return Double.longBitsToDouble(random.nextLong() & 0x000fffffffffffffL) * (random.nextBoolean() ? 1 : -1);
      case 4:
        return (double) (random.nextLong() >> random.nextInt(64));
      default:
        return random.nextInt(1_000_000) / Math.pow(2, random.nextInt(40));
    }
  }

  /** Any UTF-16 content: ASCII and its specials, controls, BMP, lone surrogates, non-BMP. */
  String string() {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(13);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(20);
      if (kind < 6) {
        out.append((char) (0x20 + random.nextInt(0x5f)));
      } else if (kind < 8) {
        out.append("\"\\/<>&' ".charAt(random.nextInt(8)));
      } else if (kind < 10) {
        out.append(random.nextBoolean() ? (char) random.nextInt(0x20) : '\u007f');
      } else if (kind < 13) {
        char c = (char) (0x80 + random.nextInt(0xff80));
        out.append(Character.isSurrogate(c) ? 'x' : c);
      } else if (kind < 15) {
        out.append((char) (0xd800 + random.nextInt(0x800)));
      } else if (kind < 18) {
        out.appendCodePoint(0x10000 + random.nextInt(0x100000));
      } else {
        out.append(List.of("\u2028", "\u2029", "\ufeff", "\ufb01", "\ud83d\ude42", "\u00e9").get(random.nextInt(6)));
      }
    }
    return out.toString();
  }

  Map<String, Object> stringKeyedMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = 1 + random.nextInt(8);
    while (map.size() < size) {
      String key = random.nextInt(3) == 0 ? string() : commonPrefixKey();
      if (!TAG_KEYS.contains(key)) {
        map.put(key, random.nextInt(100));
      }
    }
    return map;
  }

  /** Keys sharing a prefix, so that sorting has to look past it (often into surrogate pairs). */
  private String commonPrefixKey() {
    return "k" + List.of("", "\ufb01", "\ud83d\ude42", "\ud83d\ude00", "\ue000", "\ud800", "a", "\uffff")
        .get(random.nextInt(8)) + (random.nextBoolean() ? "" : string());
  }

  Map<Object, Object> intKeyedMap() {
    Map<Object, Object> map = new LinkedHashMap<>();
    Set<BigInteger> seen = new HashSet<>();
    int size = 1 + random.nextInt(6);
    while (map.size() < size) {
      BigInteger key = random.nextBoolean() ? BigInteger.valueOf(random.nextInt(2000) - 1000) : bigInteger();
      if (seen.add(key)) {
        map.put(key.bitLength() < 32 ? (Object) key.intValue() : key, string());
      }
    }
    return map;
  }

  BigInteger bigInteger() {
    BigInteger value = new BigInteger(1 + random.nextInt(1000), random);
    return random.nextBoolean() ? value.negate() : value;
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  /** Mostly the first options, sometimes any: keeps a fair share of the generated texts parseable. */
  private String usually(String[] likely, String[] odd) {
    return random.nextInt(4) > 0 ? likely[random.nextInt(likely.length)] : odd[random.nextInt(odd.length)];
  }

  /** Date-like texts built from plausible and implausible tokens in several layouts. */
  String dateText() {
    String weekday = usually(new String[] {"", "Mon,", "mon", "Tue, "},
        new String[] {"Monday,", "Sun", "Xyz,", "Mon,15", "FRI,"});
    String day = usually(new String[] {Integer.toString(1 + random.nextInt(31)), "15", "01"},
        new String[] {"0", "32", "-5", "\u0663", "1_5", "+7", "29", "31,"});
    String month = usually(new String[] {"Jan", "jan", "FEB", "February", "Dec", "May", "june"},
        new String[] {"13", "Foo", "Sep,"});
    String year = usually(new String[] {"2024", "24", "69", "68", "0042", "99", "1970", "2000"},
        new String[] {"0", "100", "9999", "10000", "-5", "\u0662\u0660\u0662\u0664", "2024,", "1_999",
            "99999999999"});
    String time = usually(new String[] {"12:30:45", "12:30", "23:59:59", "00:00:00", "9:05"},
        new String[] {"12.30.45", "12.30", "24:00", "12:60", "1:2:3:4", "12", "12:30:45,", "12:30:45+0100",
            "12:30:45-0500", "12:30:60"});
    String zone = usually(new String[] {"", "GMT", "UT", "UTC", "Z", "z", "est", "EDT", "PST", "+0000",
        "-0000", "+0530", "-0800"},
        new String[] {"+2400", "+2359", "+1900", "-1900", "+0099", "X", "+05:30", "+99999999999999", "GMT+1",
            "E\u017ft"});
    List<String> tokens;
    switch (random.nextInt(8)) {
      case 0, 1, 2, 3 -> tokens = List.of(weekday, day, month, year, time, zone);
      case 4 -> tokens = List.of(weekday, month, day, time, year);
      case 5, 6 -> tokens = List.of(weekday, day + "-" + month + "-" + year, time, zone);
      default -> {
        List<String> shuffled = new ArrayList<>(List.of(weekday, day, month, year, time, zone));
        java.util.Collections.shuffle(shuffled, random);
        tokens = shuffled;
      }
    }
    StringBuilder out = new StringBuilder();
    for (String token : tokens) {
      out.append(token).append(usually(new String[] {" "}, new String[] {"  ", "\t", "\u00a0", ",", "\u2003"}));
    }
    if (random.nextInt(8) == 0) {
      out.insert(random.nextInt(out.length() + 1), pick("x", ",", "-", "+", ":", " "));
    }
    if (random.nextInt(6) == 0) { // more words, or more '-' and ':' parts, than the parser looks at
      out.append(pick("x", "x y", "x y z", "GMT x", "-5 x", "12:30:45:00", "1-2-3-4", "a b c d e f g"));
    }
    return out.toString();
  }

  String base64Text() {
    String alphabet = "AQgwYWJjZz+/==== *-_\u00e9\n";
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(15);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** A UUID's hex with some of the decorations Python tolerates, and some it does not. */
  String uuidText() {
    StringBuilder hex = new StringBuilder(new BigInteger(128, random).toString(16));
    while (hex.length() < 32) {
      hex.insert(0, '0');
    }
    int mutations = random.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      int at = random.nextInt(hex.length() + 1);
      switch (random.nextInt(12)) {
        case 0 -> hex.replace(0, hex.length(), hex.toString().toUpperCase(java.util.Locale.ROOT));
        case 1 -> hex.insert(at, '-');
        case 2 -> hex.insert(0, '{').append('}');
        case 3 -> hex.insert(0, pick("urn:uuid:", "uuid:", "urn:", "{{", "URN:uuid:"));
        case 4 -> hex.replace(0, 1, pick(" ", "+", "\u00a0", "\t", "\u0663"));
        case 5 -> hex.replace(0, 2, pick("0x", "0X", "_1", "0_"));
        case 6 -> hex.insert(at, '_').deleteCharAt(hex.length() - 1);
        case 7 -> hex.insert(at, pick("g", "0", "urn:", "}", "-"));
        case 8 -> hex.setLength(Math.max(0, hex.length() - 1));
        case 9 -> hex.append(pick(" ", "}", "_", "\u2003"));
        case 10 -> hex.replace(1, 3, "x_");
        default -> hex.insert(Math.min(at, hex.length()), "--");
      }
    }
    return hex.toString();
  }
}
