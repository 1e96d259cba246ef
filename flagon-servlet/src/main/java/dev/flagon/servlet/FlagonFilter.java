package dev.flagon.servlet;

import dev.flagon.Flagon;
import dev.flagon.Session;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * A Jakarta Servlet filter that keeps a Flask-compatible session in a signed cookie. The session opens on
 * first use in a request ({@link #session(ServletRequest)}) and the cookie is written just before the
 * response commits.
 *
 * <p>Configure from code ({@code new FlagonFilter(flagon)}) or from {@code web.xml} init-params with
 * Flask's names ({@code SECRET_KEY}, {@code SESSION_COOKIE_SECURE}, ...).
 */
public final class FlagonFilter implements Filter {

  /** A filter configured from init-params (and {@code FLAGON_}-prefixed environment variables) at init. */
  public FlagonFilter() {
    throw new UnsupportedOperationException("TODO");
  }

  /** A filter for an existing {@link Flagon}. */
  public FlagonFilter(Flagon flagon) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The session of this request, opened on first call.
   *
   * @throws IllegalStateException if the request did not pass through a {@link FlagonFilter}
   */
  public static Session session(ServletRequest request) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    throw new UnsupportedOperationException("TODO");
  }
}
