package dev.flagon.codec;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One HMAC key, set up once. Immutable and thread-safe: every call works on a clone of an initialized
 * prototype {@link Mac}, which copies the precomputed inner and outer digest states instead of repeating
 * the provider lookup and key schedule ({@code Mac.getInstance} + {@code init}). The prototype is never
 * updated, so concurrent clones only read it. Unlike a {@code ThreadLocal}, this keeps nothing alive in
 * pooled threads after the signer is gone.
 */
final class HmacKey {
  private final Digest digest;
  private final SecretKeySpec keySpec;
  private final Mac prototype;

  /** @param key the raw HMAC key; copied, may be empty */
  HmacKey(Digest digest, byte[] key) {
    this.digest = digest;
    // SecretKeySpec rejects an empty key, which Python's hmac accepts. RFC 2104 zero-pads any key shorter
    // than the hash block, so the empty key and a single zero byte give the same MAC.
    this.keySpec = new SecretKeySpec(key.length == 0 ? new byte[1] : key, digest.hmacName());
    this.prototype = newMac();
  }

  /** HMAC of {@code message}. */
  byte[] mac(byte[] message) {
    return fresh().doFinal(message);
  }

  /** Whether {@code expected} is the HMAC of {@code message}, compared in constant time. */
  boolean verify(byte[] message, byte[] expected) {
    return MessageDigest.isEqual(mac(message), expected);
  }

  private Mac fresh() {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return newMac(); // a provider without clone support: correct, only slower
    }
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(digest.hmacName());
      mac.init(keySpec);
      return mac;
    } catch (GeneralSecurityException e) {
      // The message names the algorithm only, never the key.
      throw new IllegalStateException(digest.hmacName() + " is not available in this JDK", e);
    }
  }
}
