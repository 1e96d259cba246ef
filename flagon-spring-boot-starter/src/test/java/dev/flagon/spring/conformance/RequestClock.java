package dev.flagon.spring.conformance;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock each request sets for itself: a recorded flow freezes "now" per step, sent in
 * {@code X-Test-Now}. Test-only: a real application must never let a client choose the time.
 */
final class RequestClock extends Clock {
  static final String HEADER = dev.flagon.testing.FlowReplay.CLOCK_HEADER;

  private static final ThreadLocal<Instant> NOW = new ThreadLocal<>();

  /** A filter, to run before Flagon's, that holds the header's time for the rest of the request. */
  static Filter filter() {
    return (request, response, chain) -> {
      String seconds = ((HttpServletRequest) request).getHeader(HEADER);
      if (seconds == null) {
        chain.doFilter(request, response);
        return;
      }
      NOW.set(Instant.ofEpochSecond(Long.parseLong(seconds)));
      try {
        chain.doFilter(request, response);
      } finally {
        NOW.remove();
      }
    };
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
