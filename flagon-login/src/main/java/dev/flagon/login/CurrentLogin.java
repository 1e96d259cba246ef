package dev.flagon.login;

import dev.flagon.Session;
import dev.flagon.SessionLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The login of one request, as Flask-Login 0.6.3 keeps it in the session: {@code current_user},
 * {@code login_user}, {@code logout_user}, {@code login_fresh}, {@code login_remembered},
 * {@code confirm_login}, and after the view the remember cookie ({@code _update_remember_cookie}). Every
 * session key is written with the value and type Flask-Login writes. Not thread-safe: it belongs to one
 * request; get one from {@link LoginManager#begin(SessionLifecycle, RequestView)} (which sends the remember
 * cookie itself) or {@link LoginManager#begin(Session, RequestView)}.
 *
 * @param <U> the application's user type
 */
public final class CurrentLogin<U extends LoginUser> {
  private static final String USER_ID = "_user_id";
  private static final String FRESH = "_fresh";
  private static final String ID = "_id";
  private static final String REMEMBER = "_remember";
  private static final String REMEMBER_SECONDS = "_remember_seconds";
  /** Flask-Login's {@code SESSION_KEYS}: what strong session protection removes. */
  private static final List<String> SESSION_KEYS = List.of(USER_ID, REMEMBER, REMEMBER_SECONDS, ID, FRESH, "next");
  // Python's datetime range: an expiry outside it makes Flask-Login fail (HTTP 500).
  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private final LoginManager<U> manager;
  private final LoginConfig config;
  private final Supplier<Session> sessions; // the lifecycle's session opens on first use
  private final RequestView request;
  private boolean loaded; // Flask-Login's g._login_user
  private U user;

  CurrentLogin(LoginManager<U> manager, Supplier<Session> sessions, RequestView request) {
    this.manager = manager;
    this.config = manager.config();
    this.sessions = sessions;
    this.request = request;
  }

  private Session session() {
    return sessions.get();
  }

  /**
   * {@code current_user}: the logged-in user, or empty for the anonymous user. Found once per request, in
   * Flask-Login's order: session protection, then {@code _user_id} through the loader, then the remember
   * cookie (unless {@code _remember} is {@code "clear"}), which stores {@code _user_id} and
   * {@code _fresh = False} when it verifies, whether or not the loader knows the id.
   */
  public Optional<U> user() {
    if (!loaded) {
      loaded = true;
      user = load();
    }
    return Optional.ofNullable(user);
  }

  private U load() {
    if (sessionProtectionFailed()) {
      return null;
    }
    U found = null;
    String userId = PythonValues.userId(session().get(USER_ID));
    if (userId != null) {
      found = loadUser(userId);
    }
    if (found == null && hasRememberCookie()) {
      String remembered = config.rememberToken().decode(request.cookie(config.rememberCookieName()));
      if (remembered != null) {
        session().put(USER_ID, remembered);
        session().put(FRESH, false);
        found = loadUser(remembered);
      }
    }
    return found;
  }

  private U loadUser(String userId) {
    return Objects.requireNonNull(manager.loader().load(userId), "the user loader returned null, not empty")
        .orElse(null);
  }

  /** {@code _session_protection_failed}: true when strong protection has just logged the user out. */
  private boolean sessionProtectionFailed() {
    SessionProtection mode = config.sessionProtection();
    // An empty session is anonymous or just logged out. Any other session is checked, even one without
    // _id (such as one holding only a CSRF token): Flask-Login does so too.
    if (mode == SessionProtection.DISABLED || session().isEmpty()
        || SessionIdentifier.create(request).equals(session().get(ID))) {
      return false;
    }
    if (mode == SessionProtection.BASIC || session().isPermanent()) {
      if (!Boolean.FALSE.equals(session().get(FRESH))) {
        session().put(FRESH, false);
      }
      return false;
    }
    for (String key : SESSION_KEYS) {
      session().remove(key);
    }
    session().put(REMEMBER, "clear");
    return true;
  }

  private boolean hasRememberCookie() {
    return request.cookie(config.rememberCookieName()) != null && !"clear".equals(session().get(REMEMBER));
  }

  /** {@code login_user(user)}: fresh, not remembered; see {@link #loginUser(LoginUser, LoginOptions)}. */
  public boolean loginUser(U user) {
    return loginUser(user, LoginOptions.DEFAULT);
  }

  /**
   * {@code login_user}: stores {@code _user_id} (the id), {@code _fresh}, {@code _id} (this request's
   * identifier) and, when remembered, {@code _remember = "set"} and, with a duration,
   * {@code _remember_seconds} as a float. Keys of an earlier remembered login are left as they are.
   *
   * @return false, changing nothing, if the user is not active and the login is not forced
   * @throws NullPointerException if the user or its id is null
   */
  public boolean loginUser(U user, LoginOptions options) {
    Objects.requireNonNull(options, "options");
    if (!options.force() && !user.isActive()) {
      return false;
    }
    session().put(USER_ID, Objects.requireNonNull(user.id(), "a user's id must not be null"));
    session().put(FRESH, options.fresh());
    session().put(ID, SessionIdentifier.create(request));
    if (options.remember()) {
      session().put(REMEMBER, "set");
      if (options.duration() != null) {
        session().put(REMEMBER_SECONDS, options.totalSeconds());
      }
    }
    loaded = true;
    this.user = user;
    return true;
  }

  /**
   * {@code logout_user}: finds the current user first (as Flask-Login does, so session protection and the
   * remember cookie apply), removes {@code _user_id}, {@code _fresh} and {@code _id}, and when the request
   * carries the remember cookie sets {@code _remember = "clear"} and removes {@code _remember_seconds}.
   */
  public void logoutUser() {
    user();
    session().remove(USER_ID);
    session().remove(FRESH);
    session().remove(ID);
    if (request.cookie(config.rememberCookieName()) != null) {
      session().put(REMEMBER, "clear");
      session().remove(REMEMBER_SECONDS);
    }
    user = null;
  }

  /** {@code login_fresh}: whether {@code _fresh} is truthy in Python's sense. */
  public boolean isFresh() {
    return PythonValues.truthy(session().get(FRESH));
  }

  /** {@code login_remembered}: whether the request carries a valid remember cookie not being cleared. */
  public boolean isRemembered() {
    return hasRememberCookie()
        && config.rememberToken().decode(request.cookie(config.rememberCookieName())) != null;
  }

  /** {@code confirm_login}: the login becomes fresh again, with this request's identifier. */
  public void confirmLogin() {
    session().put(FRESH, true);
    session().put(ID, SessionIdentifier.create(request));
  }

  /**
   * {@code _update_remember_cookie}, after the view: pops {@code _remember} (first setting it to
   * {@code "set"} when absent and {@code REMEMBER_COOKIE_REFRESH_EACH_REQUEST} is on) and says what to do
   * with the remember cookie: set it for {@code "set"} while {@code _user_id} is present, delete it for
   * {@code "clear"}. The expiry is now plus {@code _remember_seconds}, else {@code REMEMBER_COOKIE_DURATION}.
   *
   * Call it once, after the view, only on a login from {@link LoginManager#begin(Session, RequestView)}:
   * one from a {@link SessionLifecycle} calls it just before the save.
   *
   * @return the cookie to send, or empty
   */
  public Optional<RememberCookie> finish() {
    if (!session().contains(REMEMBER) && config.rememberCookieRefreshEachRequest()) {
      session().put(REMEMBER, "set");
    }
    if (!session().contains(REMEMBER)) {
      return Optional.empty();
    }
    Object operation = session().remove(REMEMBER);
    if ("set".equals(operation) && session().contains(USER_ID)) {
      // str(session["_user_id"]): Flask-Login stores text; other types, and text Python cannot encode,
      // get no cookie (see docs/login.md).
      String userId = PythonValues.userId(session().get(USER_ID));
      String value = userId == null ? null : config.rememberToken().encode(userId);
      return value == null ? Optional.empty() : Optional.of(RememberCookie.set(config, value, expires()));
    }
    return "clear".equals(operation) ? Optional.of(RememberCookie.delete(config)) : Optional.empty();
  }

  /** The hook {@link LoginManager#begin(SessionLifecycle, RequestView)} registers: Flask-Login's after_request. */
  void beforeSave(SessionLifecycle lifecycle) {
    finish().ifPresent(cookie -> lifecycle.addSetCookieHeader(cookie.header()));
  }

  /** {@code datetime.utcnow() + duration}, to the microsecond. */
  private Instant expires() {
    Instant now = manager.clock().instant().truncatedTo(ChronoUnit.MICROS);
    if (session().contains(REMEMBER_SECONDS)) {
      Long micros = PythonValues.timedeltaMicros(session().get(REMEMBER_SECONDS));
      if (micros != null) {
        Instant expires = now.plus(micros, ChronoUnit.MICROS);
        if (!expires.isBefore(FIRST) && !expires.isAfter(LAST)) {
          return expires;
        }
      }
      // Python raises here (HTTP 500); the configured duration is the safe answer.
    }
    Duration configured = config.rememberCookieDuration();
    return now.plus(configured.getSeconds() * 1_000_000L + configured.getNano() / 1000, ChronoUnit.MICROS);
  }

  @Override
  public String toString() {
    return "CurrentLogin[" + (loaded ? (user == null ? "anonymous" : "logged in") : "not loaded") + "]";
  }
}
