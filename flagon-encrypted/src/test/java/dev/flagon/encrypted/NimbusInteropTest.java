package dev.flagon.encrypted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import dev.flagon.codec.BadSignatureException;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Verified;
import org.junit.jupiter.api.Test;

/**
 * Encrypted sessions against nimbus-jose-jwt, an independent JOSE implementation: it decrypts Flagon's
 * cookies and Flagon decrypts its JWEs, compressed or not. The key comes from Flagon's HKDF derivation,
 * which {@link HkdfTest} checks against RFC 5869 and the jose (Node) test against Node's own HKDF.
 */
class NimbusInteropTest {
  private static final String SECRET = "interop-secret-key-0123456789abcdef";
  private static final byte[] KEY = JweForge.rawKey(SECRET, "session");
  private static final String KID = JweForge.forSecret(SECRET, "session").kid();
  private static final long T = 1_700_000_000L;
  private static final String JSON = "{\"_flashes\":[{\" t\":[\"message\",\"Hi \\u00e9\"]}],\"user_id\":12345}";

  private static JweSerializer flagon(boolean compress) {
    return JweSerializer.create(KeyRing.of(Secret.fromText(SECRET)), "session", compress);
  }

  @Test
  void nimbus_decryptsFlagonsCookie_plainAndCompressed() throws Exception {
    for (boolean compress : new boolean[] {false, true}) {
      JWEObject jwe = JWEObject.parse(flagon(compress).dumps(JSON, T, T + 3600));
      jwe.decrypt(new DirectDecrypter(KEY));
      assertThat(jwe.getPayload().toString()).isEqualTo(JSON);
      assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.DIR);
      assertThat(jwe.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
      assertThat(jwe.getHeader().getKeyID()).isEqualTo(KID);
      assertThat(jwe.getHeader().getCustomParam("iat")).isEqualTo(T);
      assertThat(jwe.getHeader().getCustomParam("exp")).isEqualTo(T + 3600);
      assertThat(jwe.getHeader().getCompressionAlgorithm()).isEqualTo(compress ? CompressionAlgorithm.DEF : null);
    }
  }

  @Test
  void flagon_decryptsNimbusJwe_plainAndCompressed() throws Exception {
    for (boolean compress : new boolean[] {false, true}) {
      JWEHeader.Builder header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(KID)
          .customParam("iat", T).customParam("exp", T + 3600);
      if (compress) {
        header.compressionAlgorithm(CompressionAlgorithm.DEF);
      }
      JWEObject jwe = new JWEObject(header.build(), new Payload(JSON));
      jwe.encrypt(new DirectEncrypter(KEY));
      Verified verified = flagon(false).loads(jwe.serialize(), T + 10, 3600);
      assertThat(verified.payload()).isEqualTo(JSON);
      assertThat(verified.signedAt()).isEqualTo(T);
    }
  }

  @Test
  void flagon_nimbusJweUnderAnotherKey_isBadSignature() throws Exception {
    JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(KID)
        .customParam("iat", T).customParam("exp", T + 3600).build(), new Payload(JSON));
    jwe.encrypt(new DirectEncrypter(JweForge.rawKey(SECRET, "other")));
    assertThatThrownBy(() -> flagon(false).loads(jwe.serialize(), T, 3600))
        .isExactlyInstanceOf(BadSignatureException.class).hasMessageContaining("does not authenticate");
  }
}
