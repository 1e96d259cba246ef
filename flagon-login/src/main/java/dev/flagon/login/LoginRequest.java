package dev.flagon.login;

import dev.flagon.SessionLifecycle;
import java.util.Objects;

/**
 * Flask-Login and Flask-WTF for one request: what the servlet filter
 * ({@link dev.flagon.login.servlet.FlaskLoginFilter#current}) and the Javalin plugin
 * ({@code ctx.with(FlaskLoginPlugin.class)}) hand to the application. The login is begun when the request
 * starts, so the remember cookie is kept up to date on every response, as Flask-Login's {@code after_request}
 * does; nothing is read until it is used. Not thread-safe: it belongs to one request.
 *
 * <pre>{@code
 * LoginRequest auth = FlaskLoginFilter.current(request);
 * auth.login().user().map(LoginUser::id);             // current_user's id, or empty
 * auth.login(logins).loginUser(user);                  // typed: the application's LoginManager<User>
 * auth.csrf().validate(token);                         // Flask-WTF, if the filter was given a CsrfProtect
 * }</pre>
 */
public final class LoginRequest {
  private final LoginManager<?> manager;
  private final CurrentLogin<?> login;
  private final CsrfProtect csrfProtect;
  private final SessionLifecycle lifecycle;
  private final RequestView request;
  private CsrfRequest csrf;

  private LoginRequest(LoginManager<?> manager, CsrfProtect csrfProtect, SessionLifecycle lifecycle,
      RequestView request) {
    this.manager = manager;
    this.login = manager.begin(lifecycle, request);
    this.csrfProtect = csrfProtect;
    this.lifecycle = lifecycle;
    this.request = request;
  }

  /**
   * Begins the login of a request ({@link LoginManager#begin(SessionLifecycle, RequestView)}); call it once
   * per request, before the response body is written.
   *
   * @param csrf the CSRF protection, or {@code null} if the application has none
   * @throws NullPointerException if another argument is null
   * @throws IllegalStateException if the request's session was already saved
   */
  public static LoginRequest begin(LoginManager<?> logins, CsrfProtect csrf, SessionLifecycle lifecycle,
      RequestView request) {
    return new LoginRequest(Objects.requireNonNull(logins, "logins"), csrf,
        Objects.requireNonNull(lifecycle, "lifecycle"), Objects.requireNonNull(request, "request"));
  }

  /** The request's login, for reading and logging out ({@code current_user}, {@code logout_user}). */
  public CurrentLogin<?> login() {
    return login;
  }

  /**
   * The request's login with the application's user type, to log a user in.
   *
   * @param logins the manager this request was begun with
   * @throws IllegalArgumentException if it is another manager
   */
  @SuppressWarnings("unchecked") // the login was begun by this very manager, so its user type is U
  public <U extends LoginUser> CurrentLogin<U> login(LoginManager<U> logins) {
    if (logins != manager) {
      throw new IllegalArgumentException("This request's login was begun with another LoginManager");
    }
    return (CurrentLogin<U>) login;
  }

  /**
   * The request's CSRF checks ({@code generate_csrf}, {@code validate_csrf}); the session opens now.
   *
   * @throws IllegalStateException if no {@link CsrfProtect} was given
   */
  public CsrfRequest csrf() {
    if (csrfProtect == null) {
      throw new IllegalStateException("No CsrfProtect was given to the filter or plugin of this request");
    }
    if (csrf == null) {
      csrf = csrfProtect.begin(lifecycle.session(), request);
    }
    return csrf;
  }

  @Override
  public String toString() {
    return "LoginRequest[" + login + (csrfProtect == null ? "" : ", " + (csrf == null ? "csrf unused" : csrf)) + "]";
  }
}
