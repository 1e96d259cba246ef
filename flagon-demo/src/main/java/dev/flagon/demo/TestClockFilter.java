package dev.flagon.demo;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Sets the {@link TestClock} from the request header {@code X-Test-Now: <epoch seconds>} for the length of
 * the request. It must run before the session filter so that opening and saving both see that time.
 */
final class TestClockFilter implements Filter {
  static final String HEADER = "X-Test-Now";

  private final TestClock clock;

  TestClockFilter(TestClock clock) {
    this.clock = clock;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String header = ((HttpServletRequest) request).getHeader(HEADER);
    if (header == null) {
      chain.doFilter(request, response);
      return;
    }
    Instant now;
    try {
      now = TestClock.parseEpochSeconds(header);
    } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
      ((HttpServletResponse) response).sendError(HttpServletResponse.SC_BAD_REQUEST,
          HEADER + " must be seconds since the epoch");
      return;
    }
    clock.set(now);
    try {
      chain.doFilter(request, response);
    } finally {
      clock.reset();
    }
  }
}
