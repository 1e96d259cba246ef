package dev.flagon.login;

import dev.flagon.Session;
import dev.flagon.SessionLifecycle;
import java.time.Clock;
import java.util.Objects;

/**
 * Logins shared with Flask apps using Flask-Login 0.6.3 ({@code LoginManager}): one per application, holding
 * the settings, the user loader and the clock; {@code begin} gives the login of one request. Thread-safe.
 *
 * <pre>{@code
 * LoginManager<User> logins = LoginManager.create(LoginConfig.fromMap(flaskConfig), users::find);
 * CurrentLogin<User> login = logins.begin(lifecycle, requestView); // per request; sends the remember cookie
 * login.user();                                                    // current_user, or empty
 * }</pre>
 *
 * <p>On a servlet container or Javalin, {@link dev.flagon.login.servlet.FlaskLoginFilter} and
 * {@link dev.flagon.login.javalin.FlaskLoginPlugin} call {@code begin} for every request.
 *
 * @param <U> the application's user type
 */
public final class LoginManager<U extends LoginUser> {
  private final LoginConfig config;
  private final UserLoader<U> loader;
  private final Clock clock;

  private LoginManager(LoginConfig config, UserLoader<U> loader, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A manager on the system clock (UTC). */
  public static <U extends LoginUser> LoginManager<U> create(LoginConfig config, UserLoader<U> loader) {
    return create(config, loader, Clock.systemUTC());
  }

  /**
   * A manager whose remember cookies expire relative to {@code clock}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static <U extends LoginUser> LoginManager<U> create(LoginConfig config, UserLoader<U> loader,
      Clock clock) {
    return new LoginManager<>(config, loader, clock);
  }

  /**
   * The login of one request, over its session, for code that sends the remember cookie itself
   * ({@link CurrentLogin#finish()}). Nothing is read until it is used.
   *
   * @throws NullPointerException if an argument is null
   */
  public CurrentLogin<U> begin(Session session, RequestView request) {
    Objects.requireNonNull(session, "session");
    return new CurrentLogin<>(this, () -> session, Objects.requireNonNull(request, "request"));
  }

  /**
   * The login of one request driven by its {@link SessionLifecycle}, for any {@link dev.flagon.SessionInterface}
   * (the signed cookie, Redis): Flask-Login's {@code init_app}. The session opens on first use, and a
   * {@link SessionLifecycle.BeforeSave} hook runs {@link CurrentLogin#finish()} just before the save, as
   * Flask-Login's {@code after_request} does, adding the remember cookie's {@code Set-Cookie} header
   * ({@link RememberCookie#header()}). Call it once per request, before the response body is written,
   * and keep the result for the request: the servlet filter and the Javalin plugin of this module do.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the request's session was already saved
   */
  public CurrentLogin<U> begin(SessionLifecycle lifecycle, RequestView request) {
    CurrentLogin<U> login = new CurrentLogin<>(this, lifecycle::session, Objects.requireNonNull(request, "request"));
    lifecycle.beforeSave(login::beforeSave);
    return login;
  }

  /** The settings. */
  public LoginConfig config() {
    return config;
  }

  UserLoader<U> loader() {
    return loader;
  }

  Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "LoginManager[" + config + "]";
  }
}
