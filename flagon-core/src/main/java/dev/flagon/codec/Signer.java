package dev.flagon.codec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * itsdangerous' {@code Signer}: {@code value + "." + base64url(HMAC(derived key, value))}.
 *
 * <p>Signs with the current key; verifies with the current key, then the fallbacks newest first, comparing
 * raw digests in constant time. Keys are derived once, at creation. Signatures must be canonical base64url:
 * the variants Python's lenient decoder also accepts (spec 3.6) are rejected. Immutable and thread-safe.
 */
public final class Signer {
  /**
   * Longest token accepted, in characters. A Flagon limit (itsdangerous has none): browsers keep cookies
   * of about 4 KiB, so anything this long is refused before any work is done on it.
   */
  static final int MAX_TOKEN_LENGTH = 64 * 1024;

  private final HmacKey signingKey;
  /** Keys in verification order: the current key, then the fallbacks newest first. */
  private final HmacKey[] verifyKeys;
  /** {@link Verified#keyIndex()} of each entry of {@link #verifyKeys}. */
  private final int[] keyIndexes;

  private Signer(HmacKey[] verifyKeys, int[] keyIndexes) {
    this.signingKey = verifyKeys[0];
    this.verifyKeys = verifyKeys;
    this.keyIndexes = keyIndexes;
  }

  /**
   * A signer for these keys, derived once here.
   *
   * @param keys the current key (may be empty, as in itsdangerous) and the fallbacks
   * @param signing salt, digest and key derivation
   * @throws NullPointerException if an argument is null
   */
  public static Signer create(KeyRing keys, Signing signing) {
    Objects.requireNonNull(signing, "signing");
    List<HmacKey> derived = keys.derive(secret -> hmacKey(secret, signing));
    int[] indexes = new int[derived.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = keys.keyIndex(i);
    }
    return new Signer(derived.toArray(new HmacKey[0]), indexes);
  }

  private static HmacKey hmacKey(byte[] secret, Signing signing) {
    byte[] derived = signing.deriveKey(secret);
    try {
      return new HmacKey(signing.digest(), derived);
    } finally {
      Arrays.fill(derived, (byte) 0); // HmacKey keeps its own copy
    }
  }

  /**
   * {@code value + "." + signature}, signed with the current key.
   *
   * @throws IllegalArgumentException if {@code value} is not valid Unicode (a lone surrogate)
   */
  public String sign(String value) {
    byte[] bytes = Utf8.encode(value, "value");
    byte[] token = Arrays.copyOf(bytes, bytes.length + signatureLength());
    appendSignature(token, bytes.length);
    return new String(token, StandardCharsets.UTF_8);
  }

  /** The characters a signature adds to a value: the {@code .} and the base64url MAC. */
  int signatureLength() {
    return 1 + Base64Url.encodedLength(signingKey.length());
  }

  /**
   * Signs {@code token[0, valueEnd)} with the current key, writing {@code "." + signature} at
   * {@code valueEnd} ({@link #signatureLength()} bytes).
   */
  void appendSignature(byte[] token, int valueEnd) {
    byte[] mac = new byte[signingKey.length()];
    signingKey.mac(token, 0, valueEnd, mac, 0);
    token[valueEnd] = '.';
    Base64Url.encode(mac, 0, mac.length, token, valueEnd + 1);
  }

  /**
   * The value of a signed token (everything before its last {@code .}).
   *
   * @throws BadSignatureException if the token has no {@code .}, is longer than 64 KiB, or no key
   *     verifies its signature
   */
  public String unsign(String token) {
    int dot = lastSeparator(token);
    if (verify(token) < 0) {
      throw new BadSignatureException("Signature does not match");
    }
    return token.substring(0, dot);
  }

  /**
   * The index of the last {@code .} of a token, after the length cap (itsdangerous' first check).
   *
   * @throws BadSignatureException if the token is too long or has no {@code .}
   */
  static int lastSeparator(String token) {
    checkLength(token);
    int dot = token.lastIndexOf('.');
    if (dot < 0) {
      throw new BadSignatureException("No '.' found in value");
    }
    return dot;
  }

  /** @throws BadSignatureException if the token is longer than 64 KiB (a Flagon limit; itsdangerous has none) */
  static void checkLength(String token) {
    Objects.requireNonNull(token, "token");
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new BadSignatureException("value too long (over " + MAX_TOKEN_LENGTH + " characters, a Flagon limit)");
    }
  }

  /**
   * The {@link Verified#keyIndex()} of the first key whose signature (after the last {@code .}) matches the
   * value before it, or -1. A signature that is not canonical base64url, or a value Python could
   * not encode, simply fails to verify.
   */
  int verify(String token) {
    byte[] bytes = Utf8.encodeOrNull(token); // UTF-8 keeps '.' where it was, in byte terms
    return bytes == null ? -1 : verify(bytes, lastByte(bytes, '.', bytes.length - 1));
  }

  /**
   * {@link #verify(String)} over the UTF-8 bytes of a token, {@code dot} being the byte index of its
   * last {@code .}. The signature is decoded in place, and only if it has the one length a canonical
   * encoding of this digest's MAC has: every other length fails to verify anyway.
   */
  int verify(byte[] token, int dot) {
    int macLength = signingKey.length();
    if (token.length - dot - 1 != Base64Url.encodedLength(macLength)) {
      return -1;
    }
    byte[] expected = new byte[macLength];
    if (!Base64Url.decode(token, dot + 1, token.length, expected, 0)) {
      return -1;
    }
    byte[] actual = new byte[macLength];
    for (int i = 0; i < verifyKeys.length; i++) {
      verifyKeys[i].mac(token, 0, dot, actual, 0);
      if (MessageDigest.isEqual(actual, expected)) {
        return keyIndexes[i];
      }
    }
    return -1;
  }

  /** The index of the last {@code c} in {@code bytes[0, from]}, or -1. */
  static int lastByte(byte[] bytes, char c, int from) {
    for (int i = from; i >= 0; i--) {
      if (bytes[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
