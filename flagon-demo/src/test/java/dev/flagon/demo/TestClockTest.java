package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestClockTest {

  @Test
  void instant_setOnThisThread_returnsThatTimeUntilReset() {
    TestClock clock = new TestClock();
    clock.set(Instant.ofEpochSecond(1_700_000_000L));

    assertThat(clock.instant()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    clock.reset();
    assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void instant_setOnAnotherThread_isNotSeen() throws Exception {
    TestClock clock = new TestClock();
    Thread other = new Thread(() -> clock.set(Instant.EPOCH));
    other.start();
    other.join();

    assertThat(clock.instant()).isAfter(Instant.EPOCH);
  }

  @Test
  void getZone_isUtc() {
    assertThat(new TestClock().getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void parseEpochSeconds_integerOrFraction_givesInstant() {
    assertThat(TestClock.parseEpochSeconds("1700000000")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(TestClock.parseEpochSeconds(" 1700000000.25 "))
        .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 250_000_000L));
  }

  @Test
  void parseEpochSeconds_notANumber_throws() {
    assertThatThrownBy(() -> TestClock.parseEpochSeconds("soon")).isInstanceOf(NumberFormatException.class);
  }
}
