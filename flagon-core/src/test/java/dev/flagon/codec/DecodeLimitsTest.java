package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The codec's bounds, each just under and just over: the 64 KiB JWE length, the 1 KiB JWE header, and the
 * 1 MiB inflate cap on both the signed (zlib) and encrypted (raw DEFLATE) paths. (The signed token's 64 KiB
 * is in {@code SignerTest}, JSON depth and number length in {@code TaggedJsonLoadsTest}.)
 */
class DecodeLimitsTest {
  private static final String SECRET = "decode-limits-test-key-000001";
  private static final JweForge FORGE = JweForge.forSecret(SECRET, "session");
  private static final JweSerializer JWE = JweSerializer.create(KeyRing.of(Secret.fromText(SECRET)), "session", false);
  private static final long T = 1_700_000_000L;
  private static final int CAP = Payload.MAX_INFLATED_LENGTH;

  @Test
  void jwe_atTheLengthCap_isParsed_andOneMoreIsRefusedFirst() {
    assertThatThrownBy(() -> JWE.loads("x".repeat(Signer.MAX_TOKEN_LENGTH), T, 60))
        .isExactlyInstanceOf(BadSignatureException.class).hasMessageContaining("not a compact JWE");
    assertThatThrownBy(() -> JWE.loads("x".repeat(Signer.MAX_TOKEN_LENGTH + 1), T, 60))
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
  void jweInflate_exactlyOneMiB_isRead_andOneByteMoreIsBadPayload() {
    String atCap = FORGE.seal(FORGE.header(T, T, true), RawDeflate.deflate(jsonOfLength(CAP)));
    assertThat(JWE.loads(atCap, T, 60).payload()).hasSize(CAP);
    String over = FORGE.seal(FORGE.header(T, T, true), RawDeflate.deflate(jsonOfLength(CAP + 1)));
    assertThatThrownBy(() -> JWE.loads(over, T, 60)).isExactlyInstanceOf(BadPayloadException.class)
        .hasMessageContaining("inflates beyond " + CAP);
  }

  @Test
  void signedInflate_exactlyOneMiB_isRead_andOneByteMoreIsBadPayload() {
    Secret key = Secret.fromText(SECRET);
    UrlSafeTimedSerializer serializer = UrlSafeTimedSerializer.create(KeyRing.of(key), Signing.flask());
    TimestampSigner signer = TimestampSigner.create(KeyRing.of(key), Signing.flask());
    String atCap = signer.sign("." + Base64Url.encode(Payload.deflate(jsonOfLength(CAP))), T);
    assertThat(serializer.loads(atCap, T, 60).payload()).hasSize(CAP);
    String over = signer.sign("." + Base64Url.encode(Payload.deflate(jsonOfLength(CAP + 1))), T);
    assertThatThrownBy(() -> serializer.loads(over, T, 60)).isExactlyInstanceOf(BadPayloadException.class)
        .hasMessageContaining("inflates beyond " + CAP);
  }

  /** A JSON string of exactly this many bytes. */
  private static byte[] jsonOfLength(int length) {
    return ("\"" + "a".repeat(length - 2) + "\"").getBytes(StandardCharsets.US_ASCII);
  }
}
