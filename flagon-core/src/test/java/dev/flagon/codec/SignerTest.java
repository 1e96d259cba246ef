package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignerTest {
  private static final Secret CURRENT = Secret.fromText("current-key");
  private static final Secret OLD_1 = Secret.fromText("old-key-1");
  private static final Secret OLD_2 = Secret.fromText("old-key-2");
  private static final Secret EMPTY = Secret.fromBytes(new byte[0]);

  private static Signer signer(Secret current, Secret... fallbacks) {
    return Signer.create(KeyRing.of(current, List.of(fallbacks)), Signing.flask());
  }

  @Test
  void sign_value_isValueDotBase64UrlHmac() {
    // Python: Signer([b"", b"current"], salt="cookie-session", key_derivation="hmac").sign("abc")
    assertThat(signer(Secret.fromText("current")).sign("abc")).isEqualTo("abc.J_XGoRHTaB6ZPocHxQfb9pjIKJY");
  }

  @Test
  void unsign_signedValueWithDots_givesValueBeforeLastDot() {
    Signer s = signer(CURRENT);

    assertThat(s.unsign(s.sign("a.b.c"))).isEqualTo("a.b.c");
    assertThat(s.unsign(s.sign(""))).isEmpty();
  }

  @Test
  void unsign_noDot_badSignature() {
    assertThatThrownBy(() -> signer(CURRENT).unsign("abc")).isExactlyInstanceOf(BadSignatureException.class)
        .hasMessage("No '.' found in value");
  }

  @Test
  void unsign_otherKey_badSignature() {
    String token = signer(OLD_1).sign("abc");

    assertThatThrownBy(() -> signer(CURRENT).unsign(token)).isExactlyInstanceOf(BadSignatureException.class)
        .hasMessage("Signature does not match");
  }

  /** The key index that verifies a token's signature (after its last '.'), or -1. */
  private static int verify(Signer s, String token) {
    byte[] bytes = token.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return s.verify(bytes, Signer.lastDot(bytes, bytes.length));
  }

  @Test
  void verify_currentAndFallbacks_keyIndexFollowsConfiguredOrder() {
    Signer s = signer(CURRENT, OLD_2, OLD_1);
    Map<Secret, Integer> expected = Map.of(CURRENT, 0, OLD_2, 1, OLD_1, 2);

    expected.forEach((key, index) -> {
      String token = signer(key).sign("v");
      assertThat(verify(s, token)).as(key + " index").isEqualTo(index);
    });
  }

  @Test
  void verify_sameKeyTwiceInFallbacks_newestFallbackTriedFirst() {
    Signer s = signer(CURRENT, OLD_1, OLD_1);
    String token = signer(OLD_1).sign("v");

    assertThat(verify(s, token)).isEqualTo(2);
  }

  @Test
  void verify_fallbackEqualToCurrent_currentTriedFirst() {
    Signer s = signer(CURRENT, CURRENT);
    String token = s.sign("v");

    assertThat(verify(s, token)).isZero();
  }

  @Test
  void sign_alwaysUsesCurrentKeyNotAFallback() {
    assertThat(signer(CURRENT, OLD_1, OLD_2).sign("v")).isEqualTo(signer(CURRENT).sign("v"));
  }

  @Test
  void unsign_emptyFallbackKey_verifiesPythonSignature() {
    // Python: Signer([b""], salt="cookie-session", key_derivation="hmac").sign("abc")
    Signer s = signer(CURRENT, EMPTY);
    String token = "abc.hJZ5WTmT_Ih3udITH9VJ7ilxBXU";

    assertThat(s.unsign(token)).isEqualTo("abc");
    assertThat(verify(s, token)).isEqualTo(1);
  }

  @Test
  void deriveKey_emptySecretWithHmac_matchesPythonHmac() {
    // Python: hmac.new(b"", b"cookie-session", hashlib.sha1).hexdigest()
    assertThat(HexFormat.of().formatHex(Signing.flask().deriveKey(EMPTY.copyBytes())))
        .isEqualTo("17e7d4270a5cbd57a761758998afa10e86631266");
  }

  @Test
  void sign_emptyKeyWithoutDerivation_matchesPythonEmptyKeyHmac() {
    // Python: Signer(b"", salt="cookie-session", key_derivation="none").sign("abc")
    Signer s = Signer.create(KeyRing.of(EMPTY), Signing.of("cookie-session", Digest.SHA1, KeyDerivation.NONE));

    assertThat(s.sign("abc")).isEqualTo("abc.m0qRjzmNdNPjZ5cKujy-VOTStdk");
  }

  @Test
  void hmac_emptyKeySha512_matchesPythonHmac() {
    // Python: hmac.new(b"", b"abc", hashlib.sha512).hexdigest()
    assertThat(HexFormat.of().formatHex(new Signer.HmacKey(Digest.SHA512, new byte[0]).mac("abc".getBytes(), 3)))
        .isEqualTo("29689f6b79a8dd686068c2eeae97fd8769ad3ba65cb5381f838358a8045a358e"
            + "e3ba1739c689c7805e31734fb6072f87261d1256995370d55725cba00d10bdd0");
  }

  @Test
  void unsign_tokenOverLengthCap_badSignatureBeforeAnyWork() {
    Signer s = signer(CURRENT);
    String longest = s.sign("x".repeat(Signer.MAX_TOKEN_LENGTH - 28));
    String tooLong = s.sign("x".repeat(Signer.MAX_TOKEN_LENGTH - 27));

    assertThat(longest).hasSize(Signer.MAX_TOKEN_LENGTH);
    assertThat(s.unsign(longest)).hasSize(Signer.MAX_TOKEN_LENGTH - 28);
    assertThatThrownBy(() -> s.unsign(tooLong)).isExactlyInstanceOf(BadSignatureException.class)
        .hasMessageContaining("too long").hasMessageContaining("Flagon limit");
    assertThatThrownBy(() -> s.unsign("x".repeat(1 << 20))).isExactlyInstanceOf(BadSignatureException.class)
        .hasMessageContaining("too long");
  }

  @Test
  void unsign_nonAsciiValue_roundTripsAsUtf8() {
    Signer s = signer(CURRENT);

    assertThat(s.unsign(s.sign("h\u00e9\ud83d\ude00"))).isEqualTo("h\u00e9\ud83d\ude00");
  }

  @Test
  void unsign_valueWithLoneSurrogate_failsToVerifyEvenIfQuestionMarkVersionIsSigned() {
    Signer s = signer(CURRENT);
    String signedQuestionMark = s.sign("a?b");
    String surrogate = "a\ud800b" + signedQuestionMark.substring(3);

    assertThatThrownBy(() -> s.unsign(surrogate)).isExactlyInstanceOf(BadSignatureException.class);
    assertThatThrownBy(() -> s.sign("a\ud800b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signAndUnsign_manyThreadsSharingOneSigner_sameResultsAsOneThread() throws Exception {
    Signer s = signer(CURRENT, OLD_1);
    Signer old = signer(OLD_1);
    List<String> expected = new ArrayList<>();
    List<String> oldTokens = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      expected.add(s.sign("value-" + i));
      oldTokens.add(old.sign("value-" + i));
    }
    Callable<Boolean> task = () -> {
      for (int i = 0; i < expected.size(); i++) {
        if (!s.sign("value-" + i).equals(expected.get(i)) || !s.unsign(oldTokens.get(i)).equals("value-" + i)) {
          return false;
        }
      }
      return true;
    };
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Future<Boolean> f : pool.invokeAll(Collections.nCopies(8, task))) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void create_nullArguments_rejected() {
    assertThatThrownBy(() -> Signer.create(KeyRing.of(null), Signing.flask()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Signer.create(KeyRing.of(CURRENT, null), Signing.flask()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Signer.create(KeyRing.of(CURRENT), null)).isInstanceOf(NullPointerException.class);
  }
}
