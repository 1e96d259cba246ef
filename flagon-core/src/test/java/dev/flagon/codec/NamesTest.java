package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Digest and key-derivation names, as they appear in configuration and on the command line, and error kinds. */
class NamesTest {
  @ParameterizedTest
  @CsvSource({"sha1,SHA1", "SHA-1,SHA1", "Sha256,SHA256", "sha-256,SHA256", "SHA384,SHA384",
      "sha-384,SHA384", "sha512,SHA512", "SHA-512,SHA512"})
  void digestFromName_acceptedSpelling_givesDigest(String name, Digest expected) {
    assertThat(Digest.fromName(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"md5", "sha224", "sha_1", "'sha1 '", "''"})
  void digestFromName_unknown_rejectedListingAcceptedNames(String name) {
    assertThatThrownBy(() -> Digest.fromName(name)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sha1, sha256, sha384 or sha512");
  }

  @Test
  void digestFromName_null_rejected() {
    assertThatThrownBy(() -> Digest.fromName(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"hmac,HMAC", "HMAC,HMAC", "django-concat,DJANGO_CONCAT", "Django-Concat,DJANGO_CONCAT",
      "concat,CONCAT", "none,NONE", "NONE,NONE"})
  void keyDerivationFromName_acceptedSpelling_givesDerivation(String name, KeyDerivation expected) {
    assertThat(KeyDerivation.fromName(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"django_concat", "DJANGO_CONCAT", "pbkdf2", "''"})
  void keyDerivationFromName_unknown_rejectedListingAcceptedNames(String name) {
    assertThatThrownBy(() -> KeyDerivation.fromName(name)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hmac, django-concat, concat or none");
  }

  @Test
  void flaskName_everyConstant_roundTripsThroughFromName() {
    for (Digest d : Digest.values()) {
      assertThat(Digest.fromName(d.flaskName())).isEqualTo(d);
    }
    for (KeyDerivation k : KeyDerivation.values()) {
      assertThat(KeyDerivation.fromName(k.flaskName())).isEqualTo(k);
    }
  }

  @Test
  void signingFlask_defaults_areFlasks() {
    assertThat(Signing.flask()).isEqualTo(Signing.of("cookie-session", Digest.SHA1, KeyDerivation.HMAC));
    assertThat(Signing.flask().toString()).isEqualTo("Signing[salt=cookie-session, digest=sha1, keyDerivation=hmac]");
  }

  @Test
  void signingOf_null_rejected() {
    assertThatThrownBy(() -> Signing.of(null, Digest.SHA1, KeyDerivation.HMAC)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Signing.of("s", null, KeyDerivation.HMAC)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Signing.of("s", Digest.SHA1, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void exceptionKind_isTheItsdangerousClassName_alsoForASubclass() {
    assertThat(new BadDataException("m").kind()).isEqualTo("BadData");
    assertThat(new BadPayloadException("m").kind()).isEqualTo("BadPayload");
    assertThat(new BadSignatureException("m").kind()).isEqualTo("BadSignature");
    assertThat(new BadTimeSignatureException("m").kind()).isEqualTo("BadTimeSignature");
    assertThat(new SignatureExpiredException("m", java.time.Instant.EPOCH).kind()).isEqualTo("SignatureExpired");
    assertThat(new BadSignatureException("m") {}.kind()).isEqualTo("BadSignature");
  }
}
