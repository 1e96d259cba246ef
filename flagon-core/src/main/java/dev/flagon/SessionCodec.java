package dev.flagon;

import dev.flagon.codec.JweSerializer;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.codec.Verified;
import java.time.Instant;

/**
 * Seals and opens the cookie value in the configured {@link SessionFormat}: Flask's signed token, or a
 * compact JWE; while migrating, signed tokens are still opened (and flagged so the session is re-issued
 * encrypted). Keys are derived once, here. Immutable and thread-safe.
 */
final class SessionCodec {
  /** A verified cookie value: its JSON text, when it was sealed, and why it should be re-issued, if so. */
  record Opened(String json, long sealedAt, int keyIndex, boolean legacyFormat) {}

  private final SessionFormat format;
  private final UrlSafeTimedSerializer signed;
  private final JweSerializer encrypted;

  SessionCodec(FlagonConfig config) {
    this.format = config.sessionFormat();
    this.signed = format == SessionFormat.ENCRYPTED ? null
        : UrlSafeTimedSerializer.create(config.keyRing(), config.signing());
    this.encrypted = format == SessionFormat.SIGNED ? null
        : JweSerializer.create(config.keyRing(), config.cookieName(), config.encryptionCompression());
  }

  /**
   * The cookie value for this JSON text, sealed now; encrypted ones carry {@code exp = now + maxAge} (the
   * lifetime is at most 999999999 days, so this cannot overflow).
   */
  String seal(String json, Instant now, long maxAgeSeconds) {
    long t = now.getEpochSecond();
    return encrypted == null ? signed.dumps(json, t) : encrypted.dumps(json, t, t + maxAgeSeconds);
  }

  /**
   * Verifies a cookie value, then decodes it.
   *
   * @throws dev.flagon.codec.BadSignatureException and subclasses if it does not verify or has expired
   * @throws dev.flagon.codec.BadPayloadException if it verifies but cannot be decoded
   */
  Opened open(String value, long now, long maxAgeSeconds) {
    if (signed == null || (encrypted != null && isCompactJwe(value))) {
      Verified v = encrypted.loads(value, now, maxAgeSeconds);
      return new Opened(v.payload(), v.signedAt(), v.keyIndex(), false);
    }
    Verified v = signed.loads(value, now, maxAgeSeconds);
    return new Opened(v.payload(), v.signedAt(), v.keyIndex(), format != SessionFormat.SIGNED);
  }

  /** A compact JWE has exactly four dots; a Flask token two, or three when compressed. */
  private static boolean isCompactJwe(String value) {
    int dots = 0;
    for (int i = 0; i < value.length() && dots < 5; i++) {
      if (value.charAt(i) == '.') {
        dots++;
      }
    }
    return dots == 4;
  }
}
