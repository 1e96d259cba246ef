package dev.flagon.codec;

/**
 * itsdangerous' {@code URLSafeTimedSerializer} as Flask configures it, over JSON text:
 * {@code [.]base64url(payload).base64url(timestamp).base64url(HMAC)}. Keys are derived once, at creation.
 * Signs with the current key, verifies with the current key then the fallbacks. Immutable and thread-safe.
 *
 * <p>Parsing the JSON text is the caller's job (Flask's tagged JSON); the caller wraps its parse errors in a
 * {@link BadPayloadException}.
 */
public final class UrlSafeTimedSerializer {
  private final TimestampSigner signer;

  private UrlSafeTimedSerializer(TimestampSigner signer) {
    this.signer = signer;
  }

  /**
   * A serializer for these keys, derived once here.
   *
   * @param keys the current key and the fallbacks
   * @param signing salt, digest and key derivation
   * @throws NullPointerException if an argument is null
   */
  public static UrlSafeTimedSerializer create(KeyRing keys, Signing signing) {
    return new UrlSafeTimedSerializer(TimestampSigner.create(keys, signing));
  }

  /**
   * The signed token for this JSON text at this time: the payload is zlib-compressed (level 6) when that
   * saves at least two bytes.
   *
   * @throws IllegalArgumentException if the timestamp is outside [0, 253402300799] or the text is not
   *     valid Unicode (a lone surrogate)
   */
  public String dumps(String json, long timestampEpochSeconds) {
    byte[] raw = Utf8.encode(json, "JSON text");
    byte[] compressed = Payload.compressIfSmaller(raw);
    return compressed == null
        ? signer.signPayload(raw, false, timestampEpochSeconds)
        : signer.signPayload(compressed, true, timestampEpochSeconds);
  }

  /**
   * Verifies a token and returns its payload. Nothing is decoded before the signature and age are checked;
   * tokens over 64 KiB and payloads inflating beyond 512 KiB are refused (Flagon limits).
   *
   * @param nowEpochSeconds the current time
   * @param maxAgeSeconds the largest accepted age (inclusive); a negative age (a future timestamp) is
   *     rejected too
   * @throws BadSignatureException and its subclasses if the token is not validly signed or too old
   * @throws BadPayloadException if it is validly signed but the payload cannot be decoded
   */
  public Verified loads(String token, long nowEpochSeconds, long maxAgeSeconds) {
    return signer.unsign(token, nowEpochSeconds, maxAgeSeconds, (bytes, end) -> Payload.decode(bytes, 0, end));
  }

  /**
   * Decodes a token's payload without verifying anything: what anyone holding the cookie can read.
   *
   * @throws BadSignatureException if the token is too long or lacks the timestamp and signature parts
   * @throws BadPayloadException if the payload cannot be decoded
   */
  public static String decodeUnverified(String token) {
    int sigDot = Signer.lastSeparator(token);
    int tsDot = token.lastIndexOf('.', sigDot - 1);
    if (tsDot < 0) {
      throw new BadSignatureException("No timestamp and signature parts found in value");
    }
    return Payload.decode(token.substring(0, tsDot));
  }
}
