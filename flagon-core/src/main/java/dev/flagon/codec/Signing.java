package dev.flagon.codec;

import java.util.Objects;

/**
 * The signing parameters of a session interface: salt, digest and key derivation. Flask's are
 * {@code cookie-session}, SHA-1 and {@code hmac}. Immutable.
 */
public final class Signing {
  private static final Signing FLASK = new Signing("cookie-session", Digest.SHA1, KeyDerivation.HMAC);

  private final String salt;
  private final byte[] saltBytes;
  private final Digest digest;
  private final KeyDerivation keyDerivation;

  private Signing(String salt, Digest digest, KeyDerivation keyDerivation) {
    this.salt = salt;
    this.saltBytes = Encodings.utf8(salt, "salt");
    this.digest = digest;
    this.keyDerivation = keyDerivation;
  }

  /** Flask's: salt {@code cookie-session}, {@link Digest#SHA1}, {@link KeyDerivation#HMAC}. */
  public static Signing flask() {
    return FLASK;
  }

  /**
   * Custom parameters. The salt is used as its UTF-8 bytes, as itsdangerous does with a text salt.
   *
   * @throws NullPointerException if any is null
   * @throws IllegalArgumentException if the salt is not valid Unicode (a lone surrogate)
   */
  public static Signing of(String salt, Digest digest, KeyDerivation keyDerivation) {
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(keyDerivation, "keyDerivation");
    return new Signing(salt, digest, keyDerivation);
  }

  /** The salt, for example {@code cookie-session}. */
  public String salt() {
    return salt;
  }

  /** The hash for key derivation and HMAC. */
  public Digest digest() {
    return digest;
  }

  /** How the signing key is derived from the secret key. */
  public KeyDerivation keyDerivation() {
    return keyDerivation;
  }

  /** The signing key for these secret bytes (spec 3.2); a new array the caller owns. */
  byte[] deriveKey(byte[] secret) {
    return keyDerivation.derive(secret, saltBytes, digest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signing
        && ((Signing) o).salt.equals(salt)
        && ((Signing) o).digest == digest
        && ((Signing) o).keyDerivation == keyDerivation;
  }

  @Override
  public int hashCode() {
    return Objects.hash(salt, digest, keyDerivation);
  }

  @Override
  public String toString() {
    return "Signing[salt=" + salt + ", digest=" + digest.flaskName()
        + ", keyDerivation=" + keyDerivation.flaskName() + "]";
  }
}
