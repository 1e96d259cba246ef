package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flagon.testing.PlainJson;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every cookie-level Flask 3.1.3 vector, byte for byte (the session layer compares decoded values). */
class VectorsTest {
  /** Python accepts these non-canonical signatures (spec 3.6); Flagon rejects them on purpose. */
  private static final List<String> QUIRKS =
      List.of("load_quirk_signature_trailing_bits", "load_quirk_signature_padding");

  static Stream<Arguments> dumpCases() {
    return Vectors.cases("dump").stream().map(c -> Arguments.of(c.get("name"), c));
  }

  static Stream<Arguments> loadCases() {
    return Vectors.cases("load").stream()
        .filter(c -> !Boolean.TRUE.equals(c.get("python_quirk")))
        .map(c -> Arguments.of(c.get("name"), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dumpCases")
  void deriveKey_dumpVector_matchesFlask(String name, Map<String, Object> c) {
    byte[] derived = Vectors.signing(c).deriveKey(Vectors.key(c.get("secret_key")).copyBytes());

    assertThat(HexFormat.of().formatHex(derived)).isEqualTo(c.get("derived_key_hex"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dumpCases")
  void dumps_dumpVector_producesFlaskCookieByteForByte(String name, Map<String, Object> c) {
    String cookie = Vectors.serializer(c).dumps((String) c.get("tagged_json"), Vectors.longValue(c, "timestamp"));

    assertThat(cookie).isEqualTo(c.get("cookie"));
    assertThat(cookie.startsWith(".")).isEqualTo(c.get("compressed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dumpCases")
  void loads_dumpVectorCookie_givesTaggedJsonBack(String name, Map<String, Object> c) {
    long timestamp = Vectors.longValue(c, "timestamp");

    Verified v = Vectors.serializer(c).loads((String) c.get("cookie"), timestamp, 0);

    assertThat(v).isEqualTo(new Verified((String) c.get("tagged_json"), timestamp, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loadCases")
  void loads_loadVector_givesFlaskOutcome(String name, Map<String, Object> c) {
    UrlSafeTimedSerializer serializer = Vectors.serializer(c);
    String cookie = (String) c.get("cookie");
    long now = Vectors.longValue(c, "now");
    long maxAge = Vectors.longValue(c, "max_age");
    Map<?, ?> expected = (Map<?, ?>) c.get("expected");

    if (Boolean.TRUE.equals(expected.get("ok"))) {
      Verified v = serializer.loads(cookie, now, maxAge);
      assertThat(v.signedAt()).isEqualTo(timestampOf(cookie));
      assertThat(now - v.signedAt()).isBetween(0L, maxAge);
      assertThat(PlainJson.parseAllowingNaN(v.payload())).isNotNull(); // the JSON text itself decodes
    } else {
      BadDataException e = catchThrowableOfType(
          BadDataException.class, () -> serializer.loads(cookie, now, maxAge));
      assertThat(e).as("loads must reject the cookie").isNotNull();
      assertThat(e.kind()).isEqualTo(expected.get("error"));
    }
  }

  @Test
  void loads_fallbackKeyVector_reportsWhichFallbackVerified() {
    Map<String, Object> c = named("load_fallback_key_accepted");

    Verified v = Vectors.serializer(c)
        .loads((String) c.get("cookie"), Vectors.longValue(c, "now"), Vectors.longValue(c, "max_age"));

    // Fallbacks are ["old-key-2", "old-key-1"]; the cookie is signed with "old-key-1", the second one.
    assertThat(v.keyIndex()).isEqualTo(2);
  }

  @Test
  void vectors_quirkCases_areExactlyTheTwoAssertedBelow() {
    assertThat(Vectors.cases("load").stream()
            .filter(c -> Boolean.TRUE.equals(c.get("python_quirk")))
            .map(c -> c.get("name")))
        .containsExactlyInAnyOrderElementsOf(QUIRKS);
  }

  @Test
  void loads_pythonQuirkSignatureTrailingBits_rejectedAsBadTimeSignature() {
    assertQuirkRejected("load_quirk_signature_trailing_bits");
  }

  @Test
  void loads_pythonQuirkSignaturePadding_rejectedAsBadTimeSignature() {
    assertQuirkRejected("load_quirk_signature_padding");
  }

  /**
   * Python verifies these (expected.ok is true). Flagon's strict base64url makes the signature fail to
   * verify; the signed value has a timestamp part, so the check order gives BadTimeSignature.
   */
  private static void assertQuirkRejected(String name) {
    Map<String, Object> c = named(name);
    assertThat(((Map<?, ?>) c.get("expected")).get("ok")).isEqualTo(true);

    BadDataException e = catchThrowableOfType(BadDataException.class, () -> Vectors.serializer(c)
        .loads((String) c.get("cookie"), Vectors.longValue(c, "now"), Vectors.longValue(c, "max_age")));

    assertThat(e).isExactlyInstanceOf(BadTimeSignatureException.class);
  }

  private static Map<String, Object> named(String name) {
    return Vectors.cases("load").stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
  }

  /** The cookie's timestamp, decoded independently of the code under test. */
  private static long timestampOf(String cookie) {
    String[] parts = cookie.split("\\.");
    byte[] bytes = Base64.getUrlDecoder().decode(parts[parts.length - 2]);
    long t = 0;
    for (byte b : bytes) {
      t = (t << 8) | (b & 0xFF);
    }
    return t;
  }
}
