package dev.flagon.codec;

import dev.flagon.codec.Signing.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which secret keys are too weak to sign sessions ({@link Secret#weakness()}): whoever guesses the key can
 * forge any session, and these are the first guesses. Refused: shorter than {@value #MIN_LENGTH} bytes, one
 * byte repeated, a well-known placeholder, a key on the flask-unsign wordlist, or a key made of predictable
 * parts worth fewer than {@value #MIN_BITS} bits. The tables are made by {@code src/build/known_keys.py}.
 */
final class SecretPolicy {
  static final int MIN_LENGTH = 16;
  /** The weakest pattern keys score under 25 bits, random keys of 16 bytes (raw, hex or base64) over 80. */
  static final double MIN_BITS = 32;
  /** Only the first bytes are split into parts: the work stays small, and a weak prefix is enough. */
  static final int MAX_ANALYSED = 128;

  /** Compared lower-cased without {@code - _ .} and spaces: frameworks' and tutorials' favourite keys. */
  private static final Set<String> PLACEHOLDERS = Set.of(
      "supersecretkey", "supersecret", "changeme", "changeit", "secret", "secretkey", "dev", "development",
      "developmentkey", "devkey", "devsecret", "test", "testing", "testkey", "testsecret", "password",
      "yoursecretkey", "yoursecretkeyhere", "mysecretkey", "mysecret", "mysupersecretkey", "flasksecret",
      "flasksecretkey", "default", "defaultsecretkey", "key", "thisisasecretkey", "thisisasecret",
      "notsecret", "insecure", "insecuresecretkey", "pleasechangeme", "replaceme", "secretkeyhere",
      "putyoursecretkeyhere", "verysecretkey", "topsecret", "s3cr3t", "s3cr3tk3y", "letmein", "admin");
  /** Only placeholders contain these: {@code change-this-secret-key-123} is one too. */
  private static final String[] PLACEHOLDER_FRAGMENTS = {"changeme", "changethis", "replaceme", "replacethis",
      "yoursecret", "placeholder", "notsecret", "insecure", "example"};
  /** l33t: each of these characters read as the letter at the same place in {@link #LEET_LETTERS}. */
  private static final String LEET = "0134578@$!|";
  private static final String LEET_LETTERS = "oieastbasil";
  /**
   * US QWERTY, each key's two characters side by side; the letter rows start under the gap after the first
   * key, so that rows are slanted as on a keyboard and each key has up to six neighbours.
   */
  private static final String[] KEYBOARD = {"`~1!2@3#4$5%6^7&8*9(0)-_=+", "  qQwWeErRtTyYuUiIoOpP[{]}\\|",
      "  aAsSdDfFgGhHjJkKlL;:'\"", "  zZxXcCvVbBnNmM,<.>/?"};
  private static final int KEYBOARD_KEYS = 47;
  private static final int[] ROW = new int[128];
  private static final int[] COLUMN = new int[128];

  static {
    Arrays.fill(ROW, -1);
    for (int row = 0; row < KEYBOARD.length; row++) {
      for (int i = row == 0 ? 0 : 2; i < KEYBOARD[row].length(); i++) {
        ROW[KEYBOARD[row].charAt(i)] = row;
        COLUMN[KEYBOARD[row].charAt(i)] = i; // key i / 2, shifted if odd
      }
    }
  }

  /** The parts a key can be made of, as the refusal names them. */
  static final String WORD = "words common in known keys";
  static final String RUN = "runs such as 1234 or abcd";
  static final String REPEAT = "repeats";
  static final String WALK = "keyboard walks such as qwerty";

  /** Bits to guess a key, and the parts of its cheapest split (single characters aside) in this order. */
  record Estimate(double bits, Set<String> parts) {}

  /** The first 8 bytes of SHA-256 of each wordlist key of 16 bytes or more, sorted. */
  private final long[] knownKeys;
  /** Words that recur in known keys, by rank (most frequent first). */
  private final Map<String, Integer> wordRanks = new HashMap<>();

  private SecretPolicy(long[] knownKeys, String[] words) {
    this.knownKeys = knownKeys;
    for (int i = 0; i < words.length; i++) {
      wordRanks.putIfAbsent(words[i], i);
    }
  }

  /** Reads the tables (about 270 KB): callers keep them only as long as they need them. */
  static SecretPolicy load() {
    ByteBuffer known = ByteBuffer.wrap(resource("known-keys.bin"));
    long[] prefixes = new long[known.capacity() / Long.BYTES];
    known.asLongBuffer().get(prefixes);
    return new SecretPolicy(prefixes, new String(resource("key-words.txt"), StandardCharsets.US_ASCII).split("\n"));
  }

  private static byte[] resource(String name) {
    try (InputStream in = Objects.requireNonNull(SecretPolicy.class.getResourceAsStream(name), name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** Why this key is weak, or empty. The reason names the rule, never the key. */
  Optional<String> weakness(byte[] key) {
    if (key.length < MIN_LENGTH) {
      return Optional.of("it is shorter than " + MIN_LENGTH + " bytes (it has " + key.length + ")");
    }
    String text = new String(key, StandardCharsets.ISO_8859_1); // any byte string maps to some text
    if (text.chars().allMatch(c -> c == text.charAt(0))) {
      return Optional.of("it is one byte repeated");
    }
    String normalized = text.toLowerCase(Locale.ROOT).replaceAll("[-_. ]", "");
    if (PLACEHOLDERS.contains(normalized)) {
      return Optional.of("it is a well-known placeholder");
    }
    if (Arrays.stream(PLACEHOLDER_FRAGMENTS).anyMatch(normalized::contains)) {
      return Optional.of("it looks like a placeholder");
    }
    long prefix = ByteBuffer.wrap(Digest.SHA256.newMessageDigest().digest(key)).getLong();
    if (Arrays.binarySearch(knownKeys, prefix) >= 0) {
      return Optional.of("it is on the flask-unsign wordlist of " + knownKeys.length + " Flask keys found in"
          + " public code, which attackers try first");
    }
    Estimate estimate = estimate(key);
    if (estimate.bits() < MIN_BITS) {
      return Optional.of("it is made of predictable parts (" + String.join(", ", estimate.parts()) + "): about "
          + Math.round(estimate.bits()) + " bits to guess, fewer than " + Math.round(MIN_BITS));
    }
    return Optional.empty();
  }

  /**
   * The cheapest split of the key's first bytes into parts, in the manner of zxcvbn: cost[j] is the fewest
   * bits that spell the first j bytes, each part priced as a guesser would enumerate it.
   */
  Estimate estimate(byte[] key) {
    int n = Math.min(key.length, MAX_ANALYSED);
    double[] cost = new double[n + 1];
    int[] from = new int[n + 1];
    String[] part = new String[n + 1];
    Arrays.fill(cost, 1, n + 1, Double.POSITIVE_INFINITY);
    Offer offer = (start, end, bits, kind) -> {
      if (cost[start] + bits < cost[end]) {
        cost[end] = cost[start] + bits;
        from[end] = start;
        part[end] = kind;
      }
    };
    for (int i = 0; i < n; i++) {
      offer.offer(i, i + 1, single(key[i]), null);
      // A repeat copies the text p bytes before it, overlapping allowed: abab...
      for (int p = 1; p <= Math.min(i, 64); p++) {
        for (int length = 1; i + length <= n && key[i + length - 1] == key[i + length - 1 - p]; length++) {
          if (length >= 3) {
            offer.offer(i, i + length, 1 + log2(p) + log2(length), REPEAT);
          }
        }
      }
      // A run steps by the same 1 or 2 up or down: 1234, zyx, 2468.
      int step = i + 2 < n ? (key[i + 1] & 0xff) - (key[i] & 0xff) : 0;
      if (step != 0 && Math.abs(step) <= 2) {
        for (int end = i + 2; end < n && (key[end] & 0xff) - (key[end - 1] & 0xff) == step; end++) {
          offer.offer(i, end + 1, single(key[i]) + 1 + log2(end + 1 - i) + (Math.abs(step) - 1), RUN);
        }
      }
      words(key, i, n, offer);
      walks(key, i, n, offer);
    }
    Set<String> parts = new TreeSet<>(Comparator.comparing(List.of(WORD, RUN, REPEAT, WALK)::indexOf));
    for (int j = n; j > 0; j = from[j]) {
      if (part[j] != null) {
        parts.add(part[j]);
      }
    }
    return new Estimate(cost[n], parts);
  }

  private interface Offer {
    void offer(int start, int end, double bits, String kind);
  }

  /** A listed word by its rank, plus a bit for Capitalised or UPPER, or one per capital, and one per l33t. */
  private void words(byte[] key, int i, int n, Offer offer) {
    int uppers = 0;
    int substitutions = 0;
    StringBuilder lower = new StringBuilder();
    for (int end = i; end < Math.min(n, i + 24); end++) {
      int c = key[end] & 0xff;
      boolean upper = c >= 'A' && c <= 'Z';
      int leet = c < 0x80 ? LEET.indexOf(c) : -1;
      if (!upper && (c < 'a' || c > 'z') && leet < 0) {
        return;
      }
      uppers += upper ? 1 : 0;
      substitutions += leet >= 0 ? 1 : 0;
      lower.append(leet >= 0 ? LEET_LETTERS.charAt(leet) : (char) (upper ? c + 32 : c));
      Integer rank = lower.length() >= 4 ? wordRanks.get(lower.toString()) : null;
      if (rank != null) {
        boolean plainCase = uppers == lower.length() || (uppers == 1 && key[i] >= 'A' && key[i] <= 'Z');
        double caseBits = uppers == 0 ? 0 : plainCase ? 1 : uppers;
        offer.offer(i, end + 1, log2(rank + 2) + caseBits + substitutions, WORD);
      }
    }
  }

  /** Neighbouring keys (qwerty, 1qaz): a start, a direction per turn, the length and the shifts. */
  private static void walks(byte[] key, int i, int n, Offer offer) {
    int turns = 0;
    int direction = -1;
    int shifted = isShifted(key[i]) ? 1 : 0;
    for (int end = i + 1; end < n; end++) {
      int a = key[end - 1];
      int b = key[end];
      if (a < 0 || b < 0 || ROW[a] < 0 || ROW[b] < 0) {
        return;
      }
      int dx = COLUMN[b] / 2 - COLUMN[a] / 2;
      int dy = ROW[b] - ROW[a];
      if (Math.abs(dx) > 1 || Math.abs(dy) > 1 || dx == dy) {
        return; // not one of the six neighbours: left, upper left, upper right, right, lower right, lower left
      }
      turns += direction >= 0 && (dy + 1) * 3 + dx + 1 != direction ? 1 : 0;
      direction = (dy + 1) * 3 + dx + 1;
      shifted += isShifted(key[end]) ? 1 : 0;
      int length = end + 1 - i;
      if (length >= 4) {
        int shiftBits = Math.min(shifted, length - shifted) + (shifted > 0 ? 1 : 0);
        offer.offer(i, end + 1, log2(KEYBOARD_KEYS) + log2(6) * (turns + 1) + log2(length) + shiftBits, WALK);
      }
    }
  }

  private static boolean isShifted(byte c) {
    return c >= 0 && ROW[c] >= 0 && COLUMN[c] % 2 == 1;
  }

  /** A byte guessed on its own: a digit, an ASCII letter ({@code c | 0x20} lower-cases it), printable, any. */
  private static double single(byte b) {
    int c = b & 0xff;
    int lower = c | 0x20;
    return c >= '0' && c <= '9' ? log2(10)
        : lower >= 'a' && lower <= 'z' ? log2(26) : c >= 0x20 && c < 0x7f ? log2(33) : 8;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
