package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round trips of generated values, and garbage in → TaggedJsonException out (never anything else). */
class TaggedJsonPropertiesTest {
  private static final TaggedJson JSON = TaggedJson.standard();
  private static final long YEAR_100 = OffsetDateTime.of(100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond();
  private static final long YEAR_9999_END =
      OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC).toEpochSecond();

  @Property(tries = 500)
  void loadsOfDumps_anyValue_givesTheValueBack(@ForAll("values") Object value) {
    String json = JSON.dumps(value);

    Object back = JSON.loads(json);

    assertThat(NvValues.structurallyEqual(value, back))
        .as("%s came back as %s via %s", NvValues.describe(value), NvValues.describe(back), json)
        .isTrue();
  }

  @Property(tries = 300)
  void dumps_anyValue_isPrintableAscii(@ForAll("values") Object value) {
    assertThat(JSON.dumps(value).chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  @Property(tries = 1000)
  void loads_arbitraryText_returnsOrThrowsTaggedJsonException(@ForAll("garbage") String text) {
    assertOnlyTaggedJsonException(text);
  }

  @Property(tries = 1000)
  void loads_mutatedValidText_returnsOrThrowsTaggedJsonException(
      @ForAll("values") Object value, @ForAll("mutations") List<Integer> edits) {
    StringBuilder text = new StringBuilder(JSON.dumps(value));
    String alphabet = "{}[]\",:0123456789.eE+-tfnulrsaINiy \\ubdtm";
    for (int i = 0; i + 2 < edits.size(); i += 3) {
      int at = edits.get(i) % (text.length() + 1);
      char c = alphabet.charAt(edits.get(i + 1) % alphabet.length());
      switch (edits.get(i + 2) % 3) {
        case 0 -> text.insert(at, c);
        case 1 -> text.deleteCharAt(Math.min(at, text.length() - 1));
        default -> text.setCharAt(Math.min(at, text.length() - 1), c);
      }
      if (text.length() == 0) {
        break;
      }
    }
    assertOnlyTaggedJsonException(text.toString());
  }

  private static void assertOnlyTaggedJsonException(String text) {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      try {
        JSON.loads(text);
      } catch (TaggedJsonException expected) {
        assertThat(expected.getMessage()).isNotNull();
      }
    });
  }

  @Provide
  Arbitrary<Object> values() {
    return Arbitraries.recursive(this::scalars, this::containers, 0, 4);
  }

  @Provide
  Arbitrary<String> garbage() {
    Arbitrary<String> jsonish = Arbitraries.strings()
        .withChars("{}[]\",:0123456789.eE+- \t\n\\/tfnulrsaINiybdmu")
        .ofMaxLength(40);
    Arbitrary<String> tagged = Arbitraries.of("{\" t\":", "{\" b\":", "{\" u\":", "{\" d\":", "{\" di\":",
            "{\" m\":", "[", "\"", "\"\\ud800", "NaN", "-Infinity", "1e999", "{\"a\":")
        .list().ofMaxSize(6)
        .map(parts -> String.join("", parts));
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30), jsonish, tagged);
  }

  @Provide
  Arbitrary<List<Integer>> mutations() {
    return Arbitraries.integers().between(0, 10_000).list().ofMinSize(3).ofMaxSize(9);
  }

  private Arbitrary<Object> scalars() {
    return Arbitraries.oneOf(
        anyStrings().map(s -> (Object) s),
        Arbitraries.longs().map(n -> (Object) n),
        Arbitraries.integers().map(n -> (Object) n),
        Arbitraries.bigIntegers()
            .between(BigInteger.TWO.pow(300).negate(), BigInteger.TWO.pow(300))
            .map(n -> (Object) n),
        Arbitraries.doubles().withStandardSpecialValues().map(d -> (Object) d),
        Arbitraries.longs().map(bits -> (Object) Double.longBitsToDouble(bits)),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(null),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(20).map(b -> (Object) b),
        Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((a, b) -> (Object) new UUID(a, b)),
        anyStrings().map(s -> (Object) Markup.of(s)),
        Arbitraries.longs().between(YEAR_100, YEAR_9999_END)
            .map(seconds -> (Object) Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC)));
  }

  /** Any code points: ASCII, controls, BMP, lone surrogates, pairs and non-BMP characters. */
  private Arbitrary<String> anyStrings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.integers().between(0, 0x10FFFF).list().ofMaxSize(6)
            .map(codePoints -> new String(codePoints.stream().mapToInt(Integer::intValue).toArray(), 0,
                codePoints.size())));
  }

  private Arbitrary<Object> containers(Arbitrary<Object> inner) {
    Arbitrary<String> keys = Arbitraries.oneOf(
        anyStrings(), Arbitraries.of(" t", " di", " b", " m", " u", " d", " t__", "a"));
    return Arbitraries.oneOf(
        inner.list().ofMaxSize(4).map(list -> (Object) new ArrayList<>(list)),
        inner.list().ofMaxSize(4).map(list -> (Object) Tuple.copyOf(list)),
        Arbitraries.maps(keys, inner).ofMaxSize(4).map(map -> (Object) new LinkedHashMap<>(map)));
  }
}
