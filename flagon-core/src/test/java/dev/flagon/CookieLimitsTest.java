package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.testing.CookieJar;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Flagon's per-cookie length cap and chunk-count bounds, each just under and just over. */
class CookieLimitsTest {
  private static final int CAP = Flagon.MAX_COOKIE_VALUE_LENGTH;

  private static FlagonConfig.Builder config() {
    return FlagonConfig.builder().secretKey("cookie-limits-test-key-00001")
        .clock(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));
  }

  private static String reason(Flagon flagon, String cookieHeader) {
    RecordingLogger log = new RecordingLogger();
    Flagon logged = new Flagon(flagon.config(), log);
    assertThat(logged.open(cookieHeader).toMap()).isEmpty();
    assertThat(log.lines).hasSize(1);
    return log.lines.get(0);
  }

  @Test
  void open_valueAtTheCap_reachesVerification_andOneMoreIsRefusedBeforeAnyWork() {
    Flagon flagon = Flagon.create(config().build());
    assertThat(CAP).isEqualTo(16 * 1024);
    assertThat(reason(flagon, "session=" + "x".repeat(CAP))).contains("No '.' found");
    assertThat(reason(flagon, "session=" + "x".repeat(CAP + 1))).contains("longer than 16384 characters");
  }

  @Test
  void open_validCookieJustUnderTheCap_opens() {
    Flagon flagon = Flagon.create(config().maxCookieSize(0).build());
    Random random = new Random(1);
    StringBuilder data = new StringBuilder();
    while (data.length() < 14_300) {
      data.append((char) ('!' + random.nextInt(90)));
    }
    Session session = flagon.open();
    session.put("d", data.toString());
    String value = CookieJar.valueOf(flagon.save(session).setCookieHeaders().get(0));
    assertThat(value.length()).isBetween(CAP - 1000, CAP);
    assertThat(flagon.openCookieValue(value).get("d")).isEqualTo(data.toString());
  }

  @Test
  void open_splitChunkAtTheCap_isReassembled_andOneMoreIsRefused() {
    Flagon flagon = Flagon.create(config().sizePolicy(SizePolicy.SPLIT).build());
    String atCap = "session=2~" + "x".repeat(CAP - 2) + "; session.1=" + "y".repeat(CAP);
    assertThat(reason(flagon, atCap)).as("reassembled and verified").contains("No '.' found");
    String over = "session=2~" + "x".repeat(CAP - 2) + "; session.1=" + "y".repeat(CAP + 1);
    assertThat(reason(flagon, over)).contains("longer than 16384 characters");
  }

  @Test
  void maxChunks_oneToSixteen_areAccepted_zeroAndSeventeenRefused() {
    assertThat(config().maxChunks(1).build().maxChunks()).isEqualTo(1);
    assertThat(config().maxChunks(16).build().maxChunks()).isEqualTo(16);
    assertThatThrownBy(() -> config().maxChunks(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config().maxChunks(17)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void split_maxChunksOne_behavesLikeErrorForOversizedSessions() {
    Flagon flagon = Flagon.create(config().sizePolicy(SizePolicy.SPLIT).maxChunks(1).build());
    Session session = flagon.open();
    session.put("d", "z".repeat(100));
    assertThat(flagon.save(session).setCookieHeaders()).hasSize(1);
    Random random = new Random(2);
    StringBuilder noise = new StringBuilder();
    while (noise.length() < 5000) {
      noise.append((char) ('A' + random.nextInt(58)));
    }
    session.put("d", noise.toString());
    assertThatThrownBy(() -> flagon.save(session)).isInstanceOf(CookieTooLargeException.class)
        .hasMessageContaining("SESSION_MAX_CHUNKS=1");
  }
}
