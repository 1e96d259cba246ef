package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.Zlib;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The no-compression shortcut ({@link Payload#cannotSaveTwoBytes}) against the real {@code Deflater}: a
 * wrong shortcut would silently change cookies, so its lower bound is checked on random and structured
 * inputs, and on a corpus, together with the whole compress-or-not decision of the hot path (bounded
 * output buffer, pooled and reset deflaters) against a fresh, unbounded {@code zlib.compress}.
 */
class ZlibShortcutTest {
  private static final int[][] BOUND = UrlSafeTimedSerializer.ZlibShortcut.minZlibLengths(UrlSafeTimedSerializer.ZlibShortcut.MAX_LENGTH);

  @Property(tries = 10_000)
  void cannotSaveTwoBytes_whenTrue_zlibIsNeverTwoBytesShorter(@ForAll("inputs") byte[] raw) {
    byte[] z = Zlib.compress(raw);

    if (UrlSafeTimedSerializer.ZlibShortcut.cannotSaveTwoBytes(raw)) {
      assertThat(z.length).as("zlib of %s", Arrays.toString(raw)).isGreaterThanOrEqualTo(raw.length - 1);
    }
    if (raw.length <= UrlSafeTimedSerializer.ZlibShortcut.MAX_LENGTH && !UrlSafeTimedSerializer.ZlibShortcut.hasRepeatedTriple(raw) && raw.length > 0) {
      // The bound itself, not only the decision drawn from it.
      int bound = BOUND[UrlSafeTimedSerializer.ZlibShortcut.maxCount(raw)][raw.length];
      assertThat(z.length).as("zlib of %s", Arrays.toString(raw)).isGreaterThanOrEqualTo(bound);
    }
  }

  @Property(tries = 10_000)
  void compressIfSmaller_anyInput_decidesAsZlibCompressOfPython(@ForAll("inputs") byte[] raw) {
    assertThat(UrlSafeTimedSerializer.compressIfSmaller(raw)).isEqualTo(reference(raw));
  }

  @Test
  void compressIfSmaller_corpus_decidesAsZlibCompressOfPython() {
    List<byte[]> corpus = corpus();
    int shortcuts = 0;
    for (byte[] raw : corpus) {
      assertThat(UrlSafeTimedSerializer.compressIfSmaller(raw)).as("%s", new String(raw, StandardCharsets.ISO_8859_1))
          .isEqualTo(reference(raw));
      if (UrlSafeTimedSerializer.ZlibShortcut.cannotSaveTwoBytes(raw)) {
        shortcuts++;
        assertThat(Zlib.compress(raw).length).isGreaterThanOrEqualTo(raw.length - 1);
      }
    }
    assertThat(shortcuts).as("inputs the shortcut decided").isGreaterThan(100_000);
  }

  @Test
  void cannotSaveTwoBytes_loginSession_skipsZlib() {
    byte[] json = "{\"user_id\":12345}".getBytes(StandardCharsets.US_ASCII);

    assertThat(UrlSafeTimedSerializer.ZlibShortcut.cannotSaveTwoBytes(json)).isTrue();
    assertThat(Zlib.compress(json)).hasSizeGreaterThan(json.length - 2); // and indeed: 25 bytes
  }

  @Test
  void cannotSaveTwoBytes_repeatedTripleOrLongInput_compressionIsTried() {
    assertThat(UrlSafeTimedSerializer.ZlibShortcut.cannotSaveTwoBytes("{\"v\":\"ababababa\"}".getBytes(StandardCharsets.US_ASCII))).isFalse();
    assertThat(UrlSafeTimedSerializer.ZlibShortcut.cannotSaveTwoBytes(distinct(UrlSafeTimedSerializer.ZlibShortcut.MAX_LENGTH + 1))).isFalse();
  }

  @Test
  void hasRepeatedTriple_overlappingOccurrences_count() {
    assertThat(UrlSafeTimedSerializer.ZlibShortcut.hasRepeatedTriple(ascii("aaaa"))).isTrue();
    assertThat(UrlSafeTimedSerializer.ZlibShortcut.hasRepeatedTriple(ascii("abcxabc"))).isTrue();
    assertThat(UrlSafeTimedSerializer.ZlibShortcut.hasRepeatedTriple(ascii("abcdab"))).isFalse();
    assertThat(UrlSafeTimedSerializer.ZlibShortcut.hasRepeatedTriple(ascii("ab"))).isFalse();
  }

  @Test
  void minZlibLengths_beyondTheShortcutLimit_neverAllowTheShortcut() {
    // The limit is where the bound stops being able to prove anything, even for all-distinct bytes.
    int[][] table = UrlSafeTimedSerializer.ZlibShortcut.minZlibLengths(64);
    for (int n = UrlSafeTimedSerializer.ZlibShortcut.MAX_LENGTH + 1; n <= 64; n++) {
      assertThat(table[1][n]).as("n=%d", n).isLessThanOrEqualTo(n - 2);
    }
  }

  /** What itsdangerous does: compress fully with a fresh stream, keep it if at least two bytes shorter. */
  private static byte[] reference(byte[] raw) {
    byte[] z = Zlib.compress(raw);
    return z.length < raw.length - 1 ? z : null;
  }

  @Provide
  Arbitrary<byte[]> inputs() {
    return Arbitraries.oneOf(
        alphabet(2), alphabet(4), alphabet(16), alphabet(64), alphabet(256),
        Arbitraries.integers().between(9, 40).map(ZlibShortcutTest::distinct),
        Arbitraries.strings().withChars("{}\":,_abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(0).ofMaxLength(48)
            .map(ZlibShortcutTest::ascii),
        Arbitraries.integers().between(0, 2000).map(n -> ascii("x".repeat(n % 300) + n)));
  }

  private static Arbitrary<byte[]> alphabet(int symbols) {
    return Arbitraries.integers().between(0, symbols - 1).map(i -> (byte) (i * 251 % 256)).array(byte[].class)
        .ofMinSize(0).ofMaxSize(48);
  }

  /** n distinct bytes in a pseudo-random order: the least compressible input there is. */
  private static byte[] distinct(int n) {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      values.add(i);
    }
    java.util.Collections.shuffle(values, new Random(n));
    byte[] raw = new byte[n];
    for (int i = 0; i < n; i++) {
      raw[i] = (byte) (int) values.get(i);
    }
    return raw;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Sessions a small login writes ({"user_id":N} for N up to 10^5, {"id":N}, {"u":"..."}), every
   * 9-character string over a 3-letter alphabet, and near-distinct inputs of every length up to the limit
   * with one or two bytes repeated.
   */
  private static List<byte[]> corpus() {
    List<byte[]> corpus = new ArrayList<>();
    for (int n = 0; n < 100_000; n++) {
      corpus.add(ascii("{\"user_id\":" + n + "}"));
      corpus.add(ascii("{\"id\":" + (n * 7919L) + "}"));
    }
    for (int n = 0; n < 20_000; n++) {
      corpus.add(ascii("{\"u\":\"" + Integer.toString(n * 104_729, 36) + "\"}"));
    }
    for (int k = 0; k < 19_683; k++) { // 3^9
      int v = k;
      byte[] raw = new byte[9];
      for (int i = 0; i < 9; i++) {
        raw[i] = (byte) ("abc".charAt(v % 3));
        v /= 3;
      }
      corpus.add(raw);
    }
    Random random = new Random(42);
    for (int n = 9; n <= UrlSafeTimedSerializer.ZlibShortcut.MAX_LENGTH; n++) {
      for (int k = 0; k < 2000; k++) {
        byte[] raw = distinct(n);
        raw[random.nextInt(n)] = raw[random.nextInt(n)];
        if (k % 2 == 0) {
          raw[random.nextInt(n)] = raw[random.nextInt(n)];
        }
        corpus.add(raw);
      }
    }
    return corpus;
  }
}
