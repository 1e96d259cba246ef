package dev.flagon.codec;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A secret key, opaque: its bytes never appear in {@code toString}, logs or exception messages, and there
 * is no public getter for them. A text key means its UTF-8 bytes, as in Flask.
 *
 * <p>Deliberately not a record (records print their fields) and without {@code equals}: nothing needs to
 * compare keys, and a naive comparison would leak timing.
 */
public final class Secret {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] bytes;

  private Secret(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The UTF-8 bytes of a text key.
   *
   * @throws IllegalArgumentException if null or not valid Unicode (a lone surrogate, which Python cannot
   *     encode either)
   */
  public static Secret fromText(String key) {
    if (key == null) {
      throw new IllegalArgumentException("key text must not be null");
    }
    return new Secret(Utf8.encode(key, "key text"));
  }

  /** A copy of raw key bytes. @throws IllegalArgumentException if null */
  public static Secret fromBytes(byte[] key) {
    if (key == null) {
      throw new IllegalArgumentException("key bytes must not be null");
    }
    return new Secret(key.clone());
  }

  /** Key bytes written as hex (either case). @throws IllegalArgumentException if not even-length hex */
  public static Secret fromHex(String hex) {
    if (hex == null) {
      throw new IllegalArgumentException("hex key must not be null");
    }
    if (hex.length() % 2 != 0) {
      throw new IllegalArgumentException("hex key must have an even number of digits, has " + hex.length());
    }
    for (int i = 0; i < hex.length(); i++) {
      if (!isHexDigit(hex.charAt(i))) {
        // The position only: the text is (part of) a key.
        throw new IllegalArgumentException("hex key has a non-hex character at index " + i);
      }
    }
    return new Secret(HexFormat.of().parseHex(hex));
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** 32 random bytes from {@link java.security.SecureRandom}. */
  public static Secret generate() {
    return new Secret(randomBytes(32));
  }

  /**
   * {@code numBytes} random bytes from {@link java.security.SecureRandom}, as lower-case hex.
   *
   * @throws IllegalArgumentException if {@code numBytes} is not positive
   */
  public static String generateHex(int numBytes) {
    if (numBytes <= 0) {
      throw new IllegalArgumentException("numBytes must be positive, was " + numBytes);
    }
    return HexFormat.of().formatHex(randomBytes(numBytes));
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /** The key length in bytes. */
  public int length() {
    return bytes.length;
  }

  /** Whether the key has no bytes. */
  public boolean isEmpty() {
    return length() == 0;
  }

  /** A copy of the key bytes, for key derivation inside this package only. */
  byte[] copyBytes() {
    return bytes.clone();
  }

  /** Redacted: {@code Secret[32 bytes]}. */
  @Override
  public String toString() {
    return "Secret[" + length() + " bytes]";
  }
}
