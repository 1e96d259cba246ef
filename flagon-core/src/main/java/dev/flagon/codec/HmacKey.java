package dev.flagon.codec;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One HMAC key, set up once; immutable and thread-safe. A call borrows an initialized {@link Mac} from a
 * {@link Pool} owned by this key and gives it back ({@code doFinal} resets it), so the hot path neither
 * clones an engine (~800 bytes) per call nor leaves key material in every thread as a {@code ThreadLocal}
 * would. A miss clones the prototype, which is never used itself.
 */
final class HmacKey {
  private final SecretKeySpec keySpec;
  private final Mac prototype;
  private final Pool<Mac> engines = new Pool<>();

  /** @param key the raw HMAC key; copied, may be empty */
  HmacKey(Digest digest, byte[] key) {
    // SecretKeySpec rejects an empty key, which Python's hmac accepts; RFC 2104 zero-pads short keys, so the
    // empty key and a single zero byte give the same MAC.
    keySpec = new SecretKeySpec(key.length == 0 ? new byte[1] : key, digest.hmacName());
    prototype = newMac();
  }

  /** HMAC of {@code message}. */
  byte[] mac(byte[] message) {
    Mac mac = engines.poll();
    if (mac == null) {
      try {
        mac = (Mac) prototype.clone();
      } catch (CloneNotSupportedException e) {
        mac = newMac(); // a provider without clone support: correct, only slower
      }
    }
    byte[] result = mac.doFinal(message);
    engines.offer(mac); // not reached on failure: a failed engine is dropped
    return result;
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(keySpec.getAlgorithm());
      mac.init(keySpec);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(keySpec.getAlgorithm() + " is not available in this JDK", e); // not the key
    }
  }
}
