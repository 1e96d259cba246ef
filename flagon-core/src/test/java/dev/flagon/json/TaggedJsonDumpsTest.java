package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The JSON text rules of spec 5.3, one trap at a time. */
class TaggedJsonDumpsTest {
  private static final TaggedJson JSON = TaggedJson.standard();

  @Test
  void dumps_keysOutsideBmp_sortByCodePointNotUtf16() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("\uD83D\uDE42", 1); // U+1F642, UTF-16 units D83D DE42
    map.put("\uFB01", 2); // U+FB01 sorts before U+1F642 by code point, after it by String.compareTo

    assertThat(JSON.dumps(map)).isEqualTo("{\"\\ufb01\":2,\"\\ud83d\\ude42\":1}");
  }

  @Test
  void dumps_keysSharingHighSurrogate_sortByLowSurrogate() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a\uD83D\uDE42", 1);
    map.put("a\uD83D\uDE00", 2);
    map.put("a", 3);

    assertThat(JSON.dumps(map))
        .isEqualTo("{\"a\":3,\"a\\ud83d\\ude00\":2,\"a\\ud83d\\ude42\":1}");
  }

  @Test
  void dumps_loneSurrogateKey_sortsAsItsOwnCodePoint() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("\uE000", 1);
    map.put("\uD800", 2); // a lone surrogate is code point U+D800, below U+E000

    assertThat(JSON.dumps(map)).isEqualTo("{\"\\ud800\":2,\"\\ue000\":1}");
  }

  /**
   * A shared lone high surrogate followed by different text: the keys differ at the next code point, not at
   * the surrogate (Python 3.11's json.dumps(sort_keys=True) wrote these expected texts).
   */
  @Test
  void dumps_keysSharingLoneHighSurrogate_sortByTheCodePointAfterIt() {
    Map<String, Object> afterIt = new LinkedHashMap<>();
    afterIt.put("k\uD800\uD800\uDEC6", 2); // U+D800 then U+102C6
    afterIt.put("k\uD800>", 1); // U+D800 then '>'
    Map<String, Object> pairOrLone = new LinkedHashMap<>();
    pairOrLone.put("\uD800\uDC00", 1); // U+10000
    pairOrLone.put("\uD800\uD800\uDC00", 2); // U+D800 then U+10000

    assertThat(JSON.dumps(afterIt)).isEqualTo("{\"k\\ud800>\":1,\"k\\ud800\\ud800\\udec6\":2}");
    assertThat(JSON.dumps(pairOrLone)).isEqualTo("{\"\\ud800\\ud800\\udc00\":2,\"\\ud800\\udc00\":1}");
  }

  @Test
  void dumps_stringEscapes_matchPythonEnsureAscii() {
    String text = "q\" b\\ s/ n\n r\r t\t b\b f\f nul\0 us\u001f del\u007f <&'> \u00e9 \u2028 \uABCD";

    assertThat(JSON.dumps(text)).isEqualTo(
        "\"q\\\" b\\\\ s/ n\\n r\\r t\\t b\\b f\\f nul\\u0000 us\\u001f del\\u007f <&'> \\u00e9 \\u2028 \\uabcd\"");
  }

  @Test
  void dumps_nonBmpCharacter_writesLowerCaseSurrogatePair() {
    assertThat(JSON.dumps("\uD83D\uDE00")).isEqualTo("\"\\ud83d\\ude00\"");
  }

  @Test
  void dumps_loneSurrogates_escapedAsTheyStand() {
    assertThat(JSON.dumps("x\uDC00y\uD800")).isEqualTo("\"x\\udc00y\\ud800\"");
  }

  @Test
  void dumps_integersBeyondLong_writesAllDigits() {
    BigInteger twoTo64 = BigInteger.TWO.pow(64);
    BigInteger twoTo128MinusOne = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);

    assertThat(JSON.dumps(List.of(twoTo64, twoTo128MinusOne, twoTo64.negate(), Long.MIN_VALUE)))
        .isEqualTo("[18446744073709551616,340282366920938463463374607431768211455,"
            + "-18446744073709551616,-9223372036854775808]");
  }

  @Test
  void dumps_integerOf4300Digits_isWritten() {
    BigInteger largest = BigInteger.TEN.pow(4300).subtract(BigInteger.ONE);

    assertThat(JSON.dumps(largest.negate())).hasSize(4301);
  }

  @Test
  void dumps_integerOf4301Digits_failsLikePython() {
    BigInteger tooLong = BigInteger.TEN.pow(4300);

    assertThatThrownBy(() -> JSON.dumps(tooLong))
        .isInstanceOf(TaggedJsonException.class)
        .hasMessageContaining("4300");
  }

  @Test
  void dumps_hugeInteger_failsWithoutConverting() {
    assertThatThrownBy(() -> JSON.dumps(BigInteger.TWO.pow(5_000_000)))
        .isInstanceOf(TaggedJsonException.class);
  }

  @Test
  void dumps_floatsAndNonFinite_matchPythonRepr() {
    List<Object> values = List.of(1e16, 1e-5, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 0.1f, 100.0);

    assertThat(JSON.dumps(values))
        .isEqualTo("[1e+16,1e-05,-0.0,NaN,Infinity,-Infinity,0.10000000149011612,100.0]");
  }

  @Test
  void dumps_scalars_useJsonForms() {
    List<Object> values = new ArrayList<>();
    values.add(null);
    values.add(true);
    values.add(false);
    values.add((short) 7);
    values.add((byte) -3);
    values.add(new StringBuilder("sb"));

    assertThat(JSON.dumps(values)).isEqualTo("[null,true,false,7,-3,\"sb\"]");
  }

  @Test
  void dumps_localDate_writesUntaggedHttpDateAtMidnight() {
    assertThat(JSON.dumps(LocalDate.of(2024, 1, 15))).isEqualTo("\"Mon, 15 Jan 2024 00:00:00 GMT\"");
  }

  @Test
  void dumps_bigDecimal_writesPythonStrAsString() {
    assertThat(JSON.dumps(List.of(new BigDecimal("1.10"), new BigDecimal("1E+3"), new BigDecimal("0.0000001"))))
        .isEqualTo("[\"1.10\",\"1E+3\",\"1E-7\"]");
  }

  @Test
  void dumps_intKeys_sortNumericallyAndWriteAsStrings() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(11, "a");
    map.put(2L, "b");
    map.put(BigInteger.TWO.pow(70), "c");
    map.put(-5, "d");

    assertThat(JSON.dumps(Map.of("m", map)))
        .isEqualTo("{\"m\":{\"-5\":\"d\",\"2\":\"b\",\"11\":\"a\",\"1180591620717411303424\":\"c\"}}");
  }

  @Test
  void dumps_otherScalarKeys_writeAsPythonDoes() {
    Map<Object, Object> floats = new TreeMap<>();
    floats.put(1.5, "x");
    floats.put(1e16, "y");

    assertThat(JSON.dumps(floats)).isEqualTo("{\"1.5\":\"x\",\"1e+16\":\"y\"}");
    assertThat(JSON.dumps(singleKey(null))).isEqualTo("{\"null\":1}");
    assertThat(JSON.dumps(singleKey(true))).isEqualTo("{\"true\":1}");
  }

  @Test
  void dumps_mixedIntAndStringKeys_failsLikePythonTypeError() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put(2, 2);

    assertThatThrownBy(() -> JSON.dumps(map))
        .isInstanceOf(TaggedJsonException.class)
        .hasMessageContaining("java.lang.String")
        .hasMessageContaining("java.lang.Integer");
  }

  @Test
  void dumps_keysEqualAsPythonValues_fails() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(1, "int");
    map.put(1L, "long");

    assertThatThrownBy(() -> JSON.dumps(map)).isInstanceOf(TaggedJsonException.class);
  }

  @Test
  void dumps_unsupportedKeyType_namesTheType() {
    assertThatThrownBy(() -> JSON.dumps(singleKey(List.of(1))))
        .isInstanceOf(TaggedJsonException.class)
        .hasMessageContaining("ImmutableCollections");
  }

  @Test
  void dumps_unsupportedTypes_failNamingTheTypeNotTheValue() {
    assertThatThrownBy(() -> JSON.dumps(Map.of("s", new HashSet<>(List.of("secret-value")))))
        .isInstanceOf(TaggedJsonException.class)
        .hasMessageContaining("java.util.HashSet")
        .hasMessageNotContaining("secret-value");
    assertThatThrownBy(() -> JSON.dumps(Optional.of("secret-value")))
        .isInstanceOf(TaggedJsonException.class)
        .hasMessageContaining("java.util.Optional")
        .hasMessageNotContaining("secret-value");
    assertThatThrownBy(() -> JSON.dumps(new Object[] {1}))
        .isInstanceOf(TaggedJsonException.class)
        .hasMessageContaining("[Ljava.lang.Object;");
    assertThatThrownBy(() -> JSON.dumps('c')).hasMessageContaining("java.lang.Character");
  }

  @Test
  void dumps_anyListImplementation_isAList() {
    assertThat(JSON.dumps(new LinkedList<>(List.of(1, 2)))).isEqualTo("[1,2]");
  }

  @Test
  void dumps_512Levels_isWrittenAndReadBack() {
    Object nested = nestedLists(512);

    String json = JSON.dumps(nested);

    assertThat(JSON.loads(json)).isEqualTo(nested);
  }

  @Test
  void dumps_513Levels_fails() {
    assertThatThrownBy(() -> JSON.dumps(nestedLists(513)))
        .isInstanceOf(TaggedJsonException.class)
        .hasMessageContaining("512");
  }

  @Test
  void dumps_mapContainingItself_failsInsteadOfOverflowingTheStack() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("self", map);

    assertThatThrownBy(() -> JSON.dumps(map)).isInstanceOf(TaggedJsonException.class);
  }

  private static Map<Object, Object> singleKey(Object key) {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(key, 1);
    return map;
  }

  private static Object nestedLists(int levels) {
    Object value = new ArrayList<>();
    for (int i = 1; i < levels; i++) {
      List<Object> outer = new ArrayList<>();
      outer.add(value);
      value = outer;
    }
    return value;
  }
}
