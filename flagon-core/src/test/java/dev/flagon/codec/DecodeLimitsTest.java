package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.internal.BoundedInflater;
import dev.flagon.testing.Zlib;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The codec's 512 KiB inflate cap, just under and just over. (The signed token's 64 KiB is in
 * {@code SignerTest}, JSON depth and number length in {@code TaggedJsonLoadsTest}, the encrypted path's
 * bounds in flagon-encrypted's {@code JweLimitsTest}.)
 */
class DecodeLimitsTest {
  private static final String SECRET = "decode-limits-test-key-000001";
  private static final long T = 1_700_000_000L;
  private static final int CAP = BoundedInflater.MAX_INFLATED_LENGTH;

  @Test
  void signedInflate_exactlyAtTheCap_isRead_andOneByteMoreIsBadPayload() {
    Secret key = Secret.fromText(SECRET);
    UrlSafeTimedSerializer serializer = UrlSafeTimedSerializer.create(KeyRing.of(key), Signing.flask());
    TimestampSigner signer = TimestampSigner.create(KeyRing.of(key), Signing.flask());
    String atCap = signer.sign("." + Encodings.base64(Zlib.compress(jsonOfLength(CAP))), T);
    assertThat(serializer.loads(atCap, T, 60).payload()).hasSize(CAP);
    String over = signer.sign("." + Encodings.base64(Zlib.compress(jsonOfLength(CAP + 1))), T);
    assertThatThrownBy(() -> serializer.loads(over, T, 60)).isExactlyInstanceOf(BadPayloadException.class)
        .hasMessageContaining("inflates beyond " + CAP);
  }

  /** A JSON string of exactly this many bytes. */
  private static byte[] jsonOfLength(int length) {
    return ("\"" + "a".repeat(length - 2) + "\"").getBytes(StandardCharsets.US_ASCII);
  }
}
