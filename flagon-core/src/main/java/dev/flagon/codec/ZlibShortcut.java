package dev.flagon.codec;

/**
 * Speed-only, kept (docs/architecture.md): Flask's format tries zlib on every payload, and for a small login
 * session setting up the compression cost more than the rest of the dump. This proves without running zlib
 * that it cannot make a short input two bytes shorter, so the dump skips it with the same result.
 */
final class ZlibShortcut {
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
