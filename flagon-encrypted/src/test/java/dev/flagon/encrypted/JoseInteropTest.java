package dev.flagon.encrypted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Verified;
import dev.flagon.testing.PlainJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Encrypted sessions against the {@code jose} npm package, a second independent JOSE implementation, with
 * the key derived by Node's own {@code crypto.hkdfSync}: jose decrypts Flagon's cookie and Flagon decrypts
 * jose's. (jose has dropped {@code "zip":"DEF"}, so compressed cookies are checked with nimbus only.)
 */
class JoseInteropTest {
  private static final String SECRET = "interop-secret-key-0123456789abcdef";
  private static final long T = 1_700_000_000L;
  private static final String JSON = "{\"_flashes\":[{\" t\":[\"message\",\"Hi \\u00e9\"]}],\"user_id\":12345}";

  @Test
  void jose_andFlagon_decryptEachOthersCookies_withTheSameHkdfKeyAndKid() {
    JweSerializer flagon = JweSerializer.create(KeyRing.of(Secret.fromText(SECRET)), "my_session", false);
    String flagonToken = flagon.dumps(JSON, T, T + 3600);
    String request = "{\"secret\":\"" + SECRET + "\",\"cookieName\":\"my_session\",\"flagonToken\":\""
        + flagonToken + "\",\"json\":" + quote(JSON) + ",\"iat\":" + T + ",\"exp\":" + (T + 3600) + "}";

    @SuppressWarnings("unchecked")
    Map<String, Object> answer = (Map<String, Object>) PlainJson.parse(NodeJose.run(request));

    assertThat(answer.get("kid")).isEqualTo(flagon.currentKeyId());
    assertThat(answer.get("decrypted")).isEqualTo(JSON);
    // Flagon's header, in Flagon's order, as jose parsed it from the authenticated header
    assertThat(answer.get("header")).hasToString(
        "{alg=dir, enc=A256GCM, kid=" + flagon.currentKeyId() + ", iat=" + T + ", exp=" + (T + 3600) + "}");
    Verified fromJose = flagon.loads((String) answer.get("joseToken"), T + 5, 3600);
    assertThat(fromJose.payload()).isEqualTo(JSON);
    assertThat(fromJose.signedAt()).isEqualTo(T);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
