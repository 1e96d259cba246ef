package dev.flagon.encrypted;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), on the JDK's {@code HmacSHA256}: a key derivation function built from
 * a standard MAC, not a cipher of our own. Used only when keys are set up, never per request.
 */
final class Hkdf {
  private static final String HMAC = "HmacSHA256";
  private static final int HASH_LENGTH = 32;

  private Hkdf() {}

  /**
   * {@code HKDF-Expand(HKDF-Extract(salt, ikm), info, length)}; intermediate keys are wiped.
   *
   * @param salt may be empty: RFC 5869 then uses {@value #HASH_LENGTH} zero bytes
   * @param length at most 255 hash lengths (8160 bytes)
   */
  static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
    if (length < 1 || length > 255 * HASH_LENGTH) {
      throw new IllegalArgumentException("HKDF output length must be within [1, 8160], was " + length);
    }
    byte[] prk = mac(salt.length == 0 ? new byte[HASH_LENGTH] : salt).doFinal(ikm);
    try {
      Mac expand = mac(prk);
      byte[] okm = new byte[length];
      byte[] block = new byte[0];
      for (int i = 1, done = 0; done < length; i++) {
        expand.update(block);
        expand.update(info);
        expand.update((byte) i);
        Arrays.fill(block, (byte) 0);
        block = expand.doFinal();
        int n = Math.min(block.length, length - done);
        System.arraycopy(block, 0, okm, done, n);
        done += n;
      }
      Arrays.fill(block, (byte) 0);
      return okm;
    } finally {
      Arrays.fill(prk, (byte) 0);
    }
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC + " is not available in this JDK", e);
    }
  }
}
