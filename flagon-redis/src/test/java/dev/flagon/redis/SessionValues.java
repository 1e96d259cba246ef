package dev.flagon.redis;

import dev.flagon.json.Tuple;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generated session values of every type that crosses to Flask-Session, weighted towards the edges where
 * msgspec's choices show: the int, str, bin, array and map header boundaries, the timestamp forms, float
 * layouts, integers just outside MessagePack's range and strings with lone surrogates.
 */
final class SessionValues {
  private static final long MIN_SECOND = PyTime.MIN_EPOCH_SECOND + 2 * 86_400;
  private static final long MAX_SECOND = PyTime.MAX_EPOCH_SECOND - 2 * 86_400;

  private SessionValues() {}

  static Arbitrary<Map<String, Object>> sessions() {
    return Arbitraries.maps(keys(), value(2)).ofMaxSize(6);
  }

  static Arbitrary<String> keys() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.strings().alpha().ofMaxLength(12)),
        net.jqwik.api.Tuple.of(1, strings()));
  }

  static Arbitrary<Object> value(int depth) {
    Arbitrary<Object> leaf = Arbitraries.oneOf(List.of(
        Arbitraries.just(null), Arbitraries.of(true, false).map(b -> b),
        integers(), doubles(), strings().map(s -> s), bytes(), uuids(),
        instants(), offsetDateTimes(), naiveDateTimes(), dates()));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Object> inner = value(depth - 1);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, leaf),
        net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(18).map(l -> (Object) l)),
        net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(4).map(l -> (Object) Tuple.copyOf(l))),
        net.jqwik.api.Tuple.of(1, Arbitraries.maps(keys(), inner).ofMaxSize(17).map(m -> (Object) m)));
  }

  static Arbitrary<Object> integers() {
    BigInteger two = BigInteger.TWO;
    List<Object> edges = new java.util.ArrayList<>();
    for (int bits : new int[] {5, 7, 8, 15, 16, 31, 32, 63, 64}) {
      for (int delta = -1; delta <= 1; delta++) {
        BigInteger edge = two.pow(bits).add(BigInteger.valueOf(delta));
        edges.add(edge);
        edges.add(edge.negate());
      }
    }
    return Arbitraries.oneOf(List.of(
        Arbitraries.of(edges).map(SessionValues::narrow),
        Arbitraries.integers().map(i -> i),
        Arbitraries.longs().map(l -> l),
        Arbitraries.bigIntegers().between(two.pow(70).negate(), two.pow(70)).map(SessionValues::narrow)));
  }

  private static Object narrow(Object value) {
    BigInteger n = (BigInteger) value;
    return n.bitLength() < 32 ? (Object) n.intValue() : n.bitLength() < 64 ? (Object) n.longValue() : n;
  }

  static Arbitrary<Object> doubles() {
    return Arbitraries.oneOf(List.of(
        Arbitraries.doubles().map(d -> d),
        Arbitraries.longs().map(Double::longBitsToDouble).map(d -> d.isNaN() ? Double.NaN : d), // NV carries one NaN
        Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            Double.MAX_VALUE, 1e16, 1e15, 9.999e15, 1e-5, 1e-4, 1e-7, 1e22, 1e23, 2e-323, 0.1, 100.0).map(d -> d),
        // short decimals at every magnitude: where the positional and exponent layouts meet
        Arbitraries.integers().between(-99, 99).flatMap(m -> Arbitraries.integers().between(-330, 310)
            .map(e -> (Object) Double.parseDouble(m + "e" + e)))));
  }

  static Arbitrary<String> strings() {
    return Arbitraries.oneOf(List.of(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40),
        Arbitraries.of(31, 32, 255, 256).map(n -> "é".repeat(n / 2) + "x".repeat(n % 2)),
        Arbitraries.of(31, 32, 255, 256).map("a"::repeat),
        Arbitraries.of("😀", "\u2028", "\u007f", "\ud800", "a\udc00b", "\ufeff")));
  }

  static Arbitrary<Object> bytes() {
    return Arbitraries.oneOf(List.of(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
        Arbitraries.of(255, 256).map(n -> new byte[n])));
  }

  static Arbitrary<Object> uuids() {
    return Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()));
  }

  static Arbitrary<Object> instants() {
    return Arbitraries.oneOf(List.of(
        Arbitraries.longs().between(MIN_SECOND, MAX_SECOND),
        Arbitraries.longs().between(0, 1L << 34), // the 32- and 64-bit timestamp forms
        Arbitraries.of(0L, (1L << 32) - 1, 1L << 32, (1L << 34) - 1, 1L << 34, -1L)))
        .flatMap(s -> Arbitraries.oneOf(List.of(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999)))
            .map(n -> (Object) Instant.ofEpochSecond(s, n)));
  }

  static Arbitrary<Object> offsetDateTimes() {
    return Arbitraries.longs().between(MIN_SECOND, MAX_SECOND).flatMap(s -> Arbitraries.oneOf(List.of(
        Arbitraries.integers().between(-18 * 4, 18 * 4).map(q -> q * 900),
        Arbitraries.integers().between(-18 * 3600, 18 * 3600)))
        .map(offset -> (Object) OffsetDateTime.ofInstant(Instant.ofEpochSecond(s, 1000L * Math.floorMod(s, 999_999)),
            ZoneOffset.ofTotalSeconds(offset))));
  }

  static Arbitrary<Object> naiveDateTimes() {
    return Arbitraries.longs().between(MIN_SECOND, MAX_SECOND)
        .map(s -> (Object) LocalDateTime.ofEpochSecond(s, (int) Math.floorMod(s, 1000) * 1000, ZoneOffset.UTC));
  }

  static Arbitrary<Object> dates() {
    return Arbitraries.longs().between(MIN_SECOND / 86_400, MAX_SECOND / 86_400)
        .map(day -> (Object) LocalDate.ofEpochDay(day));
  }
}
