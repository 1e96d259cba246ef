package dev.flagon.codec;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The URL-safe serializer's payload step (spec 4): JSON text to {@code [.]base64url([zlib](UTF-8))} and
 * back. Decoding is only ever applied to verified tokens, except by {@code decodeUnverified}.
 *
 * <p>zlib streams are pooled ({@link Pool}): a {@link Deflater} or {@link Inflater} costs ~270 or ~40 KB of
 * native memory and microseconds to set up, which dominated a small dump. {@code reset()} gives the same
 * output as a fresh stream: zlib's {@code deflateReset} clears every piece of state that the output depends
 * on, and what it keeps (window bytes beyond the input, old {@code prev} links) is never reached by a hash
 * chain of the new input or only read where "the output of deflate is not affected" (zlib FAQ 36).
 * {@code PayloadTest} checks reused against fresh streams on a large corpus.
 */
final class Payload {
  /**
   * Largest inflated payload, in bytes: a Flagon limit against zip bombs (Python has none). 512 KiB is 128
   * times the JSON a full 4 KiB browser cookie carries uncompressed, and eight times what split cookies at
   * their cap (16 of 4 KiB) carry. Reading text costs up to 16 bytes per byte, so this keeps the text's
   * share of a decode's memory bound (docs/security.md) at 8 MiB; at 1 MiB it alone could reach 16.
   */
  static final int MAX_INFLATED_LENGTH = 512 * 1024;

  /** zlib's framing around the deflate data: a 2-byte header and the 4-byte Adler-32 (RFC 1950). */
  private static final int ZLIB_FRAMING = 6;

  /** Longest input the no-compression shortcut considers; beyond it, no input can satisfy its bound. */
  static final int SHORTCUT_MAX_LENGTH = 34;

  /** [c][n]: a lower bound on zlib's output for n input bytes without a repeated 3-byte sequence and no byte value more than c times. */
  private static final int[][] MIN_ZLIB_LENGTH = minZlibLengths(SHORTCUT_MAX_LENGTH);

  /** Buffers larger than this are not kept in the pools. */
  private static final int MAX_POOLED_BUFFER = 64 * 1024;

  private static final Pool<Deflating> DEFLATERS = new Pool<>();
  private static final Pool<Inflating> INFLATERS = new Pool<>();

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
   * save two bytes ({@link #cannotSaveTwoBytes}), and a stream that outgrows {@code raw.length - 2} bytes is
   * abandoned there.
   */
  static byte[] compressIfSmaller(byte[] raw) {
    if (cannotSaveTwoBytes(raw)) {
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

  /** Python's zlib.compress(input): the whole stream (tests and tools). */
  static byte[] deflate(byte[] input) {
    Deflater deflater = new Deflater(6, false);
    try {
      deflater.setInput(input);
      deflater.finish();
      byte[] out = new byte[input.length + input.length / 1000 + 64]; // zlib's worst case fits
      int n = 0;
      while (!deflater.finished()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        n += deflater.deflate(out, n, out.length - n);
      }
      return Arrays.copyOf(out, n);
    } finally {
      deflater.end();
    }
  }

  /**
   * Whether zlib (level 6, any block structure) provably cannot make {@code raw} at least two bytes
   * shorter, so compressing it would be wasted work. True only for short inputs:
   *
   * <ol>
   *   <li>At most 8 bytes: every zlib stream is at least 7 bytes (2-byte header, a block of at least 3 bits,
   *       4-byte Adler-32), and 7 > 8 - 2.
   *   <li>At most {@value #SHORTCUT_MAX_LENGTH} bytes with no 3-byte sequence occurring twice (overlaps
   *       included): a deflate match copies at least 3 bytes from an earlier position (RFC 1951 lengths
   *       3..258), so its first 3 bytes would occur twice; hence every block holds only literals and its
   *       end-of-block code (EOB). With n literals in all and no byte value occurring more than c times,
   *       a block of m literals costs at least B(m) bits, whatever its type:
   *       <ul>
   *         <li>stored: 3 header bits, LEN and NLEN (32 bits), 8 bits per literal: 35 + 8m;
   *         <li>fixed Huffman: 3 header bits, at least 8 bits per literal, a 7-bit EOB: 10 + 8m;
   *         <li>dynamic Huffman: 3 header bits, HLIT, HDIST, HCLEN (14 bits), at least 4 code-length code
   *             lengths (12 bits): 29 bits, the code lengths themselves (counted as 0), then the literals
   *             and EOB under one prefix code. By the Kraft-McMillan inequality and Gibbs' inequality,
   *             coding counts k_x (summing to N = m + 1 with EOB's 1) costs at least
   *             sum k_x log2(N / k_x); every literal count is at most c' = min(c, m), so this is at least
   *             m log2((m + 1) / c') + log2(m + 1). And since the code has at least two symbols (a
   *             literal and EOB), every code is at least 1 bit: at least m + 1 bits. So
   *             29 + max(m + 1, m log2((m + 1) / c') + log2(m + 1)).
   *       </ul>
   *       The encoder may split the input into any number of blocks (zlib only does so after 16383
   *       symbols, but the bound does not rely on it): the stream costs at least the minimum over all
   *       splits n = m1 + m2 + ... of B(m1) + B(m2) + ... (an empty block costs at least 10 bits, so
   *       splits into positive parts suffice), computed once into {@link #MIN_ZLIB_LENGTH} by dynamic
   *       programming. The stream is at least 6 + ceil(bits / 8) bytes; if that is more than n - 2, zlib
   *       cannot save two bytes.
   * </ol>
   *
   * For example {@code {"user_id":12345}} (17 bytes, 16 distinct, '"' twice): at least 87 bits, so at least
   * 6 + 11 = 17 bytes where a saving needs at most 15. {@code PayloadTest} checks the rule against the real
   * {@link Deflater} on random and structured inputs.
   */
  static boolean cannotSaveTwoBytes(byte[] raw) {
    int n = raw.length;
    if (n <= 8) {
      return true;
    }
    if (n > SHORTCUT_MAX_LENGTH || hasRepeatedTriple(raw)) {
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
      Inflating z = INFLATERS.poll();
      if (z == null) {
        z = new Inflating();
      }
      int n = inflate(z, bytes, MAX_INFLATED_LENGTH);
      String text = Utf8.decode(z.buffer, 0, n);
      z.recycle();
      return text;
    } catch (CharacterCodingException e) {
      throw new BadPayloadException("The payload is not valid UTF-8", e);
    }
  }

  /**
   * Inflates a zlib stream (not raw deflate, not gzip), stopping as soon as the output would exceed
   * {@code maxLength} so a bomb never allocates more than that. Like Python's {@code zlib.decompress},
   * bytes after the end of the stream are ignored, while a truncated stream, a preset dictionary or a
   * checksum mismatch fail.
   *
   * @throws BadPayloadException if the stream is invalid or inflates beyond {@code maxLength}
   */
  static byte[] inflate(byte[] input, int maxLength) {
    Inflating z = new Inflating();
    try {
      return Arrays.copyOf(z.buffer, inflate(z, input, maxLength));
    } finally {
      z.inflater.end();
    }
  }

  /**
   * Inflates into {@code z.buffer} (grown as needed, never beyond {@code maxLength + 1} bytes) and returns
   * the length. On failure the stream is closed rather than pooled.
   */
  private static int inflate(Inflating z, byte[] input, int maxLength) {
    Inflater inflater = z.inflater;
    boolean ok = false;
    try {
      inflater.setInput(input);
      byte[] buffer = z.buffer;
      int n = 0;
      while (!inflater.finished()) {
        if (n == buffer.length) {
          // n <= maxLength here (checked below), so the new buffer has room for at least one more byte.
          buffer = Arrays.copyOf(buffer, (int) Math.min(maxLength + 1L, Math.max(256L, 2L * buffer.length)));
          z.buffer = buffer;
        }
        long consumed = inflater.getBytesRead();
        int k = inflater.inflate(buffer, n, buffer.length - n);
        boolean stuck = inflater.needsInput() || inflater.needsDictionary() || inflater.getBytesRead() == consumed;
        if (k == 0 && !inflater.finished() && stuck) {
          // The input ended early, or the stream wants a preset dictionary Python would not supply.
          throw new BadPayloadException("Could not zlib decompress the payload (incomplete stream)");
        }
        n += k;
        if (n > maxLength) {
          throw new BadPayloadException(
              "The payload inflates beyond " + maxLength + " bytes (a Flagon limit)");
        }
      }
      ok = true;
      return n;
    } catch (DataFormatException e) {
      throw new BadPayloadException("Could not zlib decompress the payload", e);
    } finally {
      if (!ok) {
        inflater.end();
      }
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

  /** A pooled inflater with its output buffer. */
  private static final class Inflating {
    final Inflater inflater = new Inflater(false);
    byte[] buffer = new byte[4096];

    /** Back to the pool, ready for the next stream; or closed if the pool is full. */
    void recycle() {
      inflater.reset();
      if (buffer.length > MAX_POOLED_BUFFER) {
        buffer = new byte[4096];
      }
      if (!INFLATERS.offer(this)) {
        inflater.end();
      }
    }
  }
}
