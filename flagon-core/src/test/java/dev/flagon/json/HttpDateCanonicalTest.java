package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The direct reading of Flask's own date shape must be invisible: the lenient parser's result or nothing. */
class HttpDateCanonicalTest {
  /** Werkzeug's http_date: {@code %a, %d %b %Y %H:%M:%S GMT} in English. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

  @Property(tries = 3000)
  void readsEveryDateFlaskWrites(
      @ForAll @LongRange(min = -59_011_459_200L, max = 253_402_300_799L) long epochSecond) {
    OffsetDateTime time = Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC);
    String text = HTTP_DATE.format(time);

    assertThat(HttpDateParser.parseCanonical(text)).isEqualTo(time);
    assertThat(HttpDateParser.parseLenient(text)).isEqualTo(time);
  }

  @Property(tries = 20000)
  void givesTheLenientResultOrLeavesItToTheLenientParser(@ForAll("nearlyCanonical") String text) {
    OffsetDateTime direct = HttpDateParser.parseCanonical(text);
    if (direct != null) {
      assertThat(direct).isEqualTo(HttpDateParser.parseLenient(text));
    }
  }

  /** Flask's shape with each character sometimes replaced by one that could confuse a direct reader. */
  @Provide
  Arbitrary<String> nearlyCanonical() {
    Arbitrary<Long> seconds = Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L);
    Arbitrary<Integer> position = Arbitraries.integers().between(0, 28);
    Arbitrary<Character> odd = Arbitraries.of(
        '0', '1', '2', '3', '5', '6', '9', ' ', ':', ',', '-', '+', '.', 'a', 'J', 'G', 'Z', '\t', '\u00a0',
        '\u0663', '\uff11', 'x');
    Arbitrary<Integer> changes = Arbitraries.integers().between(0, 3);
    return seconds.flatMap(s -> changes.flatMap(n -> position.list().ofSize(n).flatMap(where ->
        odd.list().ofSize(n).map(what -> {
          StringBuilder text = new StringBuilder(
              HTTP_DATE.format(Instant.ofEpochSecond(s).atOffset(ZoneOffset.UTC)));
          for (int i = 0; i < n; i++) {
            text.setCharAt(where.get(i), what.get(i));
          }
          return text.toString();
        }))));
  }
}
