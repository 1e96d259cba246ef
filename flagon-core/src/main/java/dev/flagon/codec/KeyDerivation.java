package dev.flagon.codec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/** How the signing key is derived from the secret key and the salt (itsdangerous {@code key_derivation}). */
public enum KeyDerivation {
  /** {@code HMAC(secret, salt)}: Flask's sessions. */
  HMAC,
  /** {@code H(salt + "signer" + secret)}: itsdangerous' own default. */
  DJANGO_CONCAT,
  /** {@code H(salt + secret)}. */
  CONCAT,
  /** The secret key itself. */
  NONE;

  /** The name used in configuration and on the command line, for example {@code django-concat}. */
  public String flaskName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The derivation for a name such as {@code hmac} or {@code django-concat} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static KeyDerivation fromName(String name) {
    for (KeyDerivation k : values()) {
      if (k.flaskName().equalsIgnoreCase(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "Unknown key derivation '" + name + "': expected hmac, django-concat, concat or none");
  }

  /** The derived signing key (itsdangerous {@code Signer.derive_key}); a new array the caller owns. */
  byte[] derive(byte[] secret, byte[] salt, Digest digest) {
    if (this == HMAC) {
      return new Signer.HmacKey(digest, secret).mac(salt, salt.length);
    }
    if (this == NONE) {
      return secret.clone();
    }
    MessageDigest md = digest.newMessageDigest();
    md.update(salt);
    if (this == DJANGO_CONCAT) {
      md.update("signer".getBytes(StandardCharsets.US_ASCII));
    }
    md.update(secret);
    return md.digest();
  }
}
