package dev.flagon.codec;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * One HMAC key, set up once. Immutable and thread-safe. Engines come from a small {@link Pool} owned by this
 * key: a call borrows an initialized {@link Mac}, uses it and gives it back, so the hot path neither
 * allocates (a fresh clone of a prototype costs ~800 bytes and a copy of the digest states per call) nor
 * keeps one engine per thread (a {@code ThreadLocal} would leave key material in every pooled thread after
 * the signer is gone). The pool never holds more than a few engines, and they die with this key. A miss
 * (every engine busy) clones the initialized prototype, which is never used itself, so concurrent clones
 * only read it. {@code doFinal} resets an engine, so a returned one is ready for the next message; one
 * that failed is dropped.
 */
final class HmacKey {
  private final Digest digest;
  private final SecretKeySpec keySpec;
  private final Mac prototype;
  private final Pool<Mac> engines = new Pool<>();

  /** @param key the raw HMAC key; copied, may be empty */
  HmacKey(Digest digest, byte[] key) {
    this.digest = digest;
    // SecretKeySpec rejects an empty key, which Python's hmac accepts. RFC 2104 zero-pads any key shorter
    // than the hash block, so the empty key and a single zero byte give the same MAC.
    this.keySpec = new SecretKeySpec(key.length == 0 ? new byte[1] : key, digest.hmacName());
    this.prototype = newMac();
  }

  /** The MAC's length in bytes. */
  int length() {
    return prototype.getMacLength();
  }

  /** HMAC of {@code message}. */
  byte[] mac(byte[] message) {
    byte[] out = new byte[length()];
    mac(message, 0, message.length, out, 0);
    return out;
  }

  /** HMAC of {@code message[from, to)} written into {@code out} at {@code outOffset}. */
  void mac(byte[] message, int from, int to, byte[] out, int outOffset) {
    Mac mac = borrow();
    try {
      mac.update(message, from, to - from);
      mac.doFinal(out, outOffset);
    } catch (ShortBufferException e) {
      throw new IllegalArgumentException("no room for the MAC", e);
    }
    engines.offer(mac); // not reached on failure: a failed engine is dropped
  }

  private Mac borrow() {
    Mac mac = engines.poll();
    if (mac != null) {
      return mac;
    }
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
