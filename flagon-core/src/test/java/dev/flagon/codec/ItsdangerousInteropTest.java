package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import dev.flagon.testing.PlainJson;
import dev.flagon.testing.Subprocess;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test against the real itsdangerous (python3 subprocess): every key derivation and digest,
 * random keys (empty, short, longer than the hash block), salts and values, both directions. Fails when
 * {@code CI} is set and python3 with itsdangerous is missing; skipped otherwise.
 */
class ItsdangerousInteropTest {
  private static final HexFormat HEX = HexFormat.of();

  @BeforeAll
  static void requirePython() {
    String problem = pythonProblem();
    if (problem != null) {
      if (System.getenv("CI") != null) {
        fail("CI is set but python3 with itsdangerous is unusable: " + problem);
      }
      Assumptions.abort("python3 with itsdangerous is unusable (" + problem + "); set CI to make this fail");
    }
  }

  /** One random case, with Java's own tokens for Python to verify. */
  private static final class Case {
    byte[] key;
    List<byte[]> fallbacks = new ArrayList<>();
    String salt;
    Digest digest;
    KeyDerivation kd;
    String value;
    long timestamp;
    Integer fallbackIndex;
    Signer signer;
    TimestampSigner timed;

    Signing signing() {
      return Signing.of(salt, digest, kd);
    }
  }

  @Test
  void signAndUnsign_randomCasesEveryDerivationAndDigest_agreeWithItsdangerousBothWays() throws Exception {
    long seed = new Random().nextLong();
    List<Case> cases = randomCases(new Random(seed));
    List<Map<String, Object>> results = runOracle(cases);

    assertThat(results).hasSameSizeAs(cases);
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Map<String, Object> r = results.get(i);
      String where = "seed " + seed + ", case " + i + " (" + c.kd.flaskName() + ", " + c.digest.flaskName()
          + ", key " + c.key.length + " bytes)";
      // Derivation and signing are deterministic, so Python's and Java's tokens must be identical.
      assertThat(HEX.formatHex(c.signing().deriveKey(c.key))).as(where).isEqualTo(r.get("derived"));
      assertThat(c.signer.sign(c.value)).as(where).isEqualTo(r.get("signed"));
      assertThat(c.timed.sign(c.value, c.timestamp)).as(where).isEqualTo(r.get("timed"));
      // Python-signed tokens verify in Java ...
      assertThat(c.signer.unsign((String) r.get("signed"))).as(where).isEqualTo(c.value);
      assertThat(c.timed.unsign((String) r.get("timed"), c.timestamp, 0))
          .as(where).isEqualTo(new Verified(c.value, c.timestamp, 0));
      if (c.fallbackIndex != null) {
        assertThat(c.signer.unsign((String) r.get("fallback_signed"))).as(where).isEqualTo(c.value);
        assertThat(c.timed.unsign((String) r.get("fallback_timed"), c.timestamp, 0).keyIndex())
            .as(where + ", fallback " + c.fallbackIndex).isEqualTo(expectedKeyIndex(c));
      }
      // ... and Java-signed tokens verify in Python.
      assertThat(r.get("java_signed_error")).as(where).isNull();
      assertThat(r.get("java_signed_value")).as(where).isEqualTo(c.value);
      assertThat(r.get("java_timed_error")).as(where).isNull();
      assertThat(r.get("java_timed_value")).as(where).isEqualTo(c.value);
      assertThat(((Number) r.get("java_timed_timestamp")).longValue()).as(where).isEqualTo(c.timestamp);
    }
  }

  /**
   * The first key, from the current one then the fallbacks newest first, that signs as the signing fallback
   * does: the same key to the MAC, so an empty key and a zero byte count as one (see {@link #macKey}).
   */
  private static int expectedKeyIndex(Case c) {
    byte[] used = macKey(c, c.fallbacks.get(c.fallbackIndex));
    if (Arrays.equals(macKey(c, c.key), used)) {
      return 0;
    }
    for (int j = c.fallbacks.size() - 1; j >= 0; j--) {
      if (Arrays.equals(macKey(c, c.fallbacks.get(j)), used)) {
        return j + 1;
      }
    }
    throw new AssertionError();
  }

  /**
   * The derived key as HMAC uses it (RFC 2104): hashed when longer than the hash's block, then zero-padded
   * to the block. With the {@code hmac} and {@code none} derivations, keys that differ only in trailing zero
   * bytes sign alike, in itsdangerous as in Flagon.
   */
  private static byte[] macKey(Case c, byte[] secret) {
    byte[] key = c.signing().deriveKey(secret);
    int block = c.digest == Digest.SHA1 || c.digest == Digest.SHA256 ? 64 : 128;
    return Arrays.copyOf(key.length > block ? c.digest.newMessageDigest().digest(key) : key, block);
  }

  private static List<Case> randomCases(Random random) {
    List<Case> cases = new ArrayList<>();
    for (KeyDerivation kd : KeyDerivation.values()) {
      for (Digest digest : Digest.values()) {
        for (int n = 0; n < 12; n++) {
          Case c = new Case();
          c.kd = kd;
          c.digest = digest;
          // The first case of each combination has an empty current key, the second an empty fallback, the
          // seventh a current key of one zero byte and an empty fallback (one key to HMAC, two to a hash).
          c.key = n == 0 ? new byte[0] : n == 6 ? new byte[1]
              : randomBytes(random, random.nextInt(4) == 0 ? 129 + random.nextInt(80) : random.nextInt(40));
          int fallbackCount = n == 1 ? 2 : n == 6 ? 1 : random.nextInt(3);
          for (int f = 0; f < fallbackCount; f++) {
            c.fallbacks.add((n == 1 || n == 6) && f == 0 ? new byte[0] : randomBytes(random, random.nextInt(70)));
          }
          c.fallbackIndex = fallbackCount == 0 ? null : (n == 1 || n == 6 ? 0 : random.nextInt(fallbackCount));
          c.salt = n == 2 ? "" : (n == 3 ? "cookie-session" : randomText(random, 20));
          c.value = randomText(random, 60);
          c.timestamp = n == 4 ? 0 : (n == 5 ? TimestampSigner.MAX_TIMESTAMP : (long) (random.nextDouble() * TimestampSigner.MAX_TIMESTAMP));
          List<Secret> olds = new ArrayList<>();
          c.fallbacks.forEach(f -> olds.add(Secret.fromBytes(f)));
          c.signer = Signer.create(KeyRing.of(Secret.fromBytes(c.key), olds), c.signing());
          c.timed = TimestampSigner.create(KeyRing.of(Secret.fromBytes(c.key), olds), c.signing());
          cases.add(c);
        }
      }
    }
    return cases;
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    return b;
  }

  /** ASCII with many dots, Latin-1, BMP and astral code points; never a lone surrogate. */
  private static String randomText(Random random, int maxLength) {
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(5)) {
        case 0: sb.append('.'); break;
        case 1: sb.appendCodePoint(0x20 + random.nextInt(0x5f)); break;
        case 2: sb.appendCodePoint(random.nextInt(0x100)); break;
        case 3: sb.appendCodePoint(0x10000 + random.nextInt(0x100000)); break;
        default: {
          int cp = random.nextInt(0x10000);
          sb.appendCodePoint(Character.isSurrogate((char) cp) ? 'x' : cp);
        }
      }
    }
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> runOracle(List<Case> cases) throws Exception {
    String out = Subprocess.run("the itsdangerous oracle", new ProcessBuilder("python3", "-c", oracleScript()),
        casesJson(cases), Duration.ofSeconds(120)).orFail().out();
    Map<String, Object> root = (Map<String, Object>) PlainJson.parseAllowingNaN(out);
    return (List<Map<String, Object>>) root.get("results");
  }

  private static String casesJson(List<Case> cases) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeArrayFieldStart("cases");
      for (Case c : cases) {
        g.writeStartObject();
        g.writeStringField("key", HEX.formatHex(c.key));
        g.writeArrayFieldStart("fallbacks");
        for (byte[] f : c.fallbacks) {
          g.writeString(HEX.formatHex(f));
        }
        g.writeEndArray();
        g.writeStringField("salt", c.salt);
        g.writeStringField("digest", c.digest.flaskName());
        g.writeStringField("kd", c.kd.flaskName());
        g.writeStringField("value", c.value);
        g.writeNumberField("timestamp", c.timestamp);
        if (c.fallbackIndex == null) {
          g.writeNullField("fallback_index");
        } else {
          g.writeNumberField("fallback_index", c.fallbackIndex);
        }
        g.writeStringField("java_signed", c.signer.sign(c.value));
        g.writeStringField("java_timed", c.timed.sign(c.value, c.timestamp));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return w.toString();
  }

  private static String oracleScript() throws IOException {
    try (InputStream in = ItsdangerousInteropTest.class.getResourceAsStream("/codec/itsdangerous_oracle.py")) {
      if (in == null) {
        throw new IllegalStateException("codec/itsdangerous_oracle.py is not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Null if python3 can import itsdangerous, else why not. */
  private static String pythonProblem() {
    try {
      Subprocess.Result p = Subprocess.run("python3",
          new ProcessBuilder("python3", "-c", "import itsdangerous, hashlib").redirectErrorStream(true), "",
          Duration.ofSeconds(30));
      if (!p.finished()) {
        return "python3 did not answer within 30 s";
      }
      return p.exit() == 0 ? null : "import itsdangerous failed (exit " + p.exit() + ")";
    } catch (IOException e) {
      return "cannot start python3: " + e.getMessage();
    }
  }
}
