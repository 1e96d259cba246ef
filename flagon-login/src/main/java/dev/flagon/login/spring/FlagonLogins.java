package dev.flagon.login.spring;

import dev.flagon.login.CsrfProtect;
import dev.flagon.login.CsrfRequest;
import dev.flagon.login.CurrentLogin;
import dev.flagon.login.LoginManager;
import dev.flagon.login.LoginUser;
import dev.flagon.login.servlet.FlaskLoginFilter;
import dev.flagon.login.servlet.ServletRequestView;
import dev.flagon.servlet.FlagonFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * The Flask-Login login and the Flask-WTF CSRF checks of a servlet request, over its Flagon session: what
 * the {@link CurrentLogin} and {@link CsrfRequest} controller parameters give, and what Spring Security
 * glue builds on. A bean of {@link FlagonLoginAutoConfiguration}; immutable and thread-safe.
 *
 * <p>The login is the one {@link FlaskLoginFilter} began for the request (the auto-configuration registers
 * that filter right after {@link FlagonFilter}), so the remember cookie is set, refreshed or deleted on every
 * response, as Flask-Login's {@code after_request} does, whether or not the request asked for the login.
 */
public final class FlagonLogins {
  private final LoginManager<?> manager;
  private final CsrfProtect csrf;

  FlagonLogins(LoginManager<?> manager, CsrfProtect csrf) {
    this.manager = Objects.requireNonNull(manager, "manager");
    this.csrf = Objects.requireNonNull(csrf, "csrf");
  }

  /**
   * The request's login ({@code current_user}, {@code login_user}, {@code logout_user}, ...), the same
   * object for the whole request.
   *
   * @param <U> the type of the application's {@link dev.flagon.login.UserLoader} bean
   * @throws IllegalStateException if the request did not pass through {@link FlaskLoginFilter}
   * @throws IllegalArgumentException if that filter was given another {@link LoginManager} than this bean's
   */
  @SuppressWarnings("unchecked") // the manager is the application's LoginManager<U>
  public <U extends LoginUser> CurrentLogin<U> current(HttpServletRequest request) {
    return (CurrentLogin<U>) FlaskLoginFilter.current(request).login(manager);
  }

  /**
   * Flask-WTF's CSRF checks for the request: a new object each call, over the request's session (so a
   * token removed from the session by one caller, as Spring Security does at log in, is not remembered by
   * another).
   *
   * @throws IllegalStateException if the request did not pass through {@link FlagonFilter}
   */
  public CsrfRequest csrf(HttpServletRequest request) {
    return csrf.begin(FlagonFilter.session(request), ServletRequestView.of(request));
  }

  @Override
  public String toString() {
    return "FlagonLogins[" + manager + ", " + csrf + "]";
  }
}
