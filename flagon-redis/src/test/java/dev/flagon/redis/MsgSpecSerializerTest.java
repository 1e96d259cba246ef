package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.json.Markup;
import dev.flagon.json.Tuple;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The serializer on fixed cases; the expected bytes were measured with msgspec 0.22 (the live differential
 * test, MsgspecDifferentialIT, covers generated values).
 */
class MsgSpecSerializerTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final MsgSpecSerializer MSGPACK = MsgSpecSerializer.of(SerializationFormat.MSGPACK);
  private static final MsgSpecSerializer JSON = MsgSpecSerializer.of(SerializationFormat.JSON);

  private static String msgpack(Object value) {
    return HEX.formatHex(MSGPACK.encode(Map.of("v", value))).substring(6); // after 81 a1 76
  }

  private static String json(Object value) {
    String text = new String(JSON.encode(Map.of("v", value)), StandardCharsets.UTF_8);
    return text.substring(5, text.length() - 1); // inside {"v":...}
  }

  @ParameterizedTest
  @CsvSource({
      "0, 00", "127, 7f", "128, cc80", "255, ccff", "256, cd0100", "-1, ff", "-32, e0", "-33, d0df",
      "-128, d080", "-129, d1ff7f", "9223372036854775807, cf7fffffffffffffff",
      "9223372036854775808, cf8000000000000000", "18446744073709551615, cfffffffffffffffff",
      "-9223372036854775808, d38000000000000000"})
  void encode_integer_smallestHeaderAsMsgspec(String decimal, String hex) {
    BigInteger n = new BigInteger(decimal);
    assertThat(msgpack(n)).isEqualTo(hex);
    if (n.bitLength() < 64) {
      assertThat(msgpack(n.longValue())).isEqualTo(hex);
    }
  }

  @Test
  void encode_integerBeyondSixtyFourBits_typedErrorInMsgpackAnyDigitsInJson() {
    BigInteger big = BigInteger.TWO.pow(64);
    assertThatThrownBy(() -> MSGPACK.encode(Map.of("n", big))).isInstanceOf(SessionDataException.class)
        .hasMessageContaining("session['n']").hasMessageContaining("2**64-1");
    assertThat(json(big)).isEqualTo("18446744073709551616");
    assertThat(JSON.decode(JSON.encode(Map.of("n", big)))).containsEntry("n", big);
    BigInteger tooLong = BigInteger.TEN.pow(4300);
    assertThatThrownBy(() -> JSON.encode(Map.of("n", tooLong))).isInstanceOf(SessionDataException.class);
  }

  @Test
  void encode_headers_smallestFormAsMsgspec() {
    assertThat(msgpack("a".repeat(31))).startsWith("bf");
    assertThat(msgpack("a".repeat(32))).startsWith("d920");
    assertThat(msgpack("a".repeat(256))).startsWith("da0100");
    assertThat(msgpack(new byte[0])).isEqualTo("c400");
    assertThat(msgpack(new byte[256])).startsWith("c50100");
    assertThat(msgpack(List.of())).isEqualTo("90");
    assertThat(msgpack(Tuple.of(1, 2))).isEqualTo("920102");
    assertThat(msgpack(java.util.Collections.nCopies(16, 0))).startsWith("dc0010");
    assertThat(msgpack(Map.of())).isEqualTo("80");
    assertThat(msgpack(1.0)).isEqualTo("cb3ff0000000000000");
    assertThat(msgpack(1.0f)).isEqualTo("cb3ff0000000000000"); // no float32 in Python
    assertThat(msgpack(Double.NaN)).isEqualTo("cb7ff8000000000000");
  }

  @Test
  void encode_awareDateTime_timestampExtensionInItsSmallestForm() {
    assertThat(msgpack(Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo("d6ff65920080");
    assertThat(msgpack(Instant.parse("2024-01-01T00:00:00.000005Z"))).isEqualTo("d7ff00004e2065920080");
    assertThat(msgpack(Instant.parse("2500-01-01T00:00:00Z"))).isEqualTo("d7ff00000003e4e6b080");
    assertThat(msgpack(Instant.parse("1960-01-01T00:00:00Z"))).isEqualTo("c70cff00000000ffffffffed300880");
    // the instant is stored; the offset is not
    assertThat(msgpack(OffsetDateTime.parse("2024-01-01T00:00:00+02:00"))).isEqualTo("d6ff6591e460");
    // Python holds microseconds: the rest is dropped
    assertThat(msgpack(Instant.parse("2024-01-01T00:00:00.000005999Z"))).isEqualTo("d7ff00004e2065920080");
  }

  @Test
  void encode_otherValues_asMsgspecWritesThePythonValue() {
    assertThat(json(UUID.fromString("00000000-0000-0000-0000-000000000005")))
        .isEqualTo("\"00000000-0000-0000-0000-000000000005\"");
    assertThat(json(LocalDateTime.parse("2024-01-01T00:00:00"))).isEqualTo("\"2024-01-01T00:00:00\"");
    assertThat(json(LocalDateTime.parse("2024-01-01T00:00:00.5"))).isEqualTo("\"2024-01-01T00:00:00.500000\"");
    assertThat(json(LocalDate.parse("0001-01-01"))).isEqualTo("\"0001-01-01\"");
    assertThat(json(LocalTime.parse("01:02:03.000004"))).isEqualTo("\"01:02:03.000004\"");
    assertThat(json(new byte[] {'a', 'b'})).isEqualTo("\"YWI=\"");
    assertThat(json(Instant.parse("2024-01-01T00:00:00.123456Z"))).isEqualTo("\"2024-01-01T00:00:00.123456Z\"");
    assertThat(json(Double.NaN)).isEqualTo("null");
    assertThat(json(Double.NEGATIVE_INFINITY)).isEqualTo("null");
    assertThat(json(Markup.of("<b>hi</b>"))).isEqualTo("\"<b>hi</b>\"");
    assertThat(msgpack(Markup.of("<b>"))).isEqualTo(msgpack("<b>"));
  }

  @ParameterizedTest
  @CsvSource({"30, Z", "59, +00:01", "90, +00:01", "1172, +00:20", "-30, Z", "-90, -00:01", "-1172, -00:20",
      "3599, +01:00", "-19800, -05:30"})
  void encode_offsetInSeconds_roundedToTheMinuteAsMsgspec(int seconds, String offset) {
    OffsetDateTime time = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofTotalSeconds(seconds));
    assertThat(json(time)).isEqualTo("\"2024-01-01T00:00:00" + offset + "\"");
  }

  @ParameterizedTest
  @CsvSource({"1e16, 1e16", "1e15, 1000000000000000.0", "1.2345678901234568e17, 1.2345678901234568e17",
      "1e-5, 0.00001", "1e-7, 1e-7", "0.0001, 0.0001", "5e-324, 5e-324",
      "1.7976931348623157e308, 1.7976931348623157e308", "1e22, 1e22", "1e23, 1e23", "100.0, 100.0",
      "12345.678, 12345.678", "0.000123, 0.000123", "-1e-10, -1e-10", "9007199254740992.0, 9007199254740992.0",
      "9.999e15, 9999000000000000.0", "-0.0, -0.0", "0.0, 0.0", "2e-323, 2e-323"})
  void encode_float_textAsMsgspec(double value, String text) {
    assertThat(json(value)).isEqualTo(text);
  }

  @Test
  void encode_string_escapedAsMsgspec() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x21; c++) {
      all.append(c);
    }
    all.append("\u007f\u0080\u2028\"\\/😀");
    assertThat(json(all.toString())).isEqualTo("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n"
        + "\\u000b\\f\\r\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019"
        + "\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f \u007f\u0080\u2028\\\"\\\\/😀\"");
  }

  @Test
  void encode_valuePythonCannotHold_typedErrorNamingTheKeyNotTheValue() {
    assertThatThrownBy(() -> MSGPACK.encode(Map.of("name", "a\ud800"))).isInstanceOf(SessionDataException.class)
        .hasMessageContaining("session['name']").hasMessageContaining("lone surrogate");
    assertThatThrownBy(() -> JSON.encode(Map.of("k", new StringBuilder("secret"))))
        .isInstanceOf(SessionDataException.class).hasMessageContaining("java.lang.StringBuilder")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> MSGPACK.encode(Map.of("k", Map.of(1, 2)))).isInstanceOf(SessionDataException.class)
        .hasMessageContaining("not a string");
    assertThatThrownBy(() -> MSGPACK.encode(Map.of("k", LocalDateTime.of(10000, 1, 1, 0, 0))))
        .isInstanceOf(SessionDataException.class).hasMessageContaining("9999");
    Map<String, Object> loop = new LinkedHashMap<>();
    loop.put("self", loop);
    assertThatThrownBy(() -> MSGPACK.encode(loop)).isInstanceOf(SessionDataException.class)
        .hasMessageContaining("deeper than 512");
  }

  @Test
  void decode_valuesAsMsgspecReturnsThem() {
    Map<String, Object> session = MSGPACK.decode(HEX.parseHex("86a161920102a162c4026162a163d6ff65920080"
        + "a164cf8000000000000000a165ca3f800000a166c0"));
    assertThat(session.get("a")).isEqualTo(List.of(1, 2)); // a tuple comes back as a list
    assertThat((byte[]) session.get("b")).containsExactly('a', 'b');
    assertThat(session.get("c")).isEqualTo(OffsetDateTime.parse("2024-01-01T00:00:00Z"));
    assertThat(session.get("d")).isEqualTo(BigInteger.TWO.pow(63));
    assertThat(session.get("e")).isEqualTo(1.0); // float32 widened
    assertThat(session).containsEntry("f", null);
  }

  @ParameterizedTest
  @CsvSource({"500, 1", "499, 0", "1500, 2", "2500, 3", "999999499, 999999"})
  void decode_timestampNanoseconds_roundedHalfUpToMicrosecondsAsMsgspec(long nanos, int micros) {
    long packed = nanos << 34 | 1_700_000_000L;
    Map<String, Object> session = MSGPACK.decode(HEX.parseHex("81a174d7ff" + String.format("%016x", packed)));
    assertThat(((OffsetDateTime) session.get("t")).getNano()).isEqualTo(micros * 1000);
  }

  @Test
  void decode_timestampBeyondPythonsYears_typedError() {
    for (String seconds : List.of("7fffffffffffffff", "8000000000000000", "0000003afff44180", "fffffff1886e08ff")) {
      assertThatThrownBy(() -> MSGPACK.decode(HEX.parseHex("81a174c70cff00000000" + seconds)))
          .as(seconds).isInstanceOf(SessionDataException.class).hasMessageContaining("years 1 to 9999");
    }
    assertThat(MSGPACK.decode(HEX.parseHex("81a174c70cff00000000fffffff1886e0900")).get("t"))
        .isEqualTo(OffsetDateTime.parse("0001-01-01T00:00:00Z"));
  }

  @Test
  void decode_integers_smallestJavaType() {
    Map<String, Object> session = MSGPACK.decode(HEX.parseHex("83a161cf0000000000000001a162d3ffffffff00000000a163cd0100"));
    assertThat(session.get("a")).isInstanceOf(Integer.class).isEqualTo(1);
    assertThat(session.get("b")).isInstanceOf(Long.class).isEqualTo(-(1L << 32));
    assertThat(session.get("c")).isInstanceOf(Integer.class).isEqualTo(256);
  }

  @Test
  void decode_otherFormat_readAsFlaskSessionFallsBack() {
    byte[] json = "{\"user_id\":\"42\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(MSGPACK.decode(json)).containsEntry("user_id", "42");
    assertThat(JSON.decode(MSGPACK.encode(Map.of("user_id", "42")))).containsEntry("user_id", "42");
  }

  @Test
  void decode_pickle_refusedNamingTheMigration() {
    byte[] pickle = HEX.parseHex("80049510000000000000007d948c0161944b01732e"); // pickle.dumps({'a': 1}, 4)
    for (MsgSpecSerializer serializer : List.of(MSGPACK, JSON)) {
      assertThatThrownBy(() -> serializer.decode(pickle)).isInstanceOf(PickledSessionException.class)
          .hasMessageContaining("Flask-Session < 0.6").hasMessageContaining("never unpickles");
    }
  }

  @Test
  void decode_noSessionOrNotAMap_asFlaskSessionOrTypedError() {
    assertThat(MSGPACK.decode(new byte[0])).isNull();
    assertThat(MSGPACK.decode(HEX.parseHex("c0"))).isNull();
    assertThat(JSON.decode("null".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(MSGPACK.decode(HEX.parseHex("80"))).isEmpty();
    assertThatThrownBy(() -> MSGPACK.decode(HEX.parseHex("9101"))).isInstanceOf(SessionDataException.class)
        .hasMessageContaining("not a map but a list");
    assertThatThrownBy(() -> MSGPACK.decode(HEX.parseHex("810102"))).isInstanceOf(SessionDataException.class)
        .hasMessageContaining("key that is not a string");
    assertThatThrownBy(() -> MSGPACK.decode(HEX.parseHex("81a161d40500"))).isInstanceOf(SessionDataException.class)
        .hasMessageContaining("extension of type 5");
    assertThatThrownBy(() -> MSGPACK.decode(HEX.parseHex("81a161a1ff"))).isInstanceOf(SessionDataException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void decode_declaredSizeLargerThanInput_refusedWithoutAllocating() {
    // a str32, bin32, array32 and map32 each claiming 2^31-1 items in a handful of bytes
    for (String hex : List.of("81a161db7fffffff", "81a161c67fffffff", "81a161dd7fffffff", "81a161df7fffffff")) {
      assertThatThrownBy(() -> MSGPACK.decode(HEX.parseHex(hex))).isInstanceOf(SessionDataException.class);
    }
    assertThatThrownBy(() -> MSGPACK.decode(new byte[MsgSpecSerializer.MAX_STORED_BYTES + 1]))
        .isInstanceOf(SessionDataException.class).hasMessageContaining("limit");
  }

  @Test
  void decode_deepNesting_typedErrorNotStackOverflow() {
    byte[] msgpack = new byte[100_001];
    java.util.Arrays.fill(msgpack, (byte) 0x91);
    msgpack[0] = (byte) 0x81;
    msgpack[1] = (byte) 0xa1;
    msgpack[2] = 'a';
    assertThatThrownBy(() -> MSGPACK.decode(msgpack)).isInstanceOf(SessionDataException.class);
    byte[] json = ("{\"a\":" + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> JSON.decode(json)).isInstanceOf(SessionDataException.class);
  }

  @Test
  void decode_jsonThatMsgspecRefuses_typedError() {
    for (String text : List.of("{\"a\":NaN}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":[1,]}", "\ufeff{}", "{} {}",
        "{\"a\":1e400}", "{\"a\":\"\\ud800\"}", "{'a':1}", "{\"a\":\"\u0001\"}")) {
      assertThatThrownBy(() -> JSON.decode(text.getBytes(StandardCharsets.UTF_8))).as(text)
          .isInstanceOf(SessionDataException.class);
    }
    assertThat(JSON.decode("{\"a\":1,\"a\":2,\"b\":-0,\"c\":1e-400}".getBytes(StandardCharsets.UTF_8)))
        .containsExactly(Map.entry("a", 2), Map.entry("b", 0), Map.entry("c", 0.0));
  }
}
