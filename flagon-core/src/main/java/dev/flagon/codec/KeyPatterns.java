package dev.flagon.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How many bits a guesser needs for a key made of predictable parts, in the manner of zxcvbn: the cheapest
 * split of the key into words that recur in known Flask keys, runs ({@code 1234}, {@code fedc}), repeats
 * of an earlier part ({@code abab...}), keyboard walks ({@code qwerty}, {@code 1qaz}) and single
 * characters (priced by their class: a digit 3.3 bits, a letter 4.7, other ASCII 5, any other byte 8).
 * Random keys of 16 bytes or more, raw, as hex or as base64, score far above {@link #MIN_BITS}.
 */
final class KeyPatterns {
  /** Keys below this are refused. The weakest pattern keys score under 25; random keys over 80. */
  static final double MIN_BITS = 32;
  /** Only this many leading bytes are looked at: the work stays small, and a weak prefix is enough. */
  static final int MAX_ANALYSED = 128;
  /** How far back a repeat may copy from. */
  private static final int MAX_DISTANCE = 64;
  private static final int MIN_WORD = 4;
  private static final int MAX_WORD = 24;
  private static final String WORDS = "key-words.txt";
  /** l33t: each of these characters read as the letter at the same place in {@link #LEET_LETTERS}. */
  private static final String LEET = "0134578@$!|";
  private static final String LEET_LETTERS = "oieastbasil";

  /** The parts a key can be made of, as the refusal names them. */
  enum Part {
    WORD("words common in known keys"), RUN("runs such as 1234 or abcd"), REPEAT("repeats"),
    WALK("keyboard walks such as qwerty");

    final String description;

    Part(String description) {
      this.description = description;
    }
  }

  /** The estimate: bits to guess, and the parts of the cheapest split (single characters aside). */
  record Estimate(double bits, Set<Part> parts) {}

  private final Map<String, Integer> wordRanks;

  private KeyPatterns(Map<String, Integer> wordRanks) {
    this.wordRanks = wordRanks;
  }

  /** Reads the word list (about 20 KB). */
  static KeyPatterns load() {
    try (InputStream in = KeyPatterns.class.getResourceAsStream(WORDS)) {
      if (in == null) {
        throw new IllegalStateException(WORDS + " is missing from flagon-core");
      }
      String[] words = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n");
      Map<String, Integer> ranks = new HashMap<>(words.length * 2);
      for (int i = 0; i < words.length; i++) {
        ranks.putIfAbsent(words[i], i);
      }
      return new KeyPatterns(ranks);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + WORDS, e);
    }
  }

  /** The cheapest split of the key's first {@value #MAX_ANALYSED} bytes. */
  Estimate estimate(byte[] key) {
    return new Split(key, Math.min(key.length, MAX_ANALYSED)).run();
  }

  /** A shortest-path search: cost[j] is the cheapest way to spell the first j bytes. */
  private final class Split {
    private final byte[] key;
    private final int n;
    private final double[] cost;
    private final int[] from;
    private final Part[] part;

    Split(byte[] key, int n) {
      this.key = key;
      this.n = n;
      this.cost = new double[n + 1];
      this.from = new int[n + 1];
      this.part = new Part[n + 1];
      java.util.Arrays.fill(cost, 1, n + 1, Double.POSITIVE_INFINITY);
    }

    Estimate run() {
      for (int i = 0; i < n; i++) {
        offer(i, i + 1, single(key[i]), null);
        repeats(i);
        runs(i);
        words(i);
        walks(i);
      }
      Set<Part> parts = EnumSet.noneOf(Part.class);
      for (int j = n; j > 0; j = from[j]) {
        if (part[j] != null) {
          parts.add(part[j]);
        }
      }
      return new Estimate(cost[n], parts);
    }

    private void offer(int start, int end, double bits, Part kind) {
      if (cost[start] + bits < cost[end]) {
        cost[end] = cost[start] + bits;
        from[end] = start;
        part[end] = kind;
      }
    }

    /** {@code key[i..]} copying the text {@code p} bytes before it (overlapping: {@code abab...}). */
    private void repeats(int i) {
      for (int p = 1; p <= Math.min(i, MAX_DISTANCE); p++) {
        int length = 0;
        while (i + length < n && key[i + length] == key[i + length - p]) {
          length++;
          if (length >= 3) {
            offer(i, i + length, 1 + log2(p) + log2(length), Part.REPEAT);
          }
        }
      }
    }

    /** Bytes stepping by the same 1 or 2 up or down: {@code 1234}, {@code zyx}, {@code 2468}. */
    private void runs(int i) {
      if (i + 2 >= n) {
        return;
      }
      int step = unsigned(i + 1) - unsigned(i);
      if (step == 0 || Math.abs(step) > 2) {
        return;
      }
      for (int end = i + 2; end < n && unsigned(end) - unsigned(end - 1) == step; end++) {
        offer(i, end + 1, single(key[i]) + 1 + log2(end + 1 - i) + (Math.abs(step) - 1), Part.RUN);
      }
    }

    private int unsigned(int index) {
      return key[index] & 0xff;
    }

    /**
     * A listed word, priced by its rank, plus a bit for Capitalised or UPPER, one per other capital and one
     * per l33t substitution ({@code p4ssw0rd}).
     */
    private void words(int i) {
      int uppers = 0;
      int substitutions = 0;
      StringBuilder lower = new StringBuilder(MAX_WORD);
      for (int end = i; end < Math.min(n, i + MAX_WORD); end++) {
        int c = key[end] & 0xff;
        boolean upper = c >= 'A' && c <= 'Z';
        int leet = c < 0x80 ? LEET.indexOf(c) : -1;
        if (!upper && (c < 'a' || c > 'z') && leet < 0) {
          return;
        }
        uppers += upper ? 1 : 0;
        substitutions += leet >= 0 ? 1 : 0;
        lower.append(leet >= 0 ? LEET_LETTERS.charAt(leet) : (char) (upper ? c + 32 : c));
        Integer rank = lower.length() >= MIN_WORD ? wordRanks.get(lower.toString()) : null;
        if (rank != null) {
          int length = lower.length();
          boolean plainCase = uppers == 0 || uppers == length || (uppers == 1 && isUpper(key[i]));
          double caseBits = uppers == 0 ? 0 : plainCase ? 1 : uppers;
          offer(i, end + 1, log2(rank + 2) + caseBits + substitutions, Part.WORD);
        }
      }
    }

    /** Keys next to each other on a QWERTY keyboard: a start, a direction per turn, the length, shifts. */
    private void walks(int i) {
      int turns = 0;
      int direction = -1;
      int shifted = Keyboard.isShifted(key[i]) ? 1 : 0;
      for (int end = i + 1; end < n; end++) {
        int next = Keyboard.direction(key[end - 1], key[end]);
        if (next < 0) {
          return;
        }
        turns += direction >= 0 && next != direction ? 1 : 0;
        direction = next;
        shifted += Keyboard.isShifted(key[end]) ? 1 : 0;
        int length = end + 1 - i;
        if (length >= 4) {
          int shiftBits = Math.min(shifted, length - shifted) + (shifted > 0 ? 1 : 0);
          offer(i, end + 1, log2(Keyboard.KEYS) + log2(6) * (turns + 1) + log2(length) + shiftBits, Part.WALK);
        }
      }
    }
  }

  /** A byte guessed on its own: a digit, a letter, other printable ASCII, or anything. */
  private static double single(byte b) {
    int c = b & 0xff;
    if (c >= '0' && c <= '9') {
      return log2(10);
    }
    if ((c >= 'a' && c <= 'z') || isUpper(b)) {
      return log2(26);
    }
    return c >= 0x20 && c < 0x7f ? log2(33) : 8;
  }

  private static boolean isUpper(byte b) {
    return b >= 'A' && b <= 'Z';
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
