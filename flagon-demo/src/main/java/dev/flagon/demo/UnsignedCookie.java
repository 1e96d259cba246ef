package dev.flagon.demo;

import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.json.TaggedJson;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * What anyone holding a session cookie can read without the secret key: the payload, which is only
 * base64-encoded (and maybe zlib-compressed), and the time it was signed. Signing stops changes, not reading.
 */
final class UnsignedCookie {
  private final String json;
  private final Object value;
  private final Instant signedAt;

  private UnsignedCookie(String json, Object value, Instant signedAt) {
    this.json = json;
    this.value = value;
    this.signedAt = signedAt;
  }

  /**
   * Decodes a session cookie's value without verifying it. Anyone can send this, so it is read within the
   * same bounds as a verified cookie: the inflate cap and a budget of values for the cookie's length.
   *
   * @throws dev.flagon.codec.BadDataException if the value is too long or its payload cannot be decoded
   * @throws dev.flagon.json.TaggedJsonException if it is not tagged JSON or exceeds a decoding limit
   */
  static UnsignedCookie decode(String cookieValue, TaggedJson taggedJson) {
    String json = UrlSafeTimedSerializer.decodeUnverified(cookieValue);
    return new UnsignedCookie(json, taggedJson.loads(json, cookieValue.length()), timestamp(cookieValue));
  }

  /** The payload's JSON text, tags included, exactly as in the cookie. */
  String json() {
    return json;
  }

  /** The payload as Flagon reads it (tags resolved), usually a map of the session's keys. */
  Object value() {
    return value;
  }

  /** When the cookie was signed, if the timestamp part is readable. */
  Optional<Instant> signedAt() {
    return Optional.ofNullable(signedAt);
  }

  // The token is payload.timestamp.signature; the timestamp is a big-endian integer in base64url.
  private static Instant timestamp(String token) {
    int signatureDot = token.lastIndexOf('.');
    int timestampDot = signatureDot > 0 ? token.lastIndexOf('.', signatureDot - 1) : -1;
    if (timestampDot < 0) {
      return null;
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(token.substring(timestampDot + 1, signatureDot));
      if (bytes.length == 0 || bytes.length > 7) {
        return null;
      }
      long seconds = 0;
      for (byte b : bytes) {
        seconds = seconds << 8 | (b & 0xff);
      }
      return Instant.ofEpochSecond(seconds);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
