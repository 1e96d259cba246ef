package dev.flagon.codec;

/** How the signing key is derived from the secret key and the salt (itsdangerous {@code key_derivation}). */
public enum KeyDerivation {
  /** {@code HMAC(secret, salt)}: Flask's sessions. */
  HMAC("hmac"),
  /** {@code H(salt + "signer" + secret)}: itsdangerous' own default. */
  DJANGO_CONCAT("django-concat"),
  /** {@code H(salt + secret)}. */
  CONCAT("concat"),
  /** The secret key itself. */
  NONE("none");

  private final String flaskName;

  KeyDerivation(String flaskName) {
    this.flaskName = flaskName;
  }

  /** The name used in configuration and on the command line, for example {@code django-concat}. */
  public String flaskName() {
    return flaskName;
  }

  /**
   * The derivation for a name such as {@code hmac} or {@code django-concat} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static KeyDerivation fromName(String name) {
    throw new UnsupportedOperationException("TODO");
  }
}
