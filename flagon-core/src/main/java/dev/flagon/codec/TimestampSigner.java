package dev.flagon.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * itsdangerous' {@code TimestampSigner}: {@code value + "." + base64url(timestamp) + "." + signature}, the
 * timestamp being the signing time in seconds as big-endian bytes without leading zeros. Unsigning follows
 * itsdangerous' order of checks exactly (spec 3.6), so each rejection has the same exception kind as in
 * Python. Immutable and thread-safe.
 */
public final class TimestampSigner {
  /** 9999-12-31T23:59:59Z, the last second Python's {@code datetime} (and so itsdangerous) can represent. */
  static final long MAX_TIMESTAMP = 253_402_300_799L;

  private final Signer signer;

  private TimestampSigner(Signer signer) {
    this.signer = signer;
  }

  /**
   * A timestamp signer for these keys, derived once here.
   *
   * @param keys the current key and the fallbacks
   * @param signing salt, digest and key derivation
   * @throws NullPointerException if an argument is null
   */
  public static TimestampSigner create(KeyRing keys, Signing signing) {
    return new TimestampSigner(Signer.create(keys, signing));
  }

  /**
   * {@code value.timestamp.signature}, signed with the current key.
   *
   * @param timestampEpochSeconds the signing time, from 0 to 253402300799 (the end of year 9999: Python
   *     cannot load anything later)
   * @throws IllegalArgumentException if the timestamp is out of that range or {@code value} is not valid
   *     Unicode
   */
  public String sign(String value, long timestampEpochSeconds) {
    checkTimestamp(timestampEpochSeconds);
    return signer.sign(value + "." + encodeTimestamp(timestampEpochSeconds));
  }

  /**
   * The token for a payload given as bytes: {@code [.]base64url(payload).base64url(timestamp).signature},
   * built in one buffer and signed in place. {@code dotted} puts the compressed payload's leading {@code .}.
   *
   * @throws IllegalArgumentException if the timestamp is out of range
   */
  String signPayload(byte[] payload, boolean dotted, long timestampEpochSeconds) {
    checkTimestamp(timestampEpochSeconds);
    int timestampBytes = timestampLength(timestampEpochSeconds);
    int valueEnd = (dotted ? 1 : 0) + Base64Url.encodedLength(payload.length) + 1
        + Base64Url.encodedLength(timestampBytes);
    byte[] token = new byte[valueEnd + signer.signatureLength()];
    int p = 0;
    if (dotted) {
      token[p++] = '.';
    }
    p = Base64Url.encode(payload, 0, payload.length, token, p);
    token[p++] = '.';
    byte[] timestamp = new byte[timestampBytes];
    for (int i = 0; i < timestampBytes; i++) {
      timestamp[i] = (byte) (timestampEpochSeconds >>> (8 * (timestampBytes - 1 - i)));
    }
    Base64Url.encode(timestamp, 0, timestampBytes, token, p);
    signer.appendSignature(token, valueEnd);
    return new String(token, StandardCharsets.ISO_8859_1);
  }

  private static void checkTimestamp(long timestampEpochSeconds) {
    if (timestampEpochSeconds < 0 || timestampEpochSeconds > MAX_TIMESTAMP) {
      throw new IllegalArgumentException(
          "timestamp must be within [0, " + MAX_TIMESTAMP + "], was " + timestampEpochSeconds);
    }
  }

  /**
   * Verifies a token and its age, in itsdangerous' order: separator, signature (every key), timestamp
   * present, timestamp well-formed, timestamp representable, age.
   *
   * @param nowEpochSeconds the current time, not negative
   * @param maxAgeSeconds the largest accepted age (inclusive); a negative age (a future timestamp) is
   *     rejected too
   * @throws IllegalArgumentException if {@code nowEpochSeconds} is negative (a broken clock)
   * @throws BadSignatureException if the token is too long (64 KiB, a Flagon limit), has no {@code .}, or
   *     fails to verify and has no timestamp part
   * @throws BadTimeSignatureException if it fails to verify, or verifies but its timestamp is missing or
   *     malformed
   * @throws SignatureExpiredException if it verifies but is older than {@code maxAgeSeconds} or dated in the
   *     future
   * @throws BadPayloadException if it verifies but its timestamp lies beyond year 9999 (Python fails with a
   *     non-{@code BadData} error there; reaching it needs the key)
   */
  public Verified unsign(String token, long nowEpochSeconds, long maxAgeSeconds) {
    return unsign(token, nowEpochSeconds, maxAgeSeconds, (bytes, end) -> new String(bytes, 0, end,
        StandardCharsets.UTF_8));
  }

  /** Decodes the verified value {@code token[0, valueEnd)} of a token's UTF-8 bytes. */
  interface ValueDecoder {
    String decode(byte[] token, int valueEnd);
  }

  /**
   * {@link #unsign}, the value decoded from the token's bytes by {@code decoder}: the token is encoded once
   * and everything after is read from those bytes. (UTF-8 keeps every {@code .} and base64url character as
   * the same single byte, so byte and character positions only differ in parts that can never verify or
   * decode.)
   */
  Verified unsign(String token, long nowEpochSeconds, long maxAgeSeconds, ValueDecoder decoder) {
    if (nowEpochSeconds < 0) {
      throw new IllegalArgumentException("now must not be negative, was " + nowEpochSeconds);
    }
    Signer.checkLength(token);
    byte[] bytes = Utf8.encodeOrNull(token); // null: a lone surrogate, which Python cannot sign
    int sigDotByte = -1;
    int keyIndex = -1; // no key verifies a token without UTF-8 bytes
    if (bytes == null) {
      Signer.lastSeparator(token); // the same error as below when there is no '.'
    } else {
      // UTF-8 keeps every '.' as the same single byte, and no other character's bytes contain one: the
      // bytes hold a '.' exactly when the text does, so the separator is looked for once, in the bytes.
      sigDotByte = Signer.lastByte(bytes, '.', bytes.length - 1);
      if (sigDotByte < 0) {
        throw new BadSignatureException("No '.' found in value");
      }
      keyIndex = signer.verify(bytes, sigDotByte);
    }
    if (keyIndex < 0) {
      // itsdangerous re-raises a mismatch as BadTimeSignature once it can split off a timestamp. (It then
      // says "Malformed timestamp" for a timestamp outside datetime's range; we do not decode unverified
      // data just to pick a message: the kind is the same.)
      if (token.lastIndexOf('.', token.lastIndexOf('.') - 1) < 0) {
        throw new BadSignatureException("Signature does not match");
      }
      throw new BadTimeSignatureException("Signature does not match");
    }
    int tsDot = Signer.lastByte(bytes, '.', sigDotByte - 1);
    if (tsDot < 0) {
      throw new BadTimeSignatureException("timestamp missing");
    }
    long timestamp = decodeTimestamp(bytes, tsDot + 1, sigDotByte);
    long age = nowEpochSeconds - timestamp; // both in [0, 2^63): cannot overflow
    if (age > maxAgeSeconds) {
      throw new SignatureExpiredException(
          "Signature age " + age + " > " + maxAgeSeconds + " seconds", Instant.ofEpochSecond(timestamp));
    }
    if (age < 0) {
      throw new SignatureExpiredException(
          "Signature age " + age + " < 0 seconds", Instant.ofEpochSecond(timestamp));
    }
    return new Verified(decoder.decode(bytes, tsDot), timestamp, keyIndex);
  }

  /** 8-byte big-endian, leading zero bytes dropped (0 gives an empty string), base64url. */
  static String encodeTimestamp(long timestamp) {
    int length = timestampLength(timestamp);
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (timestamp >>> (8 * (length - 1 - i)));
    }
    return Base64Url.encode(bytes);
  }

  /** The number of bytes of a timestamp without its leading zero bytes. */
  private static int timestampLength(long timestamp) {
    return (Long.SIZE - Long.numberOfLeadingZeros(timestamp) + 7) / 8;
  }

  /** The timestamp in the characters {@code token[from, to)} of a validly signed token. */
  private static long decodeTimestamp(byte[] token, int from, int to) {
    byte[] bytes = Base64Url.decode(token, from, to);
    if (bytes == null || bytes.length > 8) {
      throw new BadTimeSignatureException("Malformed timestamp");
    }
    long timestamp = 0; // left-padded with zero bytes, read as unsigned big-endian
    for (byte b : bytes) {
      timestamp = (timestamp << 8) | (b & 0xFF);
    }
    // Unsigned values above 2^63 - 1 come out negative here; both they and those past year 9999 make
    // Python's datetime conversion raise a plain ValueError (HTTP 500 in Flask). Flagon keeps it typed.
    if (timestamp < 0 || timestamp > MAX_TIMESTAMP) {
      throw new BadPayloadException("timestamp out of range (after year 9999)");
    }
    return timestamp;
  }
}
