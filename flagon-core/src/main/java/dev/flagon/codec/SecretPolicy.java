package dev.flagon.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which secret keys are too weak to sign or encrypt sessions: shorter than {@value #MIN_LENGTH} bytes, one
 * byte repeated, a well-known placeholder (compared case-insensitively, ignoring {@code - _ . } and
 * spaces), a key on the flask-unsign wordlist that attackers use to crack Flask cookies (Flask's own
 * quickstart key among them), or a key made of predictable parts (words, runs, repeats, keyboard walks)
 * worth fewer than 32 bits. Whoever guesses the key can forge any session, and these are the first
 * guesses. Used when a configuration is built: public because {@code dev.flagon}'s config checks call it,
 * and it stays in this package because only this package can read a {@link Secret}'s bytes. No other
 * module uses it.
 */
public final class SecretPolicy {
  /** The shortest key accepted without an explicit opt-in, in bytes (128 bits). */
  static final int MIN_LENGTH = 16;

  /** Normalized (lower case, no separators): tutorials', frameworks' and templates' favourite keys. */
  private static final Set<String> PLACEHOLDERS = Set.of(
      "supersecretkey", "supersecret", "changeme", "changeit", "secret", "secretkey", "dev", "development",
      "developmentkey", "devkey", "devsecret", "test", "testing", "testkey", "testsecret", "password",
      "yoursecretkey", "yoursecretkeyhere", "mysecretkey", "mysecret", "mysupersecretkey", "flasksecret",
      "flasksecretkey", "default", "defaultsecretkey", "key", "thisisasecretkey", "thisisasecret",
      "notsecret", "insecure", "insecuresecretkey", "pleasechangeme", "replaceme", "secretkeyhere",
      "putyoursecretkeyhere", "verysecretkey", "topsecret", "s3cr3t", "s3cr3tk3y", "letmein", "admin");

  /** Fragments that only placeholders contain: {@code change-this-secret-key-123} is still a placeholder. */
  private static final String[] PLACEHOLDER_FRAGMENTS = {
    "changeme", "changethis", "replaceme", "replacethis", "yoursecret", "placeholder", "notsecret",
    "insecure", "example"
  };

  private SecretPolicy() {}

  /**
   * Why this key is weak, or empty if it is not. The reason names the rule, never the key. Reads the
   * wordlist's table (about 250 KB) for this call only.
   *
   * @throws NullPointerException if the key is null
   */
  public static Optional<String> weakness(Secret secret) {
    byte[] bytes = secret.copyBytes();
    try {
      return weakness(bytes, KnownKeys.load(), KeyPatterns.load());
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** {@link #weakness(Secret)} with the tables already loaded, for checking many keys. */
  static Optional<String> weakness(byte[] bytes, KnownKeys knownKeys, KeyPatterns patterns) {
    if (bytes.length < MIN_LENGTH) {
      return Optional.of("it is shorter than " + MIN_LENGTH + " bytes (it has " + bytes.length + ")");
    }
    if (allSame(bytes)) {
      return Optional.of("it is one byte repeated");
    }
    String normalized = normalize(bytes);
    if (PLACEHOLDERS.contains(normalized)) {
      return Optional.of("it is a well-known placeholder");
    }
    for (String fragment : PLACEHOLDER_FRAGMENTS) {
      if (normalized.contains(fragment)) {
        return Optional.of("it looks like a placeholder");
      }
    }
    if (knownKeys.contains(bytes)) {
      return Optional.of("it is on the flask-unsign wordlist of " + knownKeys.size() + " Flask keys found in"
          + " public code, which attackers try first");
    }
    KeyPatterns.Estimate estimate = patterns.estimate(bytes);
    if (estimate.bits() < KeyPatterns.MIN_BITS) {
      String parts = estimate.parts().stream().map(part -> part.description).collect(Collectors.joining(", "));
      return Optional.of("it is made of predictable parts (" + parts + "): about "
          + Math.round(estimate.bits()) + " bits to guess, fewer than " + Math.round(KeyPatterns.MIN_BITS));
    }
    return Optional.empty();
  }

  private static boolean allSame(byte[] bytes) {
    for (byte b : bytes) {
      if (b != bytes[0]) {
        return false;
      }
    }
    return true;
  }

  /** Lower case without separators, read as Latin-1 so that any byte string maps to some text. */
  private static String normalize(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '-' && c != '_' && c != '.' && c != ' ') {
        out.append(c);
      }
    }
    return out.toString();
  }
}
