package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatReprTest {
  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "1e16, 1e+16",
    "1e-5, 1e-05",
    "-0.0, -0.0",
    "0.0, 0.0",
    "0.0001, 0.0001",
    "0.00042, 0.00042",
    "1e23, 1e+23",
    "2.82879384806159e17, 2.82879384806159e+17",
    "5e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "0.1, 0.1",
    "100.0, 100.0",
    "1.0, 1.0",
    "1e15, 1000000000000000.0",
    "9999999999999998, 9999999999999998.0",
    "123456789012345678, 1.2345678901234568e+17",
    "123456.789, 123456.789",
    "4.5e-6, 4.5e-06",
    "6.02214076e23, 6.02214076e+23",
    "1.5e100, 1.5e+100",
    "-2.5e-8, -2.5e-08",
    "2e-323, 2e-323",
    "1e-323, 1e-323",
    "9.5e-323, 9.4e-323",
    "2.2250738585072014e-308, 2.2250738585072014e-308",
    "1e22, 1e+22",
    "123456789.125, 123456789.125",
    "1234567.0, 1234567.0",
    "0.001, 0.001",
    "3.5, 3.5",
    "-1e300, -1e+300",
  })
  void repr_double_matchesPython(double value, String python) {
    assertThat(JsonBuffer.repr(value)).isEqualTo(python);
  }

  @Test
  void repr_nonFinite_writesBareTokens() {
    assertThat(JsonBuffer.repr(Double.NaN)).isEqualTo("NaN");
    assertThat(JsonBuffer.repr(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(JsonBuffer.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }

  @Test
  void repr_jdk17NonShortestCases_givesShortestDigits() {
    // JDK 17 Double.toString: 2.82879384806159008E17 and 9.999999999999999E22
    assertThat(JsonBuffer.repr(2.82879384806159e17)).isEqualTo("2.82879384806159e+17");
    assertThat(JsonBuffer.repr(1e23)).isEqualTo("1e+23");
  }

  @Property(tries = 20_000)
  void repr_shortDecimalShortcut_sameAsGeneralAlgorithm(@ForAll("doubles") double value) {
    assertThat(intoBuffer(value)).isEqualTo(JsonBuffer.repr(value));
    assertThat(intoBuffer(-value)).isEqualTo(JsonBuffer.repr(-value));
  }

  /** The writer's own path: the shortcut there lays digits out in the buffer, not through a StringBuilder. */
  private static String intoBuffer(double value) {
    JsonBuffer out = new JsonBuffer(4);
    out.put('x'); // not at the start of the buffer
    out.putFloat(value);
    return out.toString().substring(1);
  }

  @Test
  void repr_shortDecimalBoundaries_sameAsGeneralAlgorithm() {
    for (double value : new double[] {1e-4, Math.nextDown(1e-4), Math.nextUp(1e-4), 0x1p33, Math.nextDown(0x1p33),
        0.1, 0.2, 0.3, 0.7, 1.1, 2.675, 1.005, 19.99, 0.0005, 0.00015, 99999.9999, 8589934591.9999, 1234.5678}) {
      assertThat(intoBuffer(value)).as("%s", value).isEqualTo(JsonBuffer.repr(value));
      assertThat(intoBuffer(-value)).as("%s", -value).isEqualTo(JsonBuffer.repr(-value));
    }
  }

  /** Prices and other short decimals (exactly the shortcut's kind), their neighbours, and anything. */
  @Provide
  Arbitrary<Double> doubles() {
    Arbitrary<Double> decimals = Arbitraries.longs().between(0, 1L << 40).flatMap(n ->
        Arbitraries.integers().between(0, 7).map(k -> n / Math.pow(10, k)));
    return Arbitraries.oneOf(
        decimals,
        decimals.map(Math::nextUp),
        decimals.map(Math::nextDown),
        Arbitraries.doubles().between(1e-5, 1e10).ofScale(12),
        Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite));
  }
}
