package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The fast reader must be invisible: on any text, {@link TaggedReader#read} (fast reader, then jackson-core
 * if it gives up) gives exactly what the jackson-core reader alone gives, the same value with the same Java
 * types and key order, or the same exception with the same message.
 */
class FastJsonReaderTest {
  private static final TaggedReader READER = new TaggedReader(TagRegistry.standard());
  private static final TaggedJson JSON = TaggedJson.standard();

  @Property(tries = 2000)
  void read_dumpedValue_sameAsJackson(@ForAll("values") Object value, @ForAll("spaces") List<Integer> spaces) {
    String text = JSON.dumps(value);
    assertSameAsJackson(text);
    assertSameAsJackson(withSpaces(text, spaces));
  }

  @Property(tries = 3000)
  void read_mutatedText_sameAsJackson(@ForAll("values") Object value, @ForAll("edits") List<Integer> edits) {
    StringBuilder text = new StringBuilder(JSON.dumps(value));
    String alphabet = "{}[]\",:0123456789.eE+-tfnulrsaINiy \t\n\\ubdtm/\u00e9\u0001";
    for (int i = 0; i + 2 < edits.size() && text.length() > 0; i += 3) {
      int at = edits.get(i) % text.length();
      char c = alphabet.charAt(edits.get(i + 1) % alphabet.length());
      switch (edits.get(i + 2) % 3) {
        case 0 -> text.insert(at, c);
        case 1 -> text.deleteCharAt(at);
        default -> text.setCharAt(at, c);
      }
    }
    assertSameAsJackson(text.toString());
  }

  @Property(tries = 3000)
  void read_garbage_sameAsJackson(@ForAll("garbage") String text) {
    assertSameAsJackson(text);
  }

  @Property(tries = 5000)
  void read_decimalNumbers_sameAsJackson(@ForAll("decimals") String number) {
    assertSameAsJackson(number);
    assertSameAsJackson("[" + number + ",-" + number + "]");
  }

  @Property(tries = 1000)
  void read_repeatedKeys_sameAsJackson(@ForAll("keyLists") List<String> keys) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < keys.size(); i++) {
      text.append(i > 0 ? "," : "").append("{\"").append(keys.get(i)).append("\":").append(i).append(",\"")
          .append(keys.get(keys.size() - 1 - i)).append("\":true}");
    }
    assertSameAsJackson(text.append(']').toString());
  }

  @Test
  void read_edgeCases_sameAsJackson() {
    for (String text : List.of("", " ", "0", "-0", "-0.0", "01", "1.", ".5", "1e", "1e+", "1E5", "1e-7", "-",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "999999999999999999", "1000000000000000000",
        "9223372036854775807", "1e400", "-1e400", "4.9e-325", "NaN", "Infinity", "-Infinity", "true", "truex",
        "nul", "[1,]", "{\"a\":1,}", "{,}", "[,1]", "{\"a\" : 1 , \"a\" : 2}", "\"\\u00e9\\ud800\"", "\"\\u00G0\"",
        "\"\\x\"", "\"a\nb\"", "\"\u007f\"", "\ufeff{}", "{} x", "[[[[]]]]", "{\" t\":[1,2]}", "{\" t\":1}",
        "{\" di\":{\" t__\":1}}", "{\" u\":\"nonsense\"}", "{\" b\":\"aGk=\"}", "{\" d\":\"Mon, 15 Jan 2024 12:30:45 GMT\"}",
        "[".repeat(70) + "]".repeat(70), "\"" + "x".repeat(1_000_001) + "\"")) {
      assertSameAsJackson(text);
    }
  }

  @Test
  void read_flaskLikeSession_takesTheFastPath() {
    String text = "{\"_flashes\":[{\" t\":[\"info\",\"Caf\\u00e9 \\ud83d\\ude00\"]}],\"_fresh\":true,\"cart\":[{\"price\":"
        + "19.99,\"qty\":2,\"sku\":\"SKU-1\"}],\"n\":null,\"user_id\":12345,\"x\":-1.5e-7}";

    assertThat(FastJsonReader.read(text, READER)).isNotSameAs(FastJsonReader.GAVE_UP);
    assertThat(FastJsonReader.read("[NaN]", READER)).isSameAs(FastJsonReader.GAVE_UP);
    assertThat(FastJsonReader.read("12345678901234567890", READER)).isSameAs(FastJsonReader.GAVE_UP);
  }

  private static void assertSameAsJackson(String text) {
    Object fast;
    Object slow;
    try {
      slow = READER.readWithJackson(text);
    } catch (TaggedJsonException e) {
      Throwable thrown = null;
      try {
        READER.read(text);
      } catch (TaggedJsonException f) {
        thrown = f;
      }
      assertThat(thrown).as("read(%s)", text).isNotNull();
      assertThat(thrown.getMessage()).as("read(%s)", text).isEqualTo(e.getMessage());
      return;
    }
    fast = READER.read(text);
    assertThat(same(fast, slow)).as("read(%s): %s vs %s", text, fast, slow).isTrue();
  }

  /** Equal values of the same classes, maps in the same key order, doubles bit for bit. */
  static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof Double x) {
      return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits((Double) b);
    }
    if (a instanceof byte[] x) {
      return Arrays.equals(x, (byte[]) b);
    }
    if (a instanceof Map<?, ?> x) {
      Map<?, ?> y = (Map<?, ?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      Iterator<? extends Map.Entry<?, ?>> i = x.entrySet().iterator();
      Iterator<? extends Map.Entry<?, ?>> j = y.entrySet().iterator();
      while (i.hasNext()) {
        Map.Entry<?, ?> p = i.next();
        Map.Entry<?, ?> q = j.next();
        if (!p.getKey().equals(q.getKey()) || !same(p.getValue(), q.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x) {
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (int k = 0; k < x.size(); k++) {
        if (!same(x.get(k), y.get(k))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }

  private static String withSpaces(String text, List<Integer> spaces) {
    StringBuilder out = new StringBuilder();
    boolean inString = false;
    int k = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!inString && "{}[],:".indexOf(c) >= 0 && !spaces.isEmpty()) {
        out.append(" \t\n\r".charAt(spaces.get(k++ % spaces.size()) % 4));
      }
      out.append(c);
      if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
        inString = !inString;
      }
    }
    return out.toString();
  }

  /** Plain decimals around the 15-digit shortcut, with and without exponents. */
  @Provide
  Arbitrary<String> decimals() {
    Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(18);
    return net.jqwik.api.Combinators.combine(digits, digits, Arbitraries.of("", "e5", "E-3", "e+0"))
        .as((a, b, e) -> a.replaceFirst("^0+(?=.)", "") + "." + b + e);
  }

  @Provide
  Arbitrary<List<String>> keyLists() {
    return Arbitraries.strings().withChars("abc\\\"u0").ofMaxLength(4)
        .filter(k -> !k.endsWith("\\") || k.endsWith("\\\\"))
        .list().ofMinSize(1).ofMaxSize(30);
  }

  @Provide
  Arbitrary<List<Integer>> spaces() {
    return Arbitraries.integers().between(0, 100).list().ofMaxSize(5);
  }

  @Provide
  Arbitrary<List<Integer>> edits() {
    return Arbitraries.integers().between(0, 10_000).list().ofMinSize(3).ofMaxSize(9);
  }

  @Provide
  Arbitrary<String> garbage() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("{}[]\",:0123456789.eE+- \t\n\\/tfnulrsaINiybdmu").ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(20));
  }

  @Provide
  Arbitrary<Object> values() {
    return Arbitraries.recursive(this::scalars, this::containers, 0, 4);
  }

  private Arbitrary<Object> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(10).map(s -> (Object) s),
        Arbitraries.longs().map(n -> (Object) n),
        Arbitraries.integers().map(n -> (Object) n),
        Arbitraries.bigIntegers().between(BigInteger.TWO.pow(70).negate(), BigInteger.TWO.pow(70)).map(n -> (Object) n),
        Arbitraries.doubles().withStandardSpecialValues().map(d -> (Object) d),
        Arbitraries.longs().map(bits -> (Object) Double.longBitsToDouble(bits)),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(null),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(b -> (Object) b),
        Arbitraries.longs().map(n -> (Object) new UUID(n, ~n)));
  }

  private Arbitrary<Object> containers(Arbitrary<Object> inner) {
    Arbitrary<String> keys = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(6), Arbitraries.of(" t", " di", " b", " u", " d", " m", "a"));
    return Arbitraries.oneOf(
        inner.list().ofMaxSize(4).map(list -> (Object) new ArrayList<>(list)),
        inner.list().ofMaxSize(4).map(list -> (Object) Tuple.copyOf(list)),
        Arbitraries.maps(keys, inner).ofMaxSize(4).map(map -> (Object) new LinkedHashMap<>(map)));
  }
}
