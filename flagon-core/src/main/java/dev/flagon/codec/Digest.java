package dev.flagon.codec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The hash used for key derivation and HMAC. Flask uses {@link #SHA1}. */
public enum Digest {
  SHA1("sha1", "SHA-1", "HmacSHA1"),
  SHA256("sha256", "SHA-256", "HmacSHA256"),
  SHA384("sha384", "SHA-384", "HmacSHA384"),
  SHA512("sha512", "SHA-512", "HmacSHA512");

  private final String flaskName;
  private final String jcaName;
  private final String hmacName;

  Digest(String flaskName, String jcaName, String hmacName) {
    this.flaskName = flaskName;
    this.jcaName = jcaName;
    this.hmacName = hmacName;
  }

  /** The lower-case name used in configuration and on the command line, for example {@code sha1}. */
  public String flaskName() {
    return flaskName;
  }

  /**
   * The digest for a name such as {@code sha1}, {@code SHA-256} or {@code sha512} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Digest fromName(String name) {
    for (Digest d : values()) {
      if (d.flaskName.equalsIgnoreCase(name) || d.jcaName.equalsIgnoreCase(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "Unknown digest '" + name + "': expected sha1, sha256, sha384 or sha512"
            + " (or SHA-1, SHA-256, SHA-384, SHA-512; case-insensitive)");
  }

  /** The JCA {@code Mac} algorithm name, for example {@code HmacSHA1}. */
  String hmacName() {
    return hmacName;
  }

  /** A new JCA message digest; every JDK ships these four, so a missing one is a broken runtime. */
  MessageDigest newMessageDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jcaName + " is not available in this JDK", e);
    }
  }
}
