package dev.flagon.codec;

/**
 * The signing parameters of a session interface: salt, digest and key derivation. Flask's are
 * {@code cookie-session}, SHA-1 and {@code hmac}. Immutable.
 */
public final class Signing {
  /** Flask's: salt {@code cookie-session}, {@link Digest#SHA1}, {@link KeyDerivation#HMAC}. */
  public static Signing flask() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Custom parameters. @throws NullPointerException if any is null */
  public static Signing of(String salt, Digest digest, KeyDerivation keyDerivation) {
    throw new UnsupportedOperationException("TODO");
  }

  public String salt() {
    throw new UnsupportedOperationException("TODO");
  }

  public Digest digest() {
    throw new UnsupportedOperationException("TODO");
  }

  public KeyDerivation keyDerivation() {
    throw new UnsupportedOperationException("TODO");
  }
}
