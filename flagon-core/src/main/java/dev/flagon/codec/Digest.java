package dev.flagon.codec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** The hash used for key derivation and HMAC. Flask uses {@link #SHA1}. */
public enum Digest {
  SHA1, SHA256, SHA384, SHA512;

  /** The lower-case name used in configuration and on the command line, for example {@code sha1}. */
  public String flaskName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The digest for a name such as {@code sha1}, {@code SHA-256} or {@code sha512} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Digest fromName(String name) {
    for (Digest d : values()) {
      if (d.name().equalsIgnoreCase(name) || d.jcaName().equalsIgnoreCase(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("Unknown digest '" + name + "': expected sha1, sha256, sha384 or sha512"
        + " (or SHA-1, SHA-256, SHA-384, SHA-512; case-insensitive)");
  }

  private String jcaName() {
    return "SHA-" + name().substring(3);
  }

  /** The JCA {@code Mac} algorithm name, for example {@code HmacSHA1}. */
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
