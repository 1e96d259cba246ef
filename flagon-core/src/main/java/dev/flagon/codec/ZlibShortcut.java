package dev.flagon.codec;

/**
 * Speed-only, kept (it is the only way a payload is judged too small to compress; see
 * {@link #cannotSaveTwoBytes}): Flask's format tries zlib on every payload, and for a small login session
 * setting up the compression cost more than the rest of the dump. This proves, without running zlib, that
 * it cannot make a short input two bytes shorter, so the dump skips it with the same result.
 */
final class ZlibShortcut {
  /** zlib's framing around the deflate data: a 2-byte header and the 4-byte Adler-32 (RFC 1950). */
  private static final int ZLIB_FRAMING = 6;

  /** Longest input the shortcut considers; beyond it, no input can satisfy its bound. */
  static final int MAX_LENGTH = 34;

  /** [c][n]: a lower bound on zlib's output for n input bytes without a repeated 3-byte sequence and no byte value more than c times. */
  private static final int[][] MIN_ZLIB_LENGTH = minZlibLengths(MAX_LENGTH);

  private ZlibShortcut() {}

  /**
   * Whether zlib (level 6, any block structure) provably cannot make {@code raw} at least two bytes
   * shorter, so compressing it would be wasted work. True only for short inputs:
   *
   * <ol>
   *   <li>At most 8 bytes: every zlib stream is at least 7 bytes (2-byte header, a block of at least 3 bits,
   *       4-byte Adler-32), and 7 > 8 - 2.
   *   <li>At most {@value #MAX_LENGTH} bytes with no 3-byte sequence occurring twice (overlaps
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
