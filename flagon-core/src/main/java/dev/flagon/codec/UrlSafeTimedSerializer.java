package dev.flagon.codec;

import java.util.List;

/**
 * itsdangerous' {@code URLSafeTimedSerializer} as Flask configures it, over JSON text:
 * {@code [.]base64url(payload).base64url(timestamp).base64url(HMAC)}. Keys are derived once, at creation.
 * Signs with the current key, verifies with the current key then the fallbacks. Immutable and thread-safe.
 */
public final class UrlSafeTimedSerializer {
  /**
   * @param current the key new values are signed with ({@code SECRET_KEY})
   * @param fallbacks older keys still accepted, in {@code SECRET_KEY_FALLBACKS} order (the newest last)
   * @param signing salt, digest and key derivation
   */
  public static UrlSafeTimedSerializer create(Secret current, List<Secret> fallbacks, Signing signing) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The signed token for this JSON text at this time: the payload is zlib-compressed (level 6) when that
   * saves at least two bytes.
   */
  public String dumps(String json, long timestampEpochSeconds) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Verifies a token and returns its payload.
   *
   * @param nowEpochSeconds the current time
   * @param maxAgeSeconds the largest accepted age (inclusive); a negative age (a future timestamp) is
   *     rejected too
   * @throws BadSignatureException and its subclasses if the token is not validly signed or too old
   * @throws BadPayloadException if it is validly signed but the payload cannot be decoded
   */
  public Verified loads(String token, long nowEpochSeconds, long maxAgeSeconds) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Decodes a token's payload without verifying anything: what anyone holding the cookie can read.
   *
   * @throws BadPayloadException if the payload cannot be decoded
   */
  public static String decodeUnverified(String token) {
    throw new UnsupportedOperationException("TODO");
  }
}
