package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The writer's direct datetime path must give the general path's text, or its exception. */
class HttpDateTest {
  private static final long YEAR_1 = -62_135_596_800L;
  private static final long YEAR_10000 = 253_402_300_800L;

  @Property(tries = 5000)
  void appendDateTime_intoBuffer_sameAsGeneralPath(@ForAll("dateTimes") Object value) {
    assertThat(intoBuffer(value)).isEqualTo(general(value));
  }

  private static String general(Object value) {
    try {
      StringBuilder text = new StringBuilder();
      HttpDate.appendDateTime(text, value);
      return text.toString();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static String intoBuffer(Object value) {
    try {
      JsonBuffer out = new JsonBuffer(4);
      HttpDate.appendDateTime(out, value);
      return out.toString();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** Instants across and just past years 1..9999 (and the extremes), as each of the four datetime types. */
  @Provide
  Arbitrary<Object> dateTimes() {
    Arbitrary<Long> seconds = Arbitraries.oneOf(
        Arbitraries.longs().between(YEAR_1 - 100_000, YEAR_10000 + 100_000),
        Arbitraries.longs().between(-3, 3).map(d -> YEAR_1 + d),
        Arbitraries.longs().between(-3, 3).map(d -> YEAR_10000 + d),
        Arbitraries.longs().between(-86_400L * 800, 86_400L * 800),
        Arbitraries.of(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()));
    Arbitrary<Instant> instants = Combinators.combine(seconds, Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
    Arbitrary<ZoneOffset> offsets = Arbitraries.integers().between(-18 * 3600, 18 * 3600)
        .map(ZoneOffset::ofTotalSeconds);
    Arbitrary<ZoneId> zones =
        Arbitraries.of(List.of("Europe/Paris", "America/St_Johns", "Asia/Kathmandu", "UTC")).map(ZoneId::of);
    return Arbitraries.oneOf(
        instants.map(i -> (Object) i),
        Combinators.combine(instants, offsets).as((i, o) -> (Object) safely(() -> i.atOffset(o), i)),
        Combinators.combine(instants, zones).as((i, z) -> (Object) safely(() -> i.atZone(z), i)),
        instants.map(i -> (Object) safely(() -> LocalDateTime.ofInstant(i, ZoneOffset.UTC), i)));
  }

  /** The Java type cannot hold every instant; those stay instants. */
  private static Object safely(java.util.function.Supplier<Object> make, Instant fallback) {
    try {
      return make.get();
    } catch (java.time.DateTimeException e) {
      return fallback;
    }
  }

  @Property(tries = 10)
  void appendDateTime_knownValue(@ForAll("offsets") ZoneOffset offset) {
    Object value =
        OffsetDateTime.of(2023, 11, 14, 22, 13, 20, 999, ZoneOffset.UTC).withOffsetSameInstant(offset);
    assertThat(intoBuffer(value)).isEqualTo("Tue, 14 Nov 2023 22:13:20 GMT");
  }

  @Provide
  Arbitrary<ZoneOffset> offsets() {
    return Arbitraries.integers().between(-18, 18).map(ZoneOffset::ofHours);
  }
}
