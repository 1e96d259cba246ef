package dev.flagon.demo.browser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system UTC clock plus an offset that a test moves forward: the server then lives in the future while
 * the browser, which judges {@code Expires} by its own clock, stays in the present. Thread-safe, since
 * Jetty reads it on its own threads.
 */
final class AdjustableClock extends Clock {
  private final AtomicReference<Duration> offset;
  private final ZoneId zone;

  AdjustableClock() {
    this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
  }

  private AdjustableClock(AtomicReference<Duration> offset, ZoneId zone) {
    this.offset = offset;
    this.zone = zone;
  }

  /** Moves this clock (and every clock made from it by {@link #withZone}) forward by {@code amount}. */
  void advance(Duration amount) {
    offset.accumulateAndGet(amount, Duration::plus);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new AdjustableClock(offset, newZone);
  }
}
