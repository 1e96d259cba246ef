package dev.flagon.codec;

import dev.flagon.internal.BoundedInflater;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * The URL-safe serializer's payload step (spec 4): JSON text to {@code [.]base64url([zlib](UTF-8))} and
 * back. Decoding is only ever applied to verified tokens, except by {@code decodeUnverified}.
 *
 * <p>zlib streams are pooled ({@link Pool}): a {@link Deflater} or {@code Inflater} costs ~270 or ~40 KB of
 * native memory and microseconds to set up, which dominated a small dump. {@code reset()} gives the same
 * output as a fresh stream: zlib's {@code deflateReset} clears every piece of state that the output depends
 * on, and what it keeps (window bytes beyond the input, old {@code prev} links) is never reached by a hash
 * chain of the new input or only read where "the output of deflate is not affected" (zlib FAQ 36).
 * {@code PayloadTest} checks reused against fresh streams on a large corpus.
 */
final class Payload {
  /** Largest inflated payload: {@link BoundedInflater#MAX_INFLATED_LENGTH}. */
  static final int MAX_INFLATED_LENGTH = BoundedInflater.MAX_INFLATED_LENGTH;

  /** Buffers larger than this are not kept in the pools. */
  private static final int MAX_POOLED_BUFFER = 64 * 1024;

  private static final Pool<Deflating> DEFLATERS = new Pool<>();
  private static final Pool<BoundedInflater> INFLATERS = new Pool<>();

  private Payload() {}

  /**
   * Python's {@code zlib.compress} defaults: zlib wrapper, level 6, default strategy. The compressed form is
   * used only if it is at least two bytes shorter, judged on raw bytes (itsdangerous'
   * {@code len(compressed) < len(json) - 1}).
   */
  static String encode(String json) {
    byte[] raw = Utf8.encode(json, "JSON text");
    byte[] compressed = compressIfSmaller(raw);
    return compressed == null ? Base64Url.encode(raw) : "." + Base64Url.encode(compressed);
  }

  /**
   * The zlib stream of {@code raw} if it is at least two bytes shorter than {@code raw}, else null, in
   * which case the payload is {@code raw} itself. Compression is not even tried when it provably cannot
   * save two bytes ({@link ZlibShortcut}), and a stream that outgrows {@code raw.length - 2} bytes is
   * abandoned there.
   */
  static byte[] compressIfSmaller(byte[] raw) {
    if (ZlibShortcut.cannotSaveTwoBytes(raw)) {
      return null;
    }
    int limit = raw.length - 2; // the longest stream that still saves two bytes
    Deflating z = DEFLATERS.poll();
    if (z == null) {
      z = new Deflating();
    }
    Deflater deflater = z.deflater;
    deflater.setInput(raw);
    deflater.finish();
    byte[] buffer = z.buffer(limit + 1);
    int n = 0;
    while (!deflater.finished() && n < limit + 1) {
      n += deflater.deflate(buffer, n, limit + 1 - n);
    }
    // Finished within limit + 1 bytes: the whole stream is n bytes. Not finished: longer than limit.
    byte[] result = deflater.finished() && n <= limit ? Arrays.copyOf(buffer, n) : null;
    deflater.reset(); // also drops the reference to raw
    if (!DEFLATERS.offer(z)) {
      deflater.end();
    }
    return result;
  }

  /** The JSON text of a payload, in the order of spec 4.2. @throws BadPayloadException on any failure */
  static String decode(String payload) {
    byte[] ascii = payload.getBytes(StandardCharsets.ISO_8859_1); // anything else fails base64 below
    return decode(ascii, 0, ascii.length);
  }

  /** {@link #decode(String)} of the characters {@code token[from, to)}, given as ASCII bytes. */
  static String decode(byte[] token, int from, int to) {
    boolean compressed = to > from && token[from] == '.';
    int start = compressed ? from + 1 : from;
    int length = Base64Url.decodedLength(to - start);
    byte[] bytes = length < 0 ? null : new byte[length];
    if (bytes == null || !Base64Url.decode(token, start, to, bytes, 0)) {
      throw new BadPayloadException("Could not base64 decode the payload");
    }
    try {
      if (!compressed) {
        return Utf8.decode(bytes, 0, length);
      }
      BoundedInflater z = INFLATERS.poll();
      if (z == null) {
        z = new BoundedInflater(false);
      }
      int n = z.inflate(bytes, MAX_INFLATED_LENGTH); // closes z on failure
      String text = Utf8.decode(z.buffer(), 0, n);
      z.reset();
      if (!INFLATERS.offer(z)) {
        z.end();
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new BadPayloadException("The payload is not valid UTF-8", e);
    }
  }

  /** A pooled deflater (level 6, zlib wrapper) with its output buffer. */
  private static final class Deflating {
    final Deflater deflater = new Deflater(6, false);
    private byte[] buffer = new byte[0];

    byte[] buffer(int length) {
      if (buffer.length < length) {
        byte[] grown = new byte[Math.max(length, 256)];
        if (grown.length <= MAX_POOLED_BUFFER) {
          buffer = grown;
        }
        return grown;
      }
      return buffer;
    }
  }
}
