package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MAX_COOKIE_SIZE (CookieUpdate.checked) counts code points, as Python's len: the char count is only an upper bound. */
class CookieSizeTest {
  private static final String EMOJI = "\uD83D\uDE00"; // one code point, two chars

  private static String check(int limit, String header) {
    FlagonConfig config = FlagonConfig.builder().secretKey("cookie-size-test-key-000001")
        .sizePolicy(SizePolicy.WARN).maxCookieSize(limit).build();
    return CookieUpdate.checked(CookieUpdate.Action.SET, List.of(header), Map.of(), config, new RecordingLogger())
        .sizeWarning().orElse(null);
  }

  @Test
  void check_moreCharsThanTheLimitButNotMoreCodePoints_passes() {
    assertThat(check(10, "x".repeat(9) + EMOJI)).isNull();
  }

  @Test
  void check_oneCodePointOverTheLimit_warns() {
    assertThat(check(10, "x".repeat(10) + EMOJI)).contains("final size was 11 bytes but the limit is 10");
    assertThat(check(10, "x".repeat(11))).contains("final size was 11 bytes");
  }

  @Test
  void check_atTheLimitOrNoLimit_passes() {
    assertThat(check(10, "x".repeat(10))).isNull();
    assertThat(check(0, "x".repeat(100_000))).isNull();
  }
}
