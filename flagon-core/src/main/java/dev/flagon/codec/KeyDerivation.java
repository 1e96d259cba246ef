package dev.flagon.codec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

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

  private static final byte[] SIGNER = "signer".getBytes(StandardCharsets.US_ASCII);

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
    for (KeyDerivation k : values()) {
      if (k.flaskName.equalsIgnoreCase(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "Unknown key derivation '" + name + "': expected hmac, django-concat, concat or none");
  }

  /** The derived signing key (itsdangerous {@code Signer.derive_key}); a new array the caller owns. */
  byte[] derive(byte[] secret, byte[] salt, Digest digest) {
    switch (this) {
      case HMAC:
        return new Signer.HmacKey(digest, secret).mac(salt);
      case DJANGO_CONCAT: {
        MessageDigest md = digest.newMessageDigest();
        md.update(salt);
        md.update(SIGNER);
        md.update(secret);
        return md.digest();
      }
      case CONCAT: {
        MessageDigest md = digest.newMessageDigest();
        md.update(salt);
        md.update(secret);
        return md.digest();
      }
      case NONE:
        return secret.clone();
      default:
        throw new AssertionError(this);
    }
  }
}
