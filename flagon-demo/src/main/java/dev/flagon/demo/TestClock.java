package dev.flagon.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock whose time a test can set for the current request (thread), from the {@code X-Test-Now}
 * header; other requests see the system clock. It works because Flagon reads the clock on the request's
 * thread: when the session opens and when the filter saves it before the response commits.
 */
final class TestClock extends Clock {
  private final ThreadLocal<Instant> requestNow;
  private final ZoneId zone;

  TestClock() {
    this(new ThreadLocal<>(), ZoneOffset.UTC);
  }

  private TestClock(ThreadLocal<Instant> requestNow, ZoneId zone) {
    this.requestNow = requestNow;
    this.zone = zone;
  }

  /** Sets this thread's time until {@link #reset()}. */
  void set(Instant now) {
    requestNow.set(now);
  }

  /** Goes back to the system clock on this thread. */
  void reset() {
    requestNow.remove();
  }

  /**
   * Parses {@code X-Test-Now}: seconds since the epoch, optionally with a fraction.
   *
   * @throws NumberFormatException if it is not a number
   * @throws java.time.DateTimeException if it is out of range
   */
  static Instant parseEpochSeconds(String text) {
    BigDecimal seconds = new BigDecimal(text.trim());
    long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
    long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Instant.ofEpochSecond(whole, nanos);
  }

  @Override
  public Instant instant() {
    Instant now = requestNow.get();
    return now != null ? now : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new TestClock(requestNow, newZone);
  }
}
