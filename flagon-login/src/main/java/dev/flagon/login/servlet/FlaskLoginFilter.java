package dev.flagon.login.servlet;

import dev.flagon.login.CsrfProtect;
import dev.flagon.login.LoginManager;
import dev.flagon.login.LoginRequest;
import dev.flagon.servlet.FlagonFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Objects;

/**
 * Flask-Login (and optionally Flask-WTF) on a servlet container, over whatever session {@link FlagonFilter}
 * keeps (the signed cookie, Redis): Flask-Login's {@code init_app}. Map it after {@code FlagonFilter}, to
 * the same paths and dispatcher types; views reach the request's login with {@link #current}, next to
 * {@link FlagonFilter#session}. The remember cookie is set, refreshed or deleted just before the session is
 * saved, on every request. Immutable and thread-safe.
 *
 * <pre>{@code
 * context.addFilter(new FilterHolder(new FlagonFilter(flagon)), "/*", dispatcherTypes);
 * context.addFilter(new FilterHolder(new FlaskLoginFilter(logins, csrf)), "/*", dispatcherTypes);
 * // in a servlet:
 * FlaskLoginFilter.current(request).login().user()     // current_user
 * }</pre>
 */
public final class FlaskLoginFilter implements Filter {
  private static final String ATTRIBUTE = LoginRequest.class.getName();

  private final LoginManager<?> logins;
  private final CsrfProtect csrf;

  /** Flask-Login only. */
  public FlaskLoginFilter(LoginManager<?> logins) {
    this(logins, null);
  }

  /** Flask-Login and Flask-WTF's CSRF tokens ({@link LoginRequest#csrf()}); {@code csrf} may be null. */
  public FlaskLoginFilter(LoginManager<?> logins, CsrfProtect csrf) {
    this.logins = Objects.requireNonNull(logins, "logins");
    this.csrf = csrf;
  }

  /**
   * The request's login.
   *
   * @throws IllegalStateException if the request did not pass through this filter
   */
  public static LoginRequest current(ServletRequest request) {
    if (!(request.getAttribute(ATTRIBUTE) instanceof LoginRequest login)) {
      throw new IllegalStateException("This request did not pass through FlaskLoginFilter: map it after"
          + " FlagonFilter, to this path");
    }
    return login;
  }

  /**
   * Begins the request's login once, on its first dispatch: not again on its error or async dispatches, and
   * not on an error dispatch of a request that never reached this filter (its session may be saved already).
   */
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && request.getDispatcherType() == DispatcherType.REQUEST
        && request.getAttribute(ATTRIBUTE) == null) {
      request.setAttribute(ATTRIBUTE,
          LoginRequest.begin(logins, csrf, FlagonFilter.lifecycle(request), ServletRequestView.of(http)));
    }
    chain.doFilter(request, response);
  }

  @Override
  public String toString() {
    return "FlaskLoginFilter[" + logins + "]";
  }
}
