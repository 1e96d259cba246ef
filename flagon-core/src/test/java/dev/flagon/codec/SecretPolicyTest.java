package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.flagon.testing.Subprocess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The weak-key rules: random keys always pass; every key of the flask-unsign wordlist and keys made of
 * predictable parts are refused; the committed tables are what the build script makes from the list.
 */
class SecretPolicyTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final SecretPolicy POLICY = SecretPolicy.load();
  private static final String SCRIPT = "src/build/known_keys.py";
  private static List<byte[]> wordlist;
  /** How many entries (lines) the list has. */
  private static int entries;

  private static String weakness(byte[] key) {
    return POLICY.weakness(key).orElse(null);
  }

  private static String weakness(String key) {
    return weakness(key.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  @Property(tries = 3000)
  void randomKey_16BytesOrMore_rawHexOrBase64_isNeverRefused(@ForAll @IntRange(min = 16, max = 96) int length) {
    byte[] key = random(length);
    assertThat(weakness(key)).as("raw").isNull();
    assertThat(weakness(HexFormat.of().formatHex(key))).as("hex").isNull();
    assertThat(weakness(HexFormat.of().withUpperCase().formatHex(key))).as("HEX").isNull();
    assertThat(weakness(Base64.getEncoder().encodeToString(key))).as("base64").isNull();
    assertThat(weakness(Base64.getUrlEncoder().withoutPadding().encodeToString(key))).as("base64url").isNull();
  }

  @Property(tries = 3000)
  void randomText_16CharactersOrMore_ofHexOrBase64Digits_isNeverRefused(
      @ForAll @IntRange(min = 16, max = 40) int length) {
    String hex = HexFormat.of().formatHex(random(length)).substring(0, length);
    String base64 = Base64.getEncoder().encodeToString(random(length)).substring(0, length);
    assertThat(weakness(hex)).as(hex.length() + " hex digits").isNull();
    assertThat(weakness(base64)).as(base64.length() + " base64 digits").isNull();
  }

  @Provide
  Arbitrary<byte[]> wordlistKeys() {
    return Arbitraries.of(wordlist());
  }

  @Property(generation = GenerationMode.EXHAUSTIVE, tries = 60_000)
  void wordlistKey_anyLength_isRefused(@ForAll("wordlistKeys") byte[] key) {
    assertThat(weakness(key)).isNotNull();
  }

  @Test
  void wordlist_isTheListOf55982Entries_andTheTableHoldsEachDistinctLongKeyOnce() {
    Set<String> longKeys = new HashSet<>();
    for (byte[] key : wordlist()) {
      if (key.length >= SecretPolicy.MIN_LENGTH) {
        longKeys.add(HexFormat.of().formatHex(key));
      }
    }
    assertThat(entries).isEqualTo(55_982);
    assertThat(wordlist().stream().map(SecretPolicyTest::weakness).filter(w -> w != null && w.contains("wordlist"))
        .findFirst()) // the table's size, as the refusal gives it
        .hasValueSatisfying(w -> assertThat(w).contains("wordlist of " + longKeys.size() + " Flask keys"));
    assertThat(run("check")).isEmpty(); // the committed tables are exactly what the script makes
  }

  @ParameterizedTest
  @ValueSource(strings = {"0123456789abcdef", "abababababababab", "password12345678", "qwertyuiopasdfgh",
      "ZYXWVUTSRQPONMLK", "2468024680246802", "administrator123", "Sup3rS3cretPassw0rd", "asdfasdfasdfasdf",
      "!@#$%^&*()_+!@#$", "secretsecret1234"})
  void patternKey_isRefusedByThePatternRuleAlone(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
    assertThat(POLICY.estimate(bytes).bits()).isLessThan(SecretPolicy.MIN_BITS);
    assertThat(weakness(key)).isNotNull().doesNotContain(key);
  }

  @Test
  void patternKey_notOnTheList_isRefusedNamingItsParts() {
    assertThat(weakness("flaskapplication98765432")).isEqualTo("it is made of predictable parts (words common"
        + " in known keys, runs such as 1234 or abcd): about 18 bits to guess, fewer than 32");
  }

  @ParameterizedTest
  @ValueSource(strings = {"k7#Qw9!zR2@vX5$m", "MyFlaskApp2024!!", "tulip-ocean-frame-violet",
      "3f9c1be0a47d52e6b8c01f2a9d7e6c45"})
  void humanButUnpredictableKey_isAccepted(String key) {
    assertThat(weakness(key)).isNull();
  }

  @Test
  void estimate_namesTheCheapestParts() {
    assertThat(POLICY.estimate("password12345678".getBytes(StandardCharsets.US_ASCII)).parts())
        .containsExactlyInAnyOrder(SecretPolicy.WORD, SecretPolicy.RUN);
    assertThat(POLICY.estimate("qwertyuiop".getBytes(StandardCharsets.US_ASCII)).parts())
        .containsAnyOf(SecretPolicy.WALK, SecretPolicy.WORD);
    assertThat(POLICY.estimate("abcabcabcabcabca".getBytes(StandardCharsets.US_ASCII)).parts())
        .contains(SecretPolicy.REPEAT);
  }

  @Test
  void estimate_longKey_looksAtItsFirst128BytesOnly() {
    byte[] key = new byte[100_000]; // all zero: one byte repeated, for any length
    assertThat(POLICY.estimate(key).bits()).isLessThan(SecretPolicy.MIN_BITS);
    byte[] randomStart = random(200);
    System.arraycopy(randomStart, 0, key, 0, randomStart.length);
    assertThat(POLICY.estimate(key).bits()).isGreaterThan(400);
  }

  /** Every key of every entry, decoded by the build script (Python's own escape rules). */
  private static synchronized List<byte[]> wordlist() {
    if (wordlist == null) {
      List<byte[]> keys = new ArrayList<>();
      String[] lines = run("keys").split("\n", -1);
      entries = lines.length - 1; // the output ends with a newline
      for (int i = 0; i < entries; i++) {
        for (String hex : lines[i].split(" ")) {
          if (!hex.isEmpty()) {
            keys.add(HexFormat.of().parseHex(hex));
          }
        }
      }
      wordlist = keys;
    }
    return wordlist;
  }

  /** The script's output; skips the test without python3, unless CI is set. */
  private static String run(String command) {
    try {
      return Subprocess.run("python3 " + SCRIPT + " " + command, new ProcessBuilder("python3", SCRIPT, command)
          .redirectErrorStream(true), "", Duration.ofSeconds(120)).orFail().out();
    } catch (IOException e) {
      if (System.getenv("CI") != null) {
        fail("python3 is required when CI is set: " + e.getMessage());
      }
      Assumptions.abort("python3 is not available; the wordlist tests need it");
      throw new AssertionError("unreachable");
    }
  }
}
