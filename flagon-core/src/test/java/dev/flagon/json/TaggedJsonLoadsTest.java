package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Python's json.loads semantics (spec 5.4). */
class TaggedJsonLoadsTest {
  private static final TaggedJson JSON = TaggedJson.standard();

  @Test
  void loads_integers_useSmallestJavaType() {
    assertThat(JSON.loads("12345")).isEqualTo(12345);
    assertThat(JSON.loads("2147483648")).isEqualTo(2147483648L);
    assertThat(JSON.loads("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(JSON.loads("18446744073709551616")).isEqualTo(BigInteger.TWO.pow(64));
    assertThat(JSON.loads("-0")).isEqualTo(0);
  }

  @Test
  void loads_4300DigitInteger_isRead_and4301Digits_fails() {
    String digits = "9".repeat(4300);

    assertThat(JSON.loads("-" + digits)).isEqualTo(new BigInteger("-" + digits));
    assertThatThrownBy(() -> JSON.loads(digits + "9")).isInstanceOf(TaggedJsonException.class)
        .hasMessageContaining("4300")
        .hasMessageNotContaining("9999");
  }

  @Test
  void loads_floats_followPython() {
    assertThat(JSON.loads("3E1")).isEqualTo(30.0);
    assertThat(JSON.loads("-0.0")).isEqualTo(-0.0);
    assertThat(JSON.loads("2e308")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(JSON.loads("-2e308")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(JSON.loads("1e-400")).isEqualTo(0.0);
    assertThat(JSON.loads("1e99999999999999999999")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(JSON.loads("-0e-0")).isEqualTo(-0.0);
    assertThat(JSON.loads("[NaN,Infinity,-Infinity]"))
        .isEqualTo(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+Infinity", "-INF", "+INF", "INF", "nan", "-NaN", "infinity"})
  void loads_nonFiniteSpellingsPythonRejects_fail(String text) {
    assertThatThrownBy(() -> JSON.loads(text)).isInstanceOf(TaggedJsonException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "{} x", "1 2", "[1]]",
      "\"a\u0001\"", "\"\\x\"", "'a'", "{a:1}", "\uFEFF{}", "\u00a01", "tru", "[1]\u000b", "// c\n1",
      "\"unterminated"})
  void loads_invalidJson_failsWithTaggedJsonException(String text) {
    assertThatThrownBy(() -> JSON.loads(text)).isInstanceOf(TaggedJsonException.class);
  }

  @Test
  void loads_error_neverQuotesInput() {
    assertThatThrownBy(() -> JSON.loads("{\"password\": hunter2}"))
        .isInstanceOf(TaggedJsonException.class)
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("password")
        .hasNoCause();
  }

  @Test
  void loads_whitespace_isAllowedAroundTokens() {
    assertThat(JSON.loads(" \t\r\n{ \"a\" : [ 1 , 2 ] } \n")).isEqualTo(Map.of("a", List.of(1, 2)));
  }

  @Test
  void loads_duplicateKeys_keepFirstPositionAndLastValue() {
    Object loaded = JSON.loads("{\"a\":1,\"b\":2,\"a\":3}");

    assertThat(loaded).isEqualTo(Map.of("a", 3, "b", 2));
    assertThat(new ArrayList<Object>(((Map<?, ?>) loaded).keySet())).containsExactly("a", "b");
  }

  @Test
  void loads_escapedLoneSurrogates_areKept() {
    assertThat(JSON.loads("\"\\ud800x\\udfff\"")).isEqualTo("\ud800x\udfff");
    assertThat(JSON.loads("\"\\ud83d\\ude00\"")).isEqualTo("\uD83D\uDE00");
  }

  @Test
  @SuppressWarnings("unchecked")
  void loads_containers_areMutable() {
    Map<String, Object> map = (Map<String, Object>) JSON.loads("{\"list\":[1],\"map\":{}}");

    map.put("new", 1);
    ((List<Object>) map.get("list")).add(2);

    assertThat(map).isInstanceOf(LinkedHashMap.class);
    assertThat(map.get("list")).isInstanceOf(ArrayList.class).isEqualTo(List.of(1, 2));
  }

  @Test
  void loads_scalarsAtTopLevel_areValues() {
    assertThat(JSON.loads("null")).isNull();
    assertThat(JSON.loads("true")).isEqualTo(true);
    assertThat(JSON.loads("\"s\"")).isEqualTo("s");
  }

  @Test
  void loads_512Levels_isRead_and513Levels_fails() {
    assertThat(JSON.loads("[".repeat(512) + "]".repeat(512))).isInstanceOf(List.class);
    assertThatThrownBy(() -> JSON.loads("[".repeat(513) + "]".repeat(513)))
        .isInstanceOf(TaggedJsonException.class)
        .hasMessageContaining("512");
  }

  @Test
  void loads_veryDeepInput_failsWithoutStackOverflow() {
    assertThatThrownBy(() -> JSON.loads("{\"a\":".repeat(100_000)))
        .isInstanceOf(TaggedJsonException.class);
  }

  @Test
  void loads_stringOverOneMillionChars_fails() {
    String text = "\"" + "a".repeat(TaggedReader.MAX_STRING_LENGTH + 1) + "\"";

    assertThatThrownBy(() -> JSON.loads(text)).isInstanceOf(TaggedJsonException.class);
  }

  /** A list of {@code count} copies of {@code item}. */
  private static String listOf(String item, int count) {
    return "[" + String.join(",", java.util.Collections.nCopies(count, item)) + "]";
  }

  private static final int BASE = TaggedReader.BASE_VALUES;

  @Test
  void loads_valuesUpToTheBaseAndEightPerSourceCharacter_areRead_andOneMoreFails() {
    assertThat(JSON.loads(listOf("0", BASE + 80 - 1), 10)).asList().hasSize(BASE + 79); // the list and its items
    assertThatThrownBy(() -> JSON.loads(listOf("0", BASE + 80), 10)).isInstanceOf(TaggedJsonException.class)
        .hasMessageContaining("more than " + (BASE + 80) + " values (a Flagon limit");
  }

  @Test
  void loads_32768Values_areRead_andOneMoreFails_whateverTheSource() {
    assertThat(JSON.loads(listOf("0", TaggedReader.MAX_VALUES - 1))).asList().hasSize(TaggedReader.MAX_VALUES - 1);
    assertThatThrownBy(() -> JSON.loads(listOf("0", TaggedReader.MAX_VALUES), Integer.MAX_VALUE))
        .isInstanceOf(TaggedJsonException.class).hasMessageContaining("more than 32768 values");
  }

  @Test
  void loads_tupleOfAString_countsEachCharacterAsAValue() {
    String text = "{\" t\":\"" + "x".repeat(BASE - 3) + "\"}"; // the object, the string, the tuple, its items

    assertThat(JSON.loads(text, 0)).asList().hasSize(BASE - 3);
    assertThatThrownBy(() -> JSON.loads(text.replace("\"}", "x\"}"), 0)).isInstanceOf(TaggedJsonException.class);
  }

  @Test
  void loads_datetimesAndUuids_costMoreThanOneValue() {
    String date = "{\" d\":\"Mon, 15 Jan 2024 12:30:45 GMT\"}"; // the object, the string, 21 for the date
    String uuid = "{\" u\":\"12345678123456781234567812345678\"}"; // the object, the string, 11 for the UUID

    assertThat(JSON.loads(listOf(date, (BASE - 1) / 23), 0)).asList().hasSize(356);
    assertThatThrownBy(() -> JSON.loads(listOf(date, 357), 0)).isInstanceOf(TaggedJsonException.class);
    assertThat(JSON.loads(listOf(uuid, (BASE - 1) / 13), 0)).asList().hasSize(630);
    assertThatThrownBy(() -> JSON.loads(listOf(uuid, 631), 0)).isInstanceOf(TaggedJsonException.class);
  }

  @Test
  void loads_tupleOfAString_sharesLatin1Characters() {
    Tuple first = (Tuple) JSON.loads("{\" t\":\"a\u00e9a\u4e2d\ud83d\ude00\"}");
    Tuple second = (Tuple) JSON.loads("{\" t\":\"\u00e9a\"}");

    assertThat(first).containsExactly("a", "\u00e9", "a", "\u4e2d", "\ud83d\ude00");
    assertThat(first.get(0)).isSameAs(first.get(2)).isSameAs(second.get(1));
    assertThat(first.get(1)).isSameAs(second.get(0));
  }

  @Test
  void loads_tupleOfBytes_sharesTheByteValues() {
    Tuple first = (Tuple) JSON.loads("{\" t\":{\" b\":\"/4D/\"}}");
    Tuple second = (Tuple) JSON.loads("{\" t\":{\" b\":\"gA==\"}}");

    assertThat(first).containsExactly(255, 128, 255);
    assertThat(first.get(0)).isSameAs(first.get(2));
    assertThat(first.get(1)).isSameAs(second.get(0));
  }
}
