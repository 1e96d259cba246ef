package dev.flagon.spring;

import dev.flagon.SessionLifecycle;
import dev.flagon.WerkzeugCookie;
import dev.flagon.login.CsrfProtect;
import dev.flagon.login.CsrfRequest;
import dev.flagon.login.CurrentLogin;
import dev.flagon.login.LoginConfig;
import dev.flagon.login.LoginManager;
import dev.flagon.login.LoginUser;
import dev.flagon.login.RememberCookie;
import dev.flagon.servlet.FlagonFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * The Flask-Login login and the Flask-WTF CSRF checks of a servlet request, over its Flagon session: what
 * the {@link CurrentLogin} and {@link CsrfRequest} controller parameters give, and what Spring Security
 * glue builds on. A bean of {@link FlagonLoginAutoConfiguration}; immutable and thread-safe.
 *
 * <p>A request has one {@link CurrentLogin}, made on first use; that use also registers the step Flask-Login
 * runs after every view ({@code _update_remember_cookie}): just before the session is saved, the remember
 * cookie is set or deleted as {@link CurrentLogin#finish()} says, with Werkzeug's bytes.
 */
public final class FlagonLogins {
  private static final String ATTRIBUTE = FlagonLogins.class.getName() + ".login";

  private final LoginManager<?> manager;
  private final CsrfProtect csrf;
  private final WerkzeugCookie rememberCookie;
  private final WerkzeugCookie rememberCookieDeletion;

  FlagonLogins(LoginManager<?> manager, CsrfProtect csrf) {
    this.manager = Objects.requireNonNull(manager, "manager");
    this.csrf = Objects.requireNonNull(csrf, "csrf");
    LoginConfig config = manager.config();
    rememberCookie = WerkzeugCookie.builder(config.rememberCookieName()).settingPrefix("REMEMBER_COOKIE_")
        .domain(config.rememberCookieDomain()).path(config.rememberCookiePath())
        .secure(config.rememberCookieSecure()).httpOnly(config.rememberCookieHttpOnly())
        .sameSite(config.rememberCookieSameSite()).build();
    // Flask-Login's _clear_cookie passes only the domain and path to delete_cookie.
    rememberCookieDeletion = WerkzeugCookie.builder(config.rememberCookieName()).settingPrefix("REMEMBER_COOKIE_")
        .domain(config.rememberCookieDomain()).path(config.rememberCookiePath()).build();
  }

  /**
   * The request's login ({@code current_user}, {@code login_user}, {@code logout_user}, ...), the same
   * object for the whole request.
   *
   * @param <U> the type of the application's {@link dev.flagon.login.UserLoader} bean
   * @throws IllegalStateException if the request did not pass through {@link FlagonFilter}, or its
   *     session was already saved (the response was committed)
   */
  @SuppressWarnings("unchecked")
  public <U extends LoginUser> CurrentLogin<U> current(HttpServletRequest request) {
    Object found = request.getAttribute(ATTRIBUTE);
    if (found != null) {
      return (CurrentLogin<U>) found;
    }
    SessionLifecycle lifecycle = FlagonFilter.lifecycle(request);
    CurrentLogin<U> login = (CurrentLogin<U>) manager.begin(lifecycle.session(), new ServletRequestView(request));
    lifecycle.beforeSave(saving -> login.finish().ifPresent(cookie -> saving.addSetCookieHeader(header(cookie))));
    request.setAttribute(ATTRIBUTE, login);
    return login;
  }

  /**
   * Flask-WTF's CSRF checks for the request: a new object each call, over the request's session (so a
   * token removed from the session by one caller is not remembered by another).
   *
   * @throws IllegalStateException if the request did not pass through {@link FlagonFilter}
   */
  public CsrfRequest csrf(HttpServletRequest request) {
    return csrf.begin(FlagonFilter.session(request), new ServletRequestView(request));
  }

  private String header(RememberCookie cookie) {
    return cookie.deletion() ? rememberCookieDeletion.delete() : rememberCookie.set(cookie.value(), cookie.expires());
  }

  @Override
  public String toString() {
    return "FlagonLogins[" + manager + ", " + csrf + "]";
  }
}
