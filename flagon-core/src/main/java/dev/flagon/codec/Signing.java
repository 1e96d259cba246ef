package dev.flagon.codec;

import java.util.Objects;

/**
 * The signing parameters of a session interface: salt, digest and key derivation. Flask's are
 * {@code cookie-session}, SHA-1 and {@code hmac}. The salt is used as its UTF-8 bytes, as itsdangerous does
 * with a text salt.
 *
 * @param salt the salt, for example {@code cookie-session}
 * @param digest the hash for key derivation and HMAC
 * @param keyDerivation how the signing key is derived from the secret key
 */
public record Signing(String salt, Digest digest, KeyDerivation keyDerivation) {
  private static final Signing FLASK = new Signing("cookie-session", Digest.SHA1, KeyDerivation.HMAC);

  /**
   * @throws NullPointerException if any is null
   * @throws IllegalArgumentException if the salt is not valid Unicode (a lone surrogate)
   */
  public Signing {
    Encodings.utf8(Objects.requireNonNull(salt, "salt"), "salt");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(keyDerivation, "keyDerivation");
  }

  /** Flask's: salt {@code cookie-session}, {@link Digest#SHA1}, {@link KeyDerivation#HMAC}. */
  public static Signing flask() {
    return FLASK;
  }

  /** Custom parameters: the same as the constructor. */
  public static Signing of(String salt, Digest digest, KeyDerivation keyDerivation) {
    return new Signing(salt, digest, keyDerivation);
  }

  /** The signing key for these secret bytes (spec 3.2); a new array the caller owns. */
  byte[] deriveKey(byte[] secret) {
    return keyDerivation.derive(secret, Encodings.utf8(salt, "salt"), digest);
  }

  @Override
  public String toString() {
    return "Signing[salt=" + salt + ", digest=" + digest.flaskName()
        + ", keyDerivation=" + keyDerivation.flaskName() + "]";
  }
}
