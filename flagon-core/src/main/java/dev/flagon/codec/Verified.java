package dev.flagon.codec;

/**
 * A payload whose signature (or authentication tag) and age were verified: what every signer, serializer
 * and cookie format returns.
 *
 * @param payload the verified payload: the JSON text of a session cookie (decompressed and decoded), or the
 *     signed value of a {@link TimestampSigner}
 * @param signedAt when it was signed or sealed, seconds since the Unix epoch
 * @param keyIndex which key verified it: {@code 0} the current key, {@code 1..n} the fallbacks in
 *     configured order ({@link KeyRing#keyIndex})
 * @param reissue whether the cookie format asks for it to be sealed again in the current format (a cookie
 *     of the old format read while migrating)
 */
public record Verified(String payload, long signedAt, int keyIndex, boolean reissue) {
  /** A payload in the current format. */
  public Verified(String payload, long signedAt, int keyIndex) {
    this(payload, signedAt, keyIndex, false);
  }

  /** This payload, to be sealed again in the current format. */
  public Verified toReissue() {
    return new Verified(payload, signedAt, keyIndex, true);
  }
}
