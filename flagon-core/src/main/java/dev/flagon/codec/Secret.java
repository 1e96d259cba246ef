package dev.flagon.codec;

/**
 * A secret key, opaque: its bytes never appear in {@code toString}, logs or exception messages, and there
 * is no public getter for them. A text key means its UTF-8 bytes, as in Flask.
 */
public final class Secret {
  /** The UTF-8 bytes of a text key. @throws IllegalArgumentException if null */
  public static Secret fromText(String key) {
    throw new UnsupportedOperationException("TODO");
  }

  /** A copy of raw key bytes. */
  public static Secret fromBytes(byte[] key) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Key bytes written as hex (either case). @throws IllegalArgumentException if not even-length hex */
  public static Secret fromHex(String hex) {
    throw new UnsupportedOperationException("TODO");
  }

  /** 32 random bytes from {@link java.security.SecureRandom}. */
  public static Secret generate() {
    throw new UnsupportedOperationException("TODO");
  }

  /** {@code numBytes} random bytes from {@link java.security.SecureRandom}, as lower-case hex. */
  public static String generateHex(int numBytes) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The key length in bytes. */
  public int length() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Whether the key has no bytes. */
  public boolean isEmpty() {
    return length() == 0;
  }

  /** Redacted: {@code Secret[32 bytes]}. */
  @Override
  public String toString() {
    return "Secret[" + length() + " bytes]";
  }
}
