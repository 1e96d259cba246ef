package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.FlaskVectors;
import dev.flagon.testing.Zlib;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Flask vectors, byte for byte: every dump case's tagged JSON, and every loadable cookie's payload. */
class FlaskVectorsTest {
  private static final TaggedJson JSON = TaggedJson.standard();

  static Stream<Arguments> dumpCases() {
    return casesOfKind("dump");
  }

  static Stream<Arguments> loadableCases() {
    return casesOfKind("load").filter(arguments -> {
      Map<?, ?> expected = (Map<?, ?>) ((Map<?, ?>) arguments.get()[1]).get("expected");
      return Boolean.TRUE.equals(expected.get("ok"));
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dumpCases")
  void dumps_flaskDumpCase_writesExactTaggedJson(String name, Map<String, Object> vector) {
    Object session = NvValues.fromNv(vector.get("session"));

    assertThat(JSON.dumps(session)).isEqualTo(vector.get("tagged_json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dumpCases")
  void loads_flaskDumpCase_givesDecodedValue(String name, Map<String, Object> vector) {
    Object loaded = JSON.loads((String) vector.get("tagged_json"));

    assertThat(NvValues.equalsNv(vector.get("decoded"), loaded))
        .as("expected %s, got %s", NvValues.describe(NvValues.fromNv(vector.get("decoded"))),
            NvValues.describe(loaded))
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loadableCases")
  void loads_flaskCookiePayload_givesExpectedValue(String name, Map<String, Object> vector) {
    Object expected = ((Map<?, ?>) vector.get("expected")).get("value");

    Object loaded = JSON.loads(payloadText((String) vector.get("cookie")));

    assertThat(NvValues.equalsNv(expected, loaded))
        .as("expected %s, got %s", NvValues.describe(NvValues.fromNv(expected)), NvValues.describe(loaded))
        .isTrue();
  }

  private static Stream<Arguments> casesOfKind(String kind) {
    return FlaskVectors.cases().stream()
        .filter(vector -> kind.equals(vector.get("kind")))
        .map(vector -> Arguments.of(vector.get("name"), vector));
  }

  /** The JSON inside a cookie, {@code [.]payload.timestamp.signature}, decoded the way itsdangerous does. */
  private static String payloadText(String cookie) {
    int signatureDot = cookie.lastIndexOf('.');
    int timestampDot = cookie.lastIndexOf('.', signatureDot - 1);
    String payload = cookie.substring(0, timestampDot);
    boolean compressed = payload.startsWith(".");
    if (compressed) {
      payload = payload.substring(1);
    }
    byte[] bytes = Base64.getUrlDecoder().decode(payload.replace("=", ""));
    return new String(compressed ? Zlib.inflate(bytes) : bytes, StandardCharsets.UTF_8);
  }
}
