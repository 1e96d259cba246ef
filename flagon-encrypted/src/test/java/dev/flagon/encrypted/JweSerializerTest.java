package dev.flagon.encrypted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.codec.BadPayloadException;
import dev.flagon.codec.BadSignatureException;
import dev.flagon.codec.BadTimeSignatureException;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.SignatureExpiredException;
import dev.flagon.codec.Verified;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JweSerializer: round trips, rotation by kid, and typed rejection of every kind of bad token. */
class JweSerializerTest {
  private static final String SECRET = "jwe-test-secret-key-0123456789";
  private static final Secret KEY = Secret.fromText(SECRET);
  private static final Secret OLD = Secret.fromText("jwe-test-old-key-9876543210");
  private static final JweSerializer JWE = JweSerializer.create(KeyRing.of(KEY), "session", false);
  private static final JweForge FORGE = JweForge.forSecret(SECRET, "session");
  private static final long T = 1_700_000_000L;
  private static final String JSON = "{\"user_id\":12345}";

  @Test
  void loads_ownToken_roundTripsWithTimeAndKeyIndex() {
    String token = JWE.dumps(JSON, T, T + 60);
    Verified v = JWE.loads(token, T + 60, 60);
    assertThat(v.payload()).isEqualTo(JSON);
    assertThat(v.signedAt()).isEqualTo(T);
    assertThat(v.keyIndex()).isZero();
  }

  @Test
  void dumps_token_isCompactJweWithFlagonsHeaderAndFreshIv() {
    String token = JWE.dumps(JSON, T, T + 60);
    String[] parts = token.split("\\.", -1);
    assertThat(parts).hasSize(5);
    assertThat(parts[1]).isEmpty();
    assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)).isEqualTo(
        "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + FORGE.kid() + "\",\"iat\":" + T + ",\"exp\":" + (T + 60)
            + "}");
    assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(12);
    assertThat(Base64.getUrlDecoder().decode(parts[4])).hasSize(16);
    assertThat(token).doesNotContain("12345").isNotEqualTo(JWE.dumps(JSON, T, T + 60));
    assertThat(JWE.currentKeyId()).isEqualTo(FORGE.kid()).hasSize(11);
  }

  @Test
  void dumps_compressed_writesZipDefAndReadsBack() {
    JweSerializer zipped = JweSerializer.create(KeyRing.of(KEY), "session", true);
    String json = "{\"cart\":\"" + "item,".repeat(200) + "\"}";
    String token = zipped.dumps(json, T, T + 60);
    assertThat(new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')))))
        .endsWith(",\"zip\":\"DEF\"}");
    assertThat(token.length()).isLessThan(json.length());
    assertThat(JWE.loads(token, T, 60).payload()).isEqualTo(json); // reading accepts both, whatever the setting
  }

  @Test
  void loads_fallbackKey_foundByKidWithItsIndex() {
    String oldToken = JweSerializer.create(KeyRing.of(OLD), "session", false).dumps(JSON, T, T + 60);
    JweSerializer rotated = JweSerializer.create(
        KeyRing.of(KEY, List.of(Secret.fromText("jwe-oldest-key-000000000"), OLD)), "session", false);
    assertThat(rotated.loads(oldToken, T, 60).keyIndex()).isEqualTo(2);
    assertThatThrownBy(() -> JWE.loads(oldToken, T, 60)).isExactlyInstanceOf(BadSignatureException.class)
        .hasMessageContaining("kid names no configured key");
  }

  @Test
  void loads_otherCookieName_hasAnotherKey() {
    String token = JweSerializer.create(KeyRing.of(KEY), "other", false).dumps(JSON, T, T + 60);
    assertThatThrownBy(() -> JWE.loads(token, T, 60)).isExactlyInstanceOf(BadSignatureException.class);
  }

  @Test
  void loads_anyFlippedCharacter_isBadSignature() {
    String token = JWE.dumps(JSON, T, T + 60);
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
      assertThatThrownBy(() -> JWE.loads(changed, T, 60)).as("position %d", i)
          .isInstanceOf(BadSignatureException.class);
    }
  }

  @Test
  void loads_times_inclusiveAgeAndExpiry_futureRejected() {
    String token = JWE.dumps(JSON, T, T + 60);
    assertThat(JWE.loads(token, T + 60, 60).payload()).isEqualTo(JSON);
    assertThatThrownBy(() -> JWE.loads(token, T + 61, 60)).isExactlyInstanceOf(SignatureExpiredException.class);
    assertThatThrownBy(() -> JWE.loads(token, T + 30, 10)).isExactlyInstanceOf(SignatureExpiredException.class);
    assertThatThrownBy(() -> JWE.loads(token, T - 1, 60)).isExactlyInstanceOf(SignatureExpiredException.class);
    String shortExp = JWE.dumps(JSON, T, T + 5);
    assertThatThrownBy(() -> JWE.loads(shortExp, T + 6, 60)).isExactlyInstanceOf(SignatureExpiredException.class);
  }

  @Test
  void loads_authenticTokenWithoutTimes_isBadTimeSignature() {
    String token = FORGE.seal("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + FORGE.kid() + "\"}",
        JSON.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> JWE.loads(token, T, 60)).isExactlyInstanceOf(BadTimeSignatureException.class);
  }

  @Test
  void loads_badHeaders_areBadSignatureBeforeAnyDecryption() {
    String kid = FORGE.kid();
    List<String> headers = List.of("[]", "{", "{\"alg\":\"dir\"}", "{\"alg\":\"A256KW\",\"enc\":\"A256GCM\",\"kid\":\""
        + kid + "\"}", "{\"alg\":\"dir\",\"enc\":\"A128GCM\",\"kid\":\"" + kid + "\"}",
        "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + kid + "\",\"zip\":\"GZ\"}",
        "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + kid + "\",\"crit\":[\"exp\"]}",
        "{\"alg\":\"dir\",\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + kid + "\"}",
        "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + kid + "\",\"iat\":-1,\"exp\":1}",
        "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + kid + "\",\"iat\":1e3,\"exp\":1}",
        "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + kid + "\",\"iat\":99999999999999999999999,\"exp\":1}",
        "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + kid + "\"} {}");
    for (String header : headers) {
      String token = FORGE.seal(header, JSON.getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> JWE.loads(token, T, 60)).as(header).isExactlyInstanceOf(BadSignatureException.class);
    }
  }

  @Test
  void loads_unknownHeaderNames_areIgnored() {
    String token = FORGE.seal("{\"typ\":\"JWE\",\"alg\":\"dir\",\"x\":{\"y\":[1]},\"enc\":\"A256GCM\",\"kid\":\""
        + FORGE.kid() + "\",\"iat\":" + T + ",\"exp\":" + T + "}", JSON.getBytes(StandardCharsets.UTF_8));
    assertThat(JWE.loads(token, T, 60).payload()).isEqualTo(JSON);
  }

  @Test
  void loads_wrongShape_isBadSignature() {
    String token = JWE.dumps(JSON, T, T + 60);
    String[] p = token.split("\\.", -1);
    List<String> shapes = List.of("", "a.b.c.d", token + ".x", p[0] + ".AAAA." + p[2] + "." + p[3] + "." + p[4],
        p[0] + ".." + p[2] + "A." + p[3] + "." + p[4], p[0] + ".." + p[2] + "." + p[3] + "." + p[4] + "AA",
        p[0] + ".." + p[2] + "." + p[3] + "=." + p[4]);
    for (String bad : shapes) {
      assertThatThrownBy(() -> JWE.loads(bad, T, 60)).as(bad).isExactlyInstanceOf(BadSignatureException.class);
    }
  }

  @Test
  void loads_authenticButNotUtf8_isBadPayload() {
    String token = FORGE.seal(FORGE.header(T, T, false), new byte[] {(byte) 0xc0, (byte) 0x80});
    assertThatThrownBy(() -> JWE.loads(token, T, 60)).isExactlyInstanceOf(BadPayloadException.class);
  }

  @Test
  void loads_authenticButBrokenDeflate_isBadPayload() {
    String token = FORGE.seal(FORGE.header(T, T, true), new byte[] {(byte) 0xff, 1, 2, 3});
    assertThatThrownBy(() -> JWE.loads(token, T, 60)).isExactlyInstanceOf(BadPayloadException.class);
  }

  @Test
  void toString_showsKidNeverKey() {
    assertThat(JWE.toString()).contains(FORGE.kid()).doesNotContain(SECRET);
  }
}
