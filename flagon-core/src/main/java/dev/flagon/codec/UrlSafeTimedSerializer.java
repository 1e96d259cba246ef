package dev.flagon.codec;

import dev.flagon.internal.BoundedInflater;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * itsdangerous' {@code URLSafeTimedSerializer} as Flask configures it, over JSON text:
 * {@code [.]base64url([zlib](UTF-8)).base64url(timestamp).base64url(HMAC)}, the leading {@code .} marking a
 * compressed payload. Keys are derived once, at creation. Immutable and thread-safe. Parsing the JSON text
 * is the caller's job; the caller wraps its parse errors in a {@link BadPayloadException}.
 *
 * <p>zlib streams are pooled: a {@link Deflater} costs ~270 KB of native memory and microseconds to set up.
 * {@code reset()} gives the same output as a fresh stream (zlib's {@code deflateReset} clears all state the
 * output depends on, zlib FAQ 36); {@code PayloadTest} checks reused against fresh streams.
 */
public final class UrlSafeTimedSerializer {
  /** Largest inflated payload: {@link BoundedInflater#MAX_INFLATED_LENGTH}. */
  static final int MAX_INFLATED_LENGTH = BoundedInflater.MAX_INFLATED_LENGTH;

  private static final Pool<Deflater> DEFLATERS = new Pool<>();
  private static final Pool<BoundedInflater> INFLATERS = new Pool<>();

  private final TimestampSigner signer;

  private UrlSafeTimedSerializer(TimestampSigner signer) {
    this.signer = signer;
  }

  /**
   * A serializer for these keys, derived once here.
   *
   * @param keys the current key and the fallbacks
   * @param signing salt, digest and key derivation
   * @throws NullPointerException if an argument is null
   */
  public static UrlSafeTimedSerializer create(KeyRing keys, Signing signing) {
    return new UrlSafeTimedSerializer(TimestampSigner.create(keys, signing));
  }

  /**
   * The signed token for this JSON text at this time: the payload is zlib-compressed (level 6) when that
   * saves at least two bytes.
   *
   * @throws IllegalArgumentException if the timestamp is outside [0, 253402300799] or the text is not
   *     valid Unicode (a lone surrogate)
   */
  public String dumps(String json, long timestampEpochSeconds) {
    return signer.sign(encode(json), timestampEpochSeconds);
  }

  /**
   * Verifies a token and returns its payload. Nothing is decoded before the signature and age are checked;
   * tokens over 64 KiB and payloads inflating beyond 512 KiB are refused (Flagon limits).
   *
   * @param nowEpochSeconds the current time
   * @param maxAgeSeconds the largest accepted age (inclusive); a negative age (a future timestamp) is
   *     rejected too
   * @throws BadSignatureException and its subclasses if the token is not validly signed or too old
   * @throws BadPayloadException if it is validly signed but the payload cannot be decoded
   */
  public Verified loads(String token, long nowEpochSeconds, long maxAgeSeconds) {
    Verified verified = signer.unsign(token, nowEpochSeconds, maxAgeSeconds);
    return new Verified(decode(verified.payload()), verified.signedAt(), verified.keyIndex());
  }

  /**
   * Decodes a token's payload without verifying anything: what anyone holding the cookie can read.
   *
   * @throws BadSignatureException if the token is too long or lacks the timestamp and signature parts
   * @throws BadPayloadException if the payload cannot be decoded
   */
  public static String decodeUnverified(String token) {
    int tsDot = token.lastIndexOf('.', Signer.lastSeparator(token) - 1);
    if (tsDot < 0) {
      throw new BadSignatureException("No timestamp and signature parts found in value");
    }
    return decode(token.substring(0, tsDot));
  }

  /** {@code [.]base64url([zlib](UTF-8))}: compressed as by Python's {@code zlib.compress} if that pays. */
  static String encode(String json) {
    byte[] raw = Encodings.utf8(json, "JSON text");
    byte[] compressed = compressIfSmaller(raw);
    return compressed == null ? Encodings.base64(raw) : "." + Encodings.base64(compressed);
  }

  /**
   * The zlib stream of {@code raw} (level 6) if it is at least two bytes shorter, else null (itsdangerous'
   * {@code len(compressed) < len(json) - 1}). Not tried where {@link ZlibShortcut} proves it cannot pay;
   * abandoned as soon as the stream outgrows {@code raw.length - 2} bytes.
   */
  static byte[] compressIfSmaller(byte[] raw) {
    if (ZlibShortcut.cannotSaveTwoBytes(raw)) {
      return null;
    }
    Deflater deflater = DEFLATERS.poll();
    if (deflater == null) {
      deflater = new Deflater(6, false);
    }
    deflater.setInput(raw);
    deflater.finish();
    byte[] buffer = new byte[raw.length - 1]; // one byte more than the longest stream that saves two
    int n = 0;
    while (!deflater.finished() && n < buffer.length) {
      n += deflater.deflate(buffer, n, buffer.length - n);
    }
    byte[] result = deflater.finished() && n < buffer.length ? Arrays.copyOf(buffer, n) : null;
    deflater.reset(); // also drops the reference to raw
    if (!DEFLATERS.offer(deflater)) {
      deflater.end();
    }
    return result;
  }

  /** The JSON text of a payload, in the order of spec 4.2. @throws BadPayloadException on any failure */
  static String decode(String payload) {
    boolean compressed = payload.startsWith(".");
    byte[] bytes = Encodings.unbase64(compressed ? payload.substring(1) : payload);
    if (bytes == null) {
      throw new BadPayloadException("Could not base64 decode the payload");
    }
    try {
      if (!compressed) {
        return Encodings.fromUtf8(bytes, bytes.length);
      }
      BoundedInflater z = INFLATERS.poll();
      if (z == null) {
        z = new BoundedInflater(false);
      }
      int length = z.inflate(bytes, MAX_INFLATED_LENGTH); // ends z on failure
      String text = Encodings.fromUtf8(z.buffer(), length);
      z.reset();
      if (!INFLATERS.offer(z)) {
        z.end();
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new BadPayloadException("The payload is not valid UTF-8", e);
    }
  }
}
