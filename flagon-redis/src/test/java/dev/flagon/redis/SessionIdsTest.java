package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signer;
import dev.flagon.codec.Signing;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionIdsTest {
  private static final Secret KEY = Secret.fromText("public-vector-secret-key-1");

  private static SessionIds ids(boolean signer) {
    return SessionIds.create(RedisSessionConfig.fromMap(Map.of("SESSION_USE_SIGNER", signer)), KEY);
  }

  @Test
  void newId_tokenUrlsafeOf32Bytes() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = ids(false).newId();
      assertThat(id).hasSize(43).matches("[A-Za-z0-9_-]+");
      seen.add(id);
    }
    assertThat(seen).hasSize(1000);
    SessionIds longer = SessionIds.create(RedisSessionConfig.fromMap(Map.of("SESSION_ID_LENGTH", 64)), null);
    assertThat(longer.newId()).hasSize(86);
  }

  @Test
  void cookieValue_unsigned_isTheId_andReadsBack() {
    SessionIds ids = ids(false);
    String id = ids.newId();
    assertThat(ids.cookieValue(id)).isEqualTo(id);
    assertThat(ids.idFromCookie(id)).contains(id);
  }

  @Test
  void cookieValue_signed_flaskSessionSignerVector() {
    // Signer(b"public-vector-secret-key-1", salt="flask-session", key_derivation="hmac").sign("abc"), itsdangerous 2.2
    SessionIds ids = ids(true);
    assertThat(ids.cookieValue("abc")).isEqualTo("abc.coJncUh-A8N-GYERHFcw4TOmqVE");
    assertThat(ids.idFromCookie("abc.coJncUh-A8N-GYERHFcw4TOmqVE")).contains("abc");
  }

  @Test
  void idFromCookie_badCookies_noIdNeverAnError() {
    SessionIds signed = ids(true);
    SessionIds plain = ids(false);
    String id = plain.newId();
    String good = signed.cookieValue(id);
    for (String bad : new String[] {null, "", id, good + "x", good.replace('.', '_'), "x".repeat(100_000),
        good.substring(0, good.length() - 1)}) {
      assertThat(signed.idFromCookie(bad)).as(String.valueOf(bad).length() + " chars").isEmpty();
    }
    SessionIds otherKey = SessionIds.create(RedisSessionConfig.fromMap(Map.of("SESSION_USE_SIGNER", true)),
        Secret.fromText("another-secret-key-of-some-length"));
    assertThat(otherKey.idFromCookie(good)).isEmpty();
    for (String bad : new String[] {"a b", "session:*", "a.b", "é", "\u0000", "x".repeat(SessionIds.MAX_ID_CHARS + 1)}) {
      assertThat(plain.idFromCookie(bad)).as(bad).isEmpty();
    }
    // a validly signed value that is not an id (only a key holder could make one) is still refused
    Signer flaskSession = Signer.create(KeyRing.of(KEY), Signing.of("flask-session", Digest.SHA1, KeyDerivation.HMAC));
    assertThat(signed.idFromCookie(flaskSession.sign("session:*"))).isEmpty();
    assertThat(signed.idFromCookie(flaskSession.sign(id))).contains(id);
  }

  @Test
  void create_signerWithoutKey_refusedNamingTheSettings() {
    RedisSessionConfig config = RedisSessionConfig.fromMap(Map.of("SESSION_USE_SIGNER", "true"));
    assertThatThrownBy(() -> SessionIds.create(config, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SECRET_KEY").hasMessageContaining("SESSION_USE_SIGNER");
  }
}
