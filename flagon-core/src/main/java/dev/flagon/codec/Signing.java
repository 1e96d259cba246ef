package dev.flagon.codec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
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

  /** @throws NullPointerException if any is null, IllegalArgumentException if the salt has a lone surrogate */
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

  /** The signing key for these secret bytes (itsdangerous {@code Signer.derive_key}); a new array. */
  byte[] deriveKey(byte[] secret) {
    byte[] salt = Encodings.utf8(this.salt, "salt");
    if (keyDerivation == KeyDerivation.HMAC) {
      return new Signer.HmacKey(digest, secret.clone()).mac(salt, salt.length);
    }
    if (keyDerivation == KeyDerivation.NONE) {
      return secret.clone();
    }
    MessageDigest md = digest.newMessageDigest();
    md.update(salt);
    if (keyDerivation == KeyDerivation.DJANGO_CONCAT) {
      md.update("signer".getBytes(StandardCharsets.US_ASCII));
    }
    md.update(secret);
    return md.digest();
  }

  @Override
  public String toString() {
    return "Signing[salt=" + salt + ", digest=" + digest.flaskName()
        + ", keyDerivation=" + keyDerivation.flaskName() + "]";
  }

  /** The hash used for key derivation and HMAC. Flask uses {@link #SHA1}. */
  public enum Digest {
    SHA1, SHA256, SHA384, SHA512;

    /** The lower-case name used in configuration and on the command line, for example {@code sha1}. */
    public String flaskName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The digest named {@code sha1}, {@code SHA-256} ... (any case). @throws IllegalArgumentException if unknown */
    public static Digest fromName(String name) {
      return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(name) || d.jcaName().equalsIgnoreCase(name))
          .findFirst().orElseThrow(() -> new IllegalArgumentException("Unknown digest '" + name
              + "': expected sha1, sha256, sha384 or sha512 (or SHA-1, SHA-256, SHA-384, SHA-512; case-insensitive)"));
    }

    private String jcaName() {
      return "SHA-" + name().substring(3);
    }

    String hmacName() {
      return "Hmac" + name();
    }

    /** A new JCA message digest; every JDK ships these four, so a missing one is a broken runtime. */
    MessageDigest newMessageDigest() {
      try {
        return MessageDigest.getInstance(jcaName());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(jcaName() + " is not available in this JDK", e);
      }
    }
  }

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

    /** The derivation named {@code hmac}, {@code django-concat} ... @throws IllegalArgumentException if unknown */
    public static KeyDerivation fromName(String name) {
      return Arrays.stream(values()).filter(k -> k.flaskName().equalsIgnoreCase(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("Unknown key derivation '" + name
              + "': expected hmac, django-concat, concat or none"));
    }
  }
}
