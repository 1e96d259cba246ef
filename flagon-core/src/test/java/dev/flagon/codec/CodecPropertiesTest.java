package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Round trip, tampering and garbage properties of the serializer. */
class CodecPropertiesTest {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
  private static final UrlSafeTimedSerializer SERIALIZER = UrlSafeTimedSerializer.create(
      KeyRing.of(Secret.fromText("property-key"), List.of(Secret.fromText("older-property-key"))), Signing.flask());
  private static final long NOW = 1_700_000_000L;
  /** A guard against hangs only (each call takes microseconds), not a performance assertion. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);

  @Property(tries = 500)
  void loads_dumpedText_givesSameTextAndTime(
      @ForAll("jsonish") String json, @ForAll @LongRange(min = 0, max = TimestampSigner.MAX_TIMESTAMP) long ts) {
    Verified v = SERIALIZER.loads(SERIALIZER.dumps(json, ts), ts, 0);

    assertThat(v).isEqualTo(new Verified(json, ts, 0));
  }

  @Property(tries = 2000)
  void loads_singleCharacterChange_alwaysBadData(
      @ForAll("jsonish") String json,
      @ForAll @IntRange(min = 0, max = 2) int operation,
      @ForAll @IntRange(min = 0, max = 1 << 16) int position,
      @ForAll("alphabetChar") char c) {
    String token = SERIALIZER.dumps(json, NOW);
    String changed = change(token, operation, position, c);

    Throwable thrown = catchThrowable(() -> SERIALIZER.loads(changed, NOW, Long.MAX_VALUE));

    assertThat(changed).isNotEqualTo(token);
    assertThat(thrown).as("loads(%s)", changed).isInstanceOf(BadDataException.class);
  }

  @Property(tries = 2000)
  void loads_arbitraryText_succeedsOrBadDataOnly(@ForAll("garbage") String text) {
    assertOnlyBadData(() -> SERIALIZER.loads(text, NOW, 3600));
    assertOnlyBadData(() -> UrlSafeTimedSerializer.decodeUnverified(text));
  }

  /** Replace (with a different character), delete, or insert one character. */
  private static String change(String token, int operation, int position, char c) {
    switch (operation) {
      case 0: {
        int at = position % token.length();
        char replacement = c != token.charAt(at) ? c : ALPHABET.charAt((ALPHABET.indexOf(c) + 1) % ALPHABET.length());
        return token.substring(0, at) + replacement + token.substring(at + 1);
      }
      case 1: {
        int at = position % token.length();
        return token.substring(0, at) + token.substring(at + 1);
      }
      default: {
        int at = position % (token.length() + 1);
        return token.substring(0, at) + c + token.substring(at);
      }
    }
  }

  private static void assertOnlyBadData(Runnable call) {
    Throwable thrown = assertTimeoutPreemptively(HANG_GUARD, () -> catchThrowable(call::run));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(BadDataException.class);
    }
  }

  @Provide
  Arbitrary<Character> alphabetChar() {
    return Arbitraries.of(ALPHABET.chars().mapToObj(i -> (char) i).toArray(Character[]::new));
  }

  /** JSON-looking text, repetitive text (so that zlib kicks in) and any Unicode without lone surrogates. */
  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> jsonChars = Arbitraries.strings().withChars("{}[]\":,.-0123456789truefalsn \\u").ofMaxLength(200);
    Arbitrary<String> repetitive = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
        Arbitraries.integers().between(1, 200)).as(String::repeat);
    Arbitrary<String> unicode = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .map(Character::toString).list().ofMaxSize(100).map(l -> String.join("", l));
    return Arbitraries.oneOf(jsonChars, repetitive, unicode);
  }

  /** Any text, text from the token alphabet, valid tokens with noise around them, and very long text. */
  @Provide
  Arbitrary<String> garbage() {
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(300);
    Arbitrary<String> tokenLike = Arbitraries.strings().withChars(ALPHABET + "=+/").ofMaxLength(300);
    Arbitrary<String> noisy = Combinators.combine(any, jsonish(), any).as((a, json, b) -> a + SERIALIZER.dumps(json, NOW) + b);
    Arbitrary<String> long_ = Combinators.combine(tokenLike, Arbitraries.integers().between(1, 5000)).as(String::repeat);
    return Arbitraries.oneOf(any, tokenLike, noisy, long_);
  }
}
