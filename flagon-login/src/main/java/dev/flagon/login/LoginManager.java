package dev.flagon.login;

import dev.flagon.Session;
import java.time.Clock;
import java.util.Objects;

/**
 * Flask-Login 0.6.3's {@code LoginManager}: its settings, the user loader and the clock. Immutable and
 * thread-safe; {@link #begin} gives the login of one request.
 *
 * <pre>{@code
 * LoginManager<User> logins = LoginManager.create(LoginConfig.fromMap(flaskConfig), users::find);
 * CurrentLogin<User> login = logins.begin(session, requestView);   // per request
 * login.user();                                                    // current_user, or empty
 * login.finish().ifPresent(cookie -> ...);                          // after the view: the remember cookie
 * }</pre>
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
   * The login of one request, over its session. Nothing is read until it is used.
   *
   * @throws NullPointerException if an argument is null
   */
  public CurrentLogin<U> begin(Session session, RequestView request) {
    return new CurrentLogin<>(this, Objects.requireNonNull(session, "session"),
        Objects.requireNonNull(request, "request"));
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
