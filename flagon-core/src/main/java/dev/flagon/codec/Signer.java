package dev.flagon.codec;

import dev.flagon.codec.Signing.Digest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies a value without a time, as itsdangerous' {@code Signer} (Flask-Session's signed ids):
 * {@code value + "." + base64url(HMAC(derived key, value))}. Signs with the current key; verifies with it,
 * then the fallbacks newest first, comparing raw digests in constant time. Keys are derived once. Only
 * canonical base64url signatures verify (Python's decoder also accepts variants, spec 3.6). Thread-safe.
 */
public final class Signer {
  /** Longest token accepted: a Flagon limit (itsdangerous has none); browsers keep cookies of about 4 KiB. */
  static final int MAX_TOKEN_LENGTH = 64 * 1024;

  /** In verification order: the current key, then the fallbacks newest first. */
  private final List<HmacKey> keys;
  private final KeyRing ring;

  private Signer(List<HmacKey> keys, KeyRing ring) {
    this.keys = keys;
    this.ring = ring;
  }

  /** A signer for these keys (the current one may be empty, as in itsdangerous), derived once here. */
  public static Signer create(KeyRing keys, Signing signing) {
    Objects.requireNonNull(signing, "signing");
    return new Signer(keys.derive(secret -> new HmacKey(signing.digest(), signing.deriveKey(secret))), keys);
  }

  /** {@code value + "." + signature}, with the current key. @throws IllegalArgumentException if a lone surrogate */
  public String sign(String value) {
    byte[] bytes = Encodings.utf8(value, "value");
    byte[] token = Arrays.copyOf(bytes, bytes.length + signatureLength());
    appendSignature(token, bytes.length);
    return new String(token, StandardCharsets.UTF_8);
  }

  /** The bytes a signature adds to a value: the {@code .} and the base64url MAC. */
  int signatureLength() {
    return 1 + Encodings.base64Length(keys.get(0).length());
  }

  /** Signs {@code token[0, valueEnd)}, writing {@code "." + signature} at {@code valueEnd}. */
  void appendSignature(byte[] token, int valueEnd) {
    token[valueEnd] = '.';
    Encodings.base64(keys.get(0).mac(token, valueEnd), token, valueEnd + 1);
  }

  /**
   * The value of a signed token (everything before its last {@code .}).
   *
   * @throws BadSignatureException if the token has no {@code .}, is over 64 KiB, or no key verifies it
   */
  public String unsign(String token) {
    int dot = lastSeparator(token);
    byte[] bytes = Encodings.utf8OrNull(token); // UTF-8 keeps every '.' as the one byte it is
    if (bytes == null || verify(bytes, lastDot(bytes, bytes.length)) < 0) {
      throw new BadSignatureException("Signature does not match");
    }
    return token.substring(0, dot);
  }

  /** The index of a token's last {@code .}, after the length cap. @throws BadSignatureException if none */
  static int lastSeparator(String token) {
    Objects.requireNonNull(token, "token");
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new BadSignatureException("value too long (over " + MAX_TOKEN_LENGTH + " characters, a Flagon limit)");
    }
    int dot = token.lastIndexOf('.');
    if (dot < 0) {
      throw new BadSignatureException("No '.' found in value");
    }
    return dot;
  }

  /** The index of the last {@code .} in {@code bytes[0, end)}, or -1. */
  static int lastDot(byte[] bytes, int end) {
    int i = end - 1;
    while (i >= 0 && bytes[i] != '.') {
      i--;
    }
    return i;
  }

  /**
   * The {@link Verified#keyIndex()} of the first key whose signature of {@code token[0, dot)} is the
   * signature after {@code dot}, or -1. Only a canonical base64url MAC of the right length can verify.
   */
  int verify(byte[] token, int dot) {
    byte[] expected = new byte[keys.get(0).length()];
    if (token.length - dot - 1 != Encodings.base64Length(expected.length)
        || !Encodings.unbase64(token, dot + 1, token.length, expected)) {
      return -1;
    }
    for (int i = 0; i < keys.size(); i++) {
      if (MessageDigest.isEqual(keys.get(i).mac(token, dot), expected)) {
        return ring.keyIndex(i);
      }
    }
    return -1;
  }

  /**
   * One HMAC key, set up once; thread-safe. A call borrows an initialized {@link Mac} from this key's
   * {@link Pool} ({@code doFinal} resets it): no engine clone (~800 bytes) per call, no key material left in
   * every thread as with a {@code ThreadLocal}. A miss clones the prototype, which is never used itself.
   */
  static final class HmacKey {
    private final SecretKeySpec keySpec;
    private final Mac prototype;
    private final Pool<Mac> engines = new Pool<>();

    /** @param key the raw HMAC key, may be empty; wiped once copied */
    HmacKey(Digest digest, byte[] key) {
      // SecretKeySpec rejects an empty key, which Python's hmac accepts; RFC 2104 zero-pads short keys, so the
      // empty key and a single zero byte give the same MAC.
      keySpec = new SecretKeySpec(key.length == 0 ? new byte[1] : key, digest.hmacName());
      Arrays.fill(key, (byte) 0);
      prototype = newMac();
    }

    int length() {
      return prototype.getMacLength();
    }

    /** HMAC of {@code message[0, length)}. */
    byte[] mac(byte[] message, int length) {
      Mac mac = engines.poll();
      if (mac == null) {
        try {
          mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
          mac = newMac(); // a provider without clone support: correct, only slower
        }
      }
      mac.update(message, 0, length);
      byte[] result = mac.doFinal();
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
}
