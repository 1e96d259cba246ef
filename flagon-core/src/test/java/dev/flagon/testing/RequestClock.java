package dev.flagon.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock each test request sets for itself: a recorded flow freezes "now" per step and sends it in
 * {@link FlowReplay#CLOCK_HEADER} (epoch seconds); the integration's test hook {@link #hold holds} it on the
 * request's thread for Flagon's {@code FlagonConfig.Builder.clock}. Without the header: the system clock.
 * Test-only: a real application must never let a client choose the time.
 */
public final class RequestClock extends Clock {
  /** The request header carrying the step's {@code now}. */
  public static final String HEADER = FlowReplay.CLOCK_HEADER;

  private static final ThreadLocal<Instant> NOW = new ThreadLocal<>();

  /** Holds the header's value (epoch seconds; null: the system clock) for the rest of this thread's request. */
  public static void hold(String seconds) {
    if (seconds == null) {
      NOW.remove();
    } else {
      NOW.set(Instant.ofEpochSecond(Long.parseLong(seconds)));
    }
  }

  @Override
  public Instant instant() {
    Instant now = NOW.get();
    return now != null ? now : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this; // Flagon works in UTC only
  }
}
