package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flask's tags (spec 5.1, 5.5) and custom tags. */
class TaggedJsonTagsTest {
  private static final TaggedJson JSON = TaggedJson.standard();

  @Test
  void dumps_builtinTags_writeFlaskForms() {
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("t", Tuple.of(1, "a", Tuple.of()));
    session.put("b", new byte[] {0, (byte) 0xff});
    session.put("m", Markup.of("<b>x</b>"));
    session.put("u", UUID.fromString("12345678-1234-5678-1234-567812345678"));
    session.put("d", OffsetDateTime.parse("2021-07-04T09:15:30.75-04:00"));

    assertThat(JSON.dumps(session)).isEqualTo("{\"b\":{\" b\":\"AP8=\"},\"d\":{\" d\":\"Sun, 04 Jul 2021 13:15:30 GMT\"},"
        + "\"m\":{\" m\":\"<b>x</b>\"},\"t\":{\" t\":[1,\"a\",{\" t\":[]}]},"
        + "\"u\":{\" u\":\"12345678123456781234567812345678\"}}");
  }

  @Test
  void dumps_everyDateTimeType_writesUtcHttpDate() {
    String expected = "{\" d\":\"Mon, 15 Jan 2024 12:30:45 GMT\"}";
    assertThat(JSON.dumps(Instant.parse("2024-01-15T12:30:45.999Z"))).isEqualTo(expected);
    assertThat(JSON.dumps(LocalDateTime.parse("2024-01-15T12:30:45"))).isEqualTo(expected);
    assertThat(JSON.dumps(ZonedDateTime.of(2024, 1, 15, 13, 30, 45, 0, ZoneId.of("Europe/Paris"))))
        .isEqualTo(expected);
    assertThat(JSON.dumps(OffsetDateTime.of(2024, 1, 15, 7, 30, 45, 0, ZoneOffset.ofHours(-5))))
        .isEqualTo(expected);
  }

  @Test
  void dumps_smallYear_padsToFourDigits() {
    assertThat(JSON.dumps(LocalDateTime.of(42, 3, 1, 0, 0))).isEqualTo("{\" d\":\"Sat, 01 Mar 0042 00:00:00 GMT\"}");
  }

  @Test
  void dumps_datetimeBeyondYear9999InUtc_fails() {
    OffsetDateTime lastHour = OffsetDateTime.of(9999, 12, 31, 23, 0, 0, 0, ZoneOffset.ofHours(-5));

    assertThatThrownBy(() -> JSON.dumps(lastHour)).isInstanceOf(TaggedJsonException.class);
  }

  @Test
  void dumps_dictWithOnlyATagKey_wrapsInTagDict() {
    assertThat(JSON.dumps(Map.of(" t", "x"))).isEqualTo("{\" di\":{\" t__\":\"x\"}}");
    assertThat(JSON.dumps(Map.of("x", Map.of(" di", Tuple.of(1)))))
        .isEqualTo("{\"x\":{\" di\":{\" di__\":{\" t\":[1]}}}}");
  }

  @Test
  void dumps_dictWithTagLikeKeysThatAreNotExactlyOne_isPlain() {
    assertThat(JSON.dumps(Map.of(" t__", 1))).isEqualTo("{\" t__\":1}");
    assertThat(JSON.dumps(Map.of(" T", 1))).isEqualTo("{\" T\":1}");
    assertThat(JSON.dumps(Map.of(" t", 1, "other", 2))).isEqualTo("{\" t\":1,\"other\":2}");
  }

  @Test
  void loads_tagDict_dropsLastTwoCodePointsOfFirstInnerKey() {
    assertThat(JSON.loads("{\" di\":{\" t__\":\"x\"}}")).isEqualTo(Map.of(" t", "x"));
    assertThat(JSON.loads("{\" di\":{\"xy!\":1}}")).isEqualTo(Map.of("x", 1));
    assertThat(JSON.loads("{\" di\":{\"a\":1}}")).isEqualTo(Map.of("", 1));
    assertThat(JSON.loads("{\" di\":{\"x\\ud83d\\ude00!\":1}}")).isEqualTo(Map.of("x", 1));
    assertThat(JSON.loads("{\" di\":{\"ab__\":1,\"cd__\":2}}")).isEqualTo(Map.of("ab", 1));
  }

  @Test
  void loads_tagDictWithoutInnerDict_fails() {
    assertThatThrownBy(() -> JSON.loads("{\" di\":\"ab\"}")).isInstanceOf(TaggedJsonException.class);
    assertThatThrownBy(() -> JSON.loads("{\" di\":{}}")).isInstanceOf(TaggedJsonException.class);
  }

  @Test
  void loads_tupleOfString_givesItsCodePoints() {
    assertThat(JSON.loads("{\" t\":\"a\\ud83d\\ude00\"}")).isEqualTo(Tuple.of("a", "\uD83D\uDE00"));
  }

  @Test
  void loads_tupleOfDictOrBytes_followsPythonIteration() {
    assertThat(JSON.loads("{\" t\":{\"a\":1,\"b\":2}}")).isEqualTo(Tuple.of("a", "b"));
    assertThat(JSON.loads("{\" t\":{\" b\":\"AP8=\"}}")).isEqualTo(Tuple.of(0, 255));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "null", "true", "1.5", "{\" u\":\"12345678123456781234567812345678\"}"})
  void loads_tupleOfNonIterable_fails(String inner) {
    assertThatThrownBy(() -> JSON.loads("{\" t\":" + inner + "}")).isInstanceOf(TaggedJsonException.class);
  }

  @Test
  void loads_tuple_isImmutableAndDistinctFromList() {
    Object loaded = JSON.loads("{\" t\":[1,2]}");

    assertThat(loaded).isInstanceOf(Tuple.class).isNotEqualTo(List.of(1, 2));
    assertThatThrownBy(() -> ((Tuple) loaded).add(3)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void loads_bytes_decodesLikePythonNonStrictBase64() {
    assertThat((byte[]) JSON.loads("{\" b\":\"AP8=\"}")).containsExactly(0, 0xff);
    assertThat((byte[]) JSON.loads("{\" b\":\"YQ===\"}")).containsExactly('a');
    assertThat((byte[]) JSON.loads("{\" b\":\"Y Q=*=\"}")).containsExactly('a');
    assertThat((byte[]) JSON.loads("{\" b\":\"YW=Jj\"}")).containsExactly('a', 'b', 'c');
    assertThat((byte[]) JSON.loads("{\" b\":\"YQ==YQ==\"}")).containsExactly('a');
    assertThat((byte[]) JSON.loads("{\" b\":\"\"}")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"YQ\"", "\"YQ=\"", "\"Y\"", "\"Y===\"", "\"\\u00e9AAA\"", "1", "null", "[]"})
  void loads_bytesWithBadPaddingOrType_fails(String inner) {
    assertThatThrownBy(() -> JSON.loads("{\" b\":" + inner + "}")).isInstanceOf(TaggedJsonException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "12345678123456781234567812345678",
    "12345678-1234-5678-1234-567812345678",
    "{12345678-1234-5678-1234-567812345678}",
    "urn:uuid:12345678-1234-5678-1234-567812345678",
    "12345678-1234-5678-1234-56781234567-8",
    "ABCDEF78123456781234567812345678",
    " 2345678123456781234567812345678",
    "0x345678123456781234567812345678",
    "+2345678123456781234567812345678",
  })
  void loads_uuidForms_acceptedAsPythonDoes(String text) {
    Object loaded = JSON.loads("{\" u\":\"" + text + "\"}");

    assertThat(loaded).isInstanceOf(UUID.class);
    assertThat(loaded.toString()).endsWith("78-1234-5678-1234-567812345678");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"1234\"", "\"1234567812345678123456781234567g\"", "\"\"", "1", "null",
      "\"1234567812345678123456781234567_\"", "\"123456781234567812345678123456789\""})
  void loads_invalidUuid_fails(String inner) {
    assertThatThrownBy(() -> JSON.loads("{\" u\":" + inner + "}")).isInstanceOf(TaggedJsonException.class);
  }

  @Test
  void loads_markup_givesMarkupDistinctFromString() {
    assertThat(JSON.loads("{\" m\":\"<i>x</i>\"}")).isEqualTo(Markup.of("<i>x</i>")).isNotEqualTo("<i>x</i>");
    assertThat(JSON.loads("{\" m\":12}")).isEqualTo(Markup.of("12"));
    assertThat(JSON.loads("{\" m\":null}")).isEqualTo(Markup.of("None"));
  }

  @Test
  void loads_datetime_givesUtcOffsetDateTime() {
    assertThat(JSON.loads("{\" d\":\"Mon, 15 Jan 2024 12:30:45 GMT\"}"))
        .isEqualTo(OffsetDateTime.of(2024, 1, 15, 12, 30, 45, 0, ZoneOffset.UTC));
  }

  @Test
  void loads_datetimeOfFalseValues_givesNull_andOfOtherValues_fails() {
    for (String falsy : List.of("null", "\"\"", "0", "false", "[]", "{}", "\"garbage\"")) {
      assertThat(JSON.loads("{\" d\":" + falsy + "}")).as(falsy).isNull();
    }
    assertThatThrownBy(() -> JSON.loads("{\" d\":1}")).isInstanceOf(TaggedJsonException.class);
    assertThatThrownBy(() -> JSON.loads("{\" d\":[1]}")).isInstanceOf(TaggedJsonException.class);
  }

  @Test
  void loads_tagsNested_untagsInnerValuesFirst() {
    Object loaded = JSON.loads("{\"x\":{\" t\":[{\" b\":\"AA==\"},{\" di\":{\" t__\":[1]}}]}}");

    Object expected = Map.of("x", Tuple.of(new byte[] {0}, Map.of(" t", List.of(1))));
    assertThat(NvValues.structurallyEqual(expected, loaded)).isTrue();
  }

  @Test
  void loads_duplicateTagKeys_lastWinsThenUntags() {
    assertThat(JSON.loads("{\" t\":1,\" t\":[2]}")).isEqualTo(Tuple.of(2));
  }
}
