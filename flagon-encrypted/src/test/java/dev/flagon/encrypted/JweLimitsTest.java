package dev.flagon.encrypted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.internal.BoundedInflater;
import dev.flagon.codec.BadPayloadException;
import dev.flagon.codec.BadSignatureException;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The JWE's bounds, each just under and just over: the 64 KiB token, the 1 KiB header, and the 512 KiB
 * inflate cap of raw DEFLATE (as core's {@code DecodeLimitsTest} for zlib).
 */
class JweLimitsTest {
  private static final String SECRET = "decode-limits-test-key-000001";
  private static final JweForge FORGE = JweForge.forSecret(SECRET, "session");
  private static final JweSerializer JWE = JweSerializer.create(KeyRing.of(Secret.fromText(SECRET)), "session", false);
  private static final long T = 1_700_000_000L;
  private static final int CAP = BoundedInflater.MAX_INFLATED_LENGTH;

  @Test
  void jwe_atTheLengthCap_isParsed_andOneMoreIsRefusedFirst() {
    assertThatThrownBy(() -> JWE.loads("x".repeat(JweParts.MAX_TOKEN_LENGTH), T, 60))
        .isExactlyInstanceOf(BadSignatureException.class).hasMessageContaining("not a compact JWE");
    assertThatThrownBy(() -> JWE.loads("x".repeat(JweParts.MAX_TOKEN_LENGTH + 1), T, 60))
        .isExactlyInstanceOf(BadSignatureException.class).hasMessageContaining("too long");
  }

  @Test
  void jweHeader_atTheCap_isRead_andOneMoreCharacterIsRefused() {
    String base = "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + FORGE.kid() + "\",\"iat\":" + T + ",\"exp\":" + T
        + ",\"pad\":\"\"}";
    int padFor1024 = JweHeader.MAX_ENCODED_LENGTH * 3 / 4 - base.length(); // 1024 base64 chars = 768 bytes
    String atCap = base.replace("\"pad\":\"\"", "\"pad\":\"" + "p".repeat(padFor1024) + "\"");
    String token = FORGE.seal(atCap, "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(token.indexOf('.')).isEqualTo(JweHeader.MAX_ENCODED_LENGTH);
    assertThat(JWE.loads(token, T, 60).payload()).isEqualTo("{}");

    String over = FORGE.seal(atCap.replace("\"pad\":\"", "\"pad\":\"p"), "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(over.indexOf('.')).isGreaterThan(JweHeader.MAX_ENCODED_LENGTH);
    assertThatThrownBy(() -> JWE.loads(over, T, 60)).isExactlyInstanceOf(BadSignatureException.class)
        .hasMessageContaining("header too long");
  }

  @Test
  void jweInflate_exactlyAtTheCap_isRead_andOneByteMoreIsBadPayload() {
    String atCap = FORGE.seal(FORGE.header(T, T, true), RawDeflate.deflate(jsonOfLength(CAP)));
    assertThat(JWE.loads(atCap, T, 60).payload()).hasSize(CAP);
    String over = FORGE.seal(FORGE.header(T, T, true), RawDeflate.deflate(jsonOfLength(CAP + 1)));
    assertThatThrownBy(() -> JWE.loads(over, T, 60)).isExactlyInstanceOf(BadPayloadException.class)
        .hasMessageContaining("inflates beyond " + CAP);
  }

  /** A JSON string of exactly this many bytes. */
  private static byte[] jsonOfLength(int length) {
    return ("\"" + "a".repeat(length - 2) + "\"").getBytes(StandardCharsets.US_ASCII);
  }
}
