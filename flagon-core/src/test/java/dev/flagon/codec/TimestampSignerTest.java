package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timestamps and itsdangerous' order of checks (spec 3.4, 3.6). */
class TimestampSignerTest {
  private static final Secret KEY = Secret.fromText("public-vector-secret-key-1");
  private static final TimestampSigner TIMED = TimestampSigner.create(KeyRing.of(KEY), Signing.flask());
  /** The same key and salt, untimed: signs arbitrary "value.timestamp" texts. */
  private static final Signer RAW = Signer.create(KeyRing.of(KEY), Signing.flask());
  private static final long T = 1_700_000_000L;

  @Test
  void sign_flaskTimestamp_matchesVectorLayout() {
    assertThat(TIMED.sign("eyJ1c2VyX2lkIjoxMjM0NX0", T)).isEqualTo("eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.OXFj-4bNtFUg5hKyPoUGlcdBgyc");
  }

  @Test
  void unsign_ageEqualToMaxAge_accepted() {
    Verified v = TIMED.unsign(TIMED.sign("v", T), T + 3600, 3600);

    assertThat(v).isEqualTo(new Verified("v", T, 0));
  }

  @Test
  void unsign_ageOneOverMaxAge_expired() {
    assertThatThrownBy(() -> TIMED.unsign(TIMED.sign("v", T), T + 3601, 3600))
        .isExactlyInstanceOf(SignatureExpiredException.class).hasMessage("Signature age 3601 > 3600 seconds")
        .extracting(e -> ((SignatureExpiredException) e).dateSigned()).isEqualTo(Instant.ofEpochSecond(T));
  }

  @Test
  void unsign_futureTimestamp_expired() {
    assertThatThrownBy(() -> TIMED.unsign(TIMED.sign("v", T), T - 1, 3600))
        .isExactlyInstanceOf(SignatureExpiredException.class).hasMessage("Signature age -1 < 0 seconds")
        .extracting(e -> ((SignatureExpiredException) e).dateSigned()).isEqualTo(Instant.ofEpochSecond(T));
  }

  @Test
  void unsign_maxAgeZero_acceptsOnlyTheSameSecond() {
    String token = TIMED.sign("v", T);

    assertThat(TIMED.unsign(token, T, 0).signedAt()).isEqualTo(T);
    assertThatThrownBy(() -> TIMED.unsign(token, T + 1, 0)).isExactlyInstanceOf(SignatureExpiredException.class);
  }

  @Test
  void sign_timestampZero_writesEmptySegmentThatReadsAsZero() {
    String token = TIMED.sign("v", 0);

    assertThat(token).startsWith("v..");
    assertThat(TIMED.unsign(token, 5, 10).signedAt()).isZero();
  }

  @Test
  void encodeTimestamp_boundaries_dropLeadingZeroBytes() {
    assertThat(TimestampSigner.encodeTimestamp(0)).isEmpty();
    assertThat(TimestampSigner.encodeTimestamp(255)).isEqualTo("_w");
    assertThat(TimestampSigner.encodeTimestamp(256)).isEqualTo("AQA");
    assertThat(TimestampSigner.encodeTimestamp(T)).isEqualTo("ZVPxAA");
    assertThat(TimestampSigner.encodeTimestamp(TimestampSigner.MAX_TIMESTAMP)).isEqualTo("Ov_0QX8");
  }

  @Test
  void unsign_leadingZeroByteInTimestamp_tolerated() {
    String token = RAW.sign("v." + Encodings.base64(new byte[] {0, 0x65, 0x53, (byte) 0xf1, 0}));

    assertThat(TIMED.unsign(token, T, 0).signedAt()).isEqualTo(T);
  }

  @Test
  void unsign_validlySignedNineByteTimestamp_malformedTimestamp() {
    String token = RAW.sign("v." + Encodings.base64(new byte[] {0, 0, 0, 0, 0, 0x65, 0x53, (byte) 0xf1, 0}));

    assertThatThrownBy(() -> TIMED.unsign(token, T, 10))
        .isExactlyInstanceOf(BadTimeSignatureException.class).hasMessage("Malformed timestamp");
  }

  @Test
  void unsign_validlySignedUndecodableTimestamp_malformedTimestamp() {
    for (String ts : List.of("Z", "ZVPxAB", "ZVPx+A", "ZVPxAA==")) {
      String token = RAW.sign("v." + ts);
      assertThatThrownBy(() -> TIMED.unsign(token, T, 10)).as(ts)
          .isExactlyInstanceOf(BadTimeSignatureException.class).hasMessage("Malformed timestamp");
    }
  }

  @Test
  void unsign_validlySignedTimestampAfterYear9999_badPayloadNotUncaught() {
    long[] outOfRange = {TimestampSigner.MAX_TIMESTAMP + 1, Long.MAX_VALUE, -1L /* 2^64 - 1 unsigned */};
    for (long ts : outOfRange) {
      String token = RAW.sign("v." + Encodings.base64(bigEndian(ts)));
      assertThatThrownBy(() -> TIMED.unsign(token, T, Long.MAX_VALUE)).as(Long.toUnsignedString(ts))
          .isExactlyInstanceOf(BadPayloadException.class).hasMessageContaining("timestamp out of range");
    }
  }

  @Test
  void unsign_lastSecondOfYear9999_accepted() {
    long max = TimestampSigner.MAX_TIMESTAMP;

    assertThat(TIMED.unsign(TIMED.sign("v", max), max, 0).signedAt()).isEqualTo(max);
  }

  @Test
  void unsign_notValidlySignedOutOfRangeTimestamp_badTimeSignature() {
    String token = "v." + Encodings.base64(bigEndian(-1L)) + ".AAAAAAAAAAAAAAAAAAAAAAAAAAA";

    assertThatThrownBy(() -> TIMED.unsign(token, T, 10)).isExactlyInstanceOf(BadTimeSignatureException.class);
  }

  @Test
  void unsign_validUntimedSignature_timestampMissing() {
    assertThatThrownBy(() -> TIMED.unsign(RAW.sign("v"), T, 10))
        .isExactlyInstanceOf(BadTimeSignatureException.class).hasMessage("timestamp missing");
  }

  @Test
  void unsign_mismatchWithoutTimestampPart_badSignature() {
    assertThatThrownBy(() -> TIMED.unsign("eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA", T, 10))
        .isExactlyInstanceOf(BadSignatureException.class);
  }

  @Test
  void unsign_noSeparator_badSignatureWhateverTheText() {
    // ASCII, non-ASCII and a lone surrogate (which has no UTF-8 form): the same kind and message
    for (String token : List.of("abc", "h\u00e9llo", "a\ud800b")) {
      assertThatThrownBy(() -> TIMED.unsign(token, T, 10))
          .isExactlyInstanceOf(BadSignatureException.class).hasMessage("No '.' found in value");
    }
  }

  @Test
  void unsign_loneSurrogate_failsToVerifyWithTheKindItsDotsGive() {
    assertThatThrownBy(() -> TIMED.unsign("a\ud800b.sig", T, 10))
        .isExactlyInstanceOf(BadSignatureException.class).hasMessage("Signature does not match");
    assertThatThrownBy(() -> TIMED.unsign("a\ud800b.ZVPxAA.sig", T, 10))
        .isExactlyInstanceOf(BadTimeSignatureException.class).hasMessage("Signature does not match");
  }

  @Test
  void unsign_mismatchWithTimestampPart_badTimeSignatureEvenIfExpired() {
    // The signature is checked before the age: a tampered old token is not "expired".
    String token = TIMED.sign("v", T);
    String tampered = "w" + token.substring(1);

    assertThatThrownBy(() -> TIMED.unsign(tampered, T + 1_000_000, 10))
        .isExactlyInstanceOf(BadTimeSignatureException.class).hasMessage("Signature does not match");
  }

  @Test
  void unsign_malformedTimestampIsCheckedBeforeAge() {
    String token = RAW.sign("v." + Encodings.base64(new byte[9]));

    assertThatThrownBy(() -> TIMED.unsign(token, 0, -1)).hasMessage("Malformed timestamp");
  }

  @Test
  void unsign_fallbackKey_reportsItsIndex() {
    Secret old = Secret.fromText("old");
    TimestampSigner rotated =
        TimestampSigner.create(KeyRing.of(KEY, List.of(old, Secret.fromText("older"))), Signing.flask());
    String token = TimestampSigner.create(KeyRing.of(old), Signing.flask()).sign("v", T);

    assertThat(rotated.unsign(token, T, 0)).isEqualTo(new Verified("v", T, 1));
  }

  @Test
  void sign_timestampOutOfRange_rejected() {
    assertThatThrownBy(() -> TIMED.sign("v", -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TIMED.sign("v", TimestampSigner.MAX_TIMESTAMP + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unsign_negativeNow_rejectedAsProgrammingError() {
    assertThatThrownBy(() -> TIMED.unsign(TIMED.sign("v", T), -1, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] bigEndian(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (56 - 8 * i));
    }
    return b;
  }
}
