package dev.flagon.javalin;

import dev.flagon.testing.FlowReplay;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that each test request sets: a before-handler reads {@value #HEADER} (epoch seconds) into a
 * per-thread holder, which Flagon reads through {@code FlagonConfig.Builder.clock}. Javalin runs a
 * synchronous request on one thread, so the holder is per request. Without the header: the system clock.
 */
final class RequestClock extends Clock {
  /** The request header carrying the step's {@code now}. */
  static final String HEADER = FlowReplay.CLOCK_HEADER;

  private static final ThreadLocal<Instant> NOW = new ThreadLocal<>();

  /** The before-handler: sets or clears this thread's instant from the request. */
  static void fromRequest(Context ctx) {
    String seconds = ctx.header(HEADER);
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
    throw new UnsupportedOperationException("a UTC test clock");
  }
}
