package dev.flagon.codec;

/** The hash used for key derivation and HMAC. Flask uses {@link #SHA1}. */
public enum Digest {
  SHA1("sha1"),
  SHA256("sha256"),
  SHA384("sha384"),
  SHA512("sha512");

  private final String flaskName;

  Digest(String flaskName) {
    this.flaskName = flaskName;
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
    throw new UnsupportedOperationException("TODO");
  }
}
