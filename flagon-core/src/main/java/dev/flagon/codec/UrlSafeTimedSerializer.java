package dev.flagon.codec;

import dev.flagon.internal.BoundedInflater;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Signs JSON text into a token Python reads with itsdangerous' {@code URLSafeTimedSerializer}, and verifies
 * one back: Flask's session cookie, or another such token (Flask-WTF's CSRF token). The token is
 * {@code [.]base64url([zlib](UTF-8)).base64url(timestamp).base64url(HMAC)}, the leading {@code .} marking a
 * compressed payload. Keys are derived once, at creation. Immutable and thread-safe. Parsing the JSON text
 * is the caller's job; the caller wraps its parse errors in a {@link BadPayloadException}.
 */
public final class UrlSafeTimedSerializer {
  // Pooled: a Deflater costs ~270 KB of native memory and microseconds to set up. reset() gives the same
  // output as a fresh stream (zlib's deflateReset clears all state the output depends on, zlib FAQ 36);
  // PayloadTest checks reused against fresh streams.
  private static final Pool<Deflater> DEFLATERS = new Pool<>();
  static final Pool<BoundedInflater> INFLATERS = new Pool<>();

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
    byte[] raw = Encodings.utf8(json, "JSON text");
    byte[] compressed = compressIfSmaller(raw);
    return signer.signPayload(compressed == null ? raw : compressed, compressed != null, timestampEpochSeconds);
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
    return signer.unsign(token, nowEpochSeconds, maxAgeSeconds, (bytes, end) -> decode(bytes, 0, end));
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
    byte[] ascii = payload.getBytes(StandardCharsets.ISO_8859_1); // anything else fails base64 below
    return decode(ascii, 0, ascii.length);
  }

  /** {@link #decode(String)} of the characters {@code token[from, to)}, given as bytes. */
  static String decode(byte[] token, int from, int to) {
    boolean compressed = to > from && token[from] == '.';
    byte[] bytes = Encodings.unbase64(token, compressed ? from + 1 : from, to);
    if (bytes == null) {
      throw new BadPayloadException("Could not base64 decode the payload");
    }
    try {
      if (!compressed) {
        return Encodings.fromUtf8(bytes, 0, bytes.length);
      }
      BoundedInflater z = INFLATERS.poll();
      if (z == null) {
        z = new BoundedInflater(false);
      }
      int length = z.inflate(bytes, BoundedInflater.MAX_INFLATED_LENGTH); // ends z on failure
      try {
        return Encodings.fromUtf8(z.buffer(), 0, length);
      } finally { // also after invalid UTF-8: the inflater goes back, its native memory not left to the GC
        z.reset();
        if (!INFLATERS.offer(z)) {
          z.end();
        }
      }
    } catch (CharacterCodingException e) {
      throw new BadPayloadException("The payload is not valid UTF-8", e);
    }
  }

  /**
   * Speed-only, kept (docs/architecture.md): Flask's format tries zlib on every payload, and for a small login
   * session setting up the compression cost more than the rest of the dump. This proves without running zlib
   * that it cannot make a short input two bytes shorter, so the dump skips it with the same result.
   */
  static final class ZlibShortcut {
    /** zlib's framing around the deflate data: a 2-byte header and the 4-byte Adler-32 (RFC 1950). */
    private static final int ZLIB_FRAMING = 6;

    /** Longest input the shortcut considers; beyond it, no input can satisfy its bound. */
    static final int MAX_LENGTH = 34;

    /** [c][n]: fewest bytes zlib can make of n bytes with no repeated 3-byte sequence, no byte value over c times. */
    private static final int[][] MIN_ZLIB_LENGTH = minZlibLengths(MAX_LENGTH);

    private ZlibShortcut() {}

    /**
     * Whether zlib (level 6, any block structure) provably cannot make {@code raw} two bytes shorter:
     *
     * <ol>
     *   <li>At most 8 bytes: every zlib stream has at least 7 (header, a 3-bit block, Adler-32).
     *   <li>At most {@value #MAX_LENGTH} bytes with no 3-byte sequence occurring twice: a deflate match copies
     *       at least 3 earlier bytes (RFC 1951), so every block holds only literals and its end code (EOB).
     *       A block of m literals, none more than c times, costs at least: stored 35 + 8m bits; fixed Huffman
     *       10 + 8m; dynamic 29 header bits plus, by Kraft-McMillan and Gibbs, the entropy of the counts
     *       (at least m log2((m + 1) / min(c, m)) + log2(m + 1)), and at least 1 bit a symbol. The stream
     *       costs at least the cheapest split of n into blocks ({@link #MIN_ZLIB_LENGTH}, by dynamic
     *       programming), plus the framing.
     * </ol>
     *
     * For example {@code {"user_id":12345}} (17 bytes, 16 distinct) needs at least 17 bytes, where a saving
     * needs at most 15. {@code ZlibShortcutTest} checks the rule against the real {@link java.util.zip.Deflater}.
     */
    static boolean cannotSaveTwoBytes(byte[] raw) {
      int n = raw.length;
      if (n <= 8) {
        return true;
      }
      if (n > MAX_LENGTH || hasRepeatedTriple(raw)) {
        return false;
      }
      return MIN_ZLIB_LENGTH[maxCount(raw)][n] > n - 2;
    }

    /** Whether some 3-byte sequence occurs at two positions (they may overlap). */
    static boolean hasRepeatedTriple(byte[] raw) {
      int windows = raw.length - 2;
      for (int i = 0; i < windows; i++) {
        int a = triple(raw, i);
        for (int j = i + 1; j < windows; j++) {
          if (triple(raw, j) == a) {
            return true;
          }
        }
      }
      return false;
    }

    private static int triple(byte[] raw, int i) {
      return (raw[i] & 0xff) << 16 | (raw[i + 1] & 0xff) << 8 | (raw[i + 2] & 0xff);
    }

    /** How often the most frequent byte value occurs (1 for an empty input). */
    static int maxCount(byte[] raw) {
      int max = 1;
      for (int i = 0; i < raw.length; i++) {
        int count = 1;
        for (int j = i + 1; j < raw.length; j++) {
          if (raw[j] == raw[i]) {
            count++;
          }
        }
        max = Math.max(max, count);
      }
      return max;
    }

    /** The lower bound of {@link #cannotSaveTwoBytes} for every n and c up to {@code maxLength}. */
    static int[][] minZlibLengths(int maxLength) {
      int[][] table = new int[maxLength + 1][maxLength + 1];
      for (int c = 1; c <= maxLength; c++) {
        double[] best = new double[maxLength + 1]; // best[i]: fewest bits for i literals over any split
        for (int i = 1; i <= maxLength; i++) {
          best[i] = Double.POSITIVE_INFINITY;
          for (int m = 1; m <= i; m++) {
            best[i] = Math.min(best[i], best[i - m] + blockBits(m, c));
          }
          // Rounded down by a hair so that floating point can only make the bound weaker, never stronger.
          table[c][i] = ZLIB_FRAMING + (int) Math.ceil(best[i] / 8 - 1e-9);
        }
      }
      return table;
    }

    /** The fewest bits a deflate block of m literals (m >= 1), none more than c times, can take. */
    private static double blockBits(int m, int c) {
      double stored = 35 + 8.0 * m;
      double fixed = 10 + 8.0 * m;
      double log2 = Math.log(m + 1) / Math.log(2);
      double entropy = m * (log2 - Math.log(Math.min(c, m)) / Math.log(2)) + log2;
      double dynamic = 29 + Math.max(m + 1, entropy);
      return Math.min(stored, Math.min(fixed, dynamic));
    }
  }
}
