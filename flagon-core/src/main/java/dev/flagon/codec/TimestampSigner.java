package dev.flagon.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Signs and verifies a value with its signing time, as itsdangerous' {@code TimestampSigner} does:
 * {@code value + "." + base64url(timestamp) + "." + signature}, the timestamp being the signing time in
 * seconds as big-endian bytes without leading zeros. Unsigning follows itsdangerous' order of checks (spec
 * 3.6), so each rejection has the exception kind it has in Python. Immutable and thread-safe.
 */
public final class TimestampSigner {
  /** 9999-12-31T23:59:59Z, the last second Python's {@code datetime} (and so itsdangerous) can represent. */
  static final long MAX_TIMESTAMP = 253_402_300_799L;

  private final Signer signer;

  private TimestampSigner(Signer signer) {
    this.signer = signer;
  }

  /** A timestamp signer for these keys, derived once here. @throws NullPointerException if an argument is null */
  public static TimestampSigner create(KeyRing keys, Signing signing) {
    return new TimestampSigner(Signer.create(keys, signing));
  }

  /**
   * {@code value.timestamp.signature}, signed with the current key.
   *
   * @throws IllegalArgumentException if the timestamp is not within [0, {@value #MAX_TIMESTAMP}] (Python
   *     cannot load a later one) or {@code value} is not valid Unicode
   */
  public String sign(String value, long timestampEpochSeconds) {
    return signer.sign(value + "." + encodeTimestamp(timestampEpochSeconds));
  }

  /** {@code [.]base64url(payload).base64url(timestamp).signature} built and signed in one buffer. */
  String signPayload(byte[] payload, boolean dotted, long timestampEpochSeconds) {
    byte[] timestamp = timestampBytes(timestampEpochSeconds);
    int valueEnd = (dotted ? 1 : 0) + Encodings.base64Length(payload.length) + 1
        + Encodings.base64Length(timestamp.length);
    byte[] token = new byte[valueEnd + signer.signatureLength()];
    if (dotted) {
      token[0] = '.';
    }
    int p = Encodings.base64(payload, token, dotted ? 1 : 0);
    token[p] = '.';
    Encodings.base64(timestamp, token, p + 1);
    signer.appendSignature(token, valueEnd);
    return new String(token, StandardCharsets.ISO_8859_1);
  }

  /**
   * Verifies a token and its age, in itsdangerous' order: separator, signature (every key), timestamp
   * present, well-formed, representable, age (at most {@code maxAgeSeconds}, not negative).
   *
   * @throws IllegalArgumentException if {@code nowEpochSeconds} is negative (a broken clock)
   * @throws BadSignatureException if the token is over 64 KiB (a Flagon limit), has no {@code .}, or fails
   *     to verify and has no timestamp part
   * @throws BadTimeSignatureException if it fails to verify, or its timestamp is missing or malformed
   * @throws SignatureExpiredException if it is too old or dated in the future
   * @throws BadPayloadException if its timestamp lies beyond year 9999 (Python raises a non-{@code BadData}
   *     error there; reaching it needs the key)
   */
  public Verified unsign(String token, long nowEpochSeconds, long maxAgeSeconds) {
    return unsign(token, nowEpochSeconds, maxAgeSeconds,
        (bytes, end) -> new String(bytes, 0, end, StandardCharsets.UTF_8));
  }

  /** Decodes the verified value {@code token[0, valueEnd)} of a token's UTF-8 bytes. */
  interface ValueDecoder {
    String decode(byte[] token, int valueEnd);
  }

  /** {@link #unsign}, the value decoded by {@code decoder} from the token's UTF-8 bytes, encoded once. */
  Verified unsign(String token, long nowEpochSeconds, long maxAgeSeconds, ValueDecoder decoder) {
    if (nowEpochSeconds < 0) {
      throw new IllegalArgumentException("now must not be negative, was " + nowEpochSeconds);
    }
    Signer.lastSeparator(token);
    byte[] bytes = Encodings.utf8OrNull(token); // null: a lone surrogate, which no key signs
    int sigDot = bytes == null ? -1 : Signer.lastDot(bytes, bytes.length);
    int keyIndex = bytes == null ? -1 : signer.verify(bytes, sigDot);
    if (keyIndex < 0) {
      // itsdangerous re-raises a mismatch as BadTimeSignature once it can split off a timestamp (saying
      // "Malformed timestamp" for one outside datetime's range: unverified data is not decoded for a message).
      throw token.lastIndexOf('.', token.lastIndexOf('.') - 1) < 0
          ? new BadSignatureException("Signature does not match")
          : new BadTimeSignatureException("Signature does not match");
    }
    int tsDot = Signer.lastDot(bytes, sigDot);
    if (tsDot < 0) {
      throw new BadTimeSignatureException("timestamp missing");
    }
    byte[] timestampBytes = Encodings.unbase64(bytes, tsDot + 1, sigDot);
    if (timestampBytes == null || timestampBytes.length > 8) {
      throw new BadTimeSignatureException("Malformed timestamp");
    }
    long timestamp = 0; // unsigned big-endian
    for (byte b : timestampBytes) {
      timestamp = (timestamp << 8) | (b & 0xFF);
    }
    // Beyond 2^63 - 1 (negative here) or year 9999 Python raises a plain ValueError (HTTP 500); Flagon's is typed.
    if (timestamp < 0 || timestamp > MAX_TIMESTAMP) {
      throw new BadPayloadException("timestamp out of range (after year 9999)");
    }
    long age = nowEpochSeconds - timestamp; // both in [0, 2^63): cannot overflow
    if (age > maxAgeSeconds || age < 0) {
      String why = age > maxAgeSeconds ? " > " + maxAgeSeconds : " < 0";
      throw new SignatureExpiredException("Signature age " + age + why + " seconds", Instant.ofEpochSecond(timestamp));
    }
    return new Verified(decoder.decode(bytes, tsDot), timestamp, keyIndex);
  }

  /** The timestamp as big-endian bytes without leading zero bytes. */
  private static byte[] timestampBytes(long timestamp) {
    if (timestamp < 0 || timestamp > MAX_TIMESTAMP) {
      throw new IllegalArgumentException("timestamp must be within [0, " + MAX_TIMESTAMP + "], was " + timestamp);
    }
    byte[] bytes = new byte[(Long.SIZE - Long.numberOfLeadingZeros(timestamp) + 7) / 8];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (timestamp >>> (8 * (bytes.length - 1 - i)));
    }
    return bytes;
  }

  /** The base64url of {@link #timestampBytes} (0 gives an empty string). */
  static String encodeTimestamp(long timestamp) {
    return Encodings.base64(timestampBytes(timestamp));
  }
}
