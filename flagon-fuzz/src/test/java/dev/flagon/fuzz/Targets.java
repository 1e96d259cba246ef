package dev.flagon.fuzz;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.SizePolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/** What the fuzz targets share: one key, one frozen clock, Flagons for each format and policy. */
final class Targets {
  static final String SECRET = "fuzzing-secret-key-not-for-production";
  static final long NOW = 1_700_000_000L;

  private Targets() {}

  static Flagon flagon(String format, SizePolicy policy) {
    return Flagon.create(FlagonConfig.builder().secretKey(SECRET).sessionFormat(format).sizePolicy(policy)
        .permanentSessionLifetime(Duration.ofDays(31))
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).build());
  }

  /** The input after its first (mode) byte, as text; malformed UTF-8 becomes U+FFFD. */
  static String rest(byte[] input) {
    return input.length == 0 ? "" : new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
  }

  /** The first byte of the input, which picks what the target does with the rest. */
  static int mode(byte[] input) {
    return input.length == 0 ? 0 : input[0] & 0xff;
  }
}
