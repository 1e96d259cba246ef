package dev.flagon.codec;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A secret key, opaque: its bytes never appear in {@code toString}, logs or messages, and no public getter
 * returns them. A text key means its UTF-8 bytes, as in Flask. Not a record (records print their fields),
 * no {@code equals} (a naive comparison would leak timing).
 */
public final class Secret {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] bytes;

  private Secret(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The UTF-8 bytes of a text key. @throws IllegalArgumentException if null or holding a lone surrogate */
  public static Secret fromText(String key) {
    if (key == null) {
      throw new IllegalArgumentException("key text must not be null");
    }
    return new Secret(Encodings.utf8(key, "key text"));
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
      if (!HexFormat.isHexDigit(hex.charAt(i))) {
        throw new IllegalArgumentException("hex key has a non-hex character at index " + i); // not the key
      }
    }
    return new Secret(HexFormat.of().parseHex(hex));
  }

  /** 32 random bytes from {@link SecureRandom}. */
  public static Secret generate() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return new Secret(key);
  }

  /** {@code numBytes} random bytes as lower-case hex. @throws IllegalArgumentException if not positive */
  public static String generateHex(int numBytes) {
    if (numBytes <= 0) {
      throw new IllegalArgumentException("numBytes must be positive, was " + numBytes);
    }
    byte[] key = new byte[numBytes];
    RANDOM.nextBytes(key);
    return HexFormat.of().formatHex(key);
  }

  /** The key length in bytes. */
  public int length() {
    return bytes.length;
  }

  /** Whether the key has no bytes. */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /**
   * Why this key is too weak to sign sessions, or empty: too short, one byte repeated, a placeholder, on the
   * wordlist attackers try first, or made of predictable parts. The reason never shows the key.
   */
  public Optional<String> weakness() {
    return SecretPolicy.load().weakness(bytes); // which only reads them
  }

  /** A copy of the key bytes, for key derivation. */
  byte[] copyBytes() {
    return bytes.clone();
  }

  /** Redacted: {@code Secret[32 bytes]}. */
  @Override
  public String toString() {
    return "Secret[" + length() + " bytes]";
  }
}
