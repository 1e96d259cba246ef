package dev.flagon;

import dev.flagon.codec.BadPayloadException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One request's session, for any {@link SessionInterface}: what a web integration drives, so that it only
 * translates HTTP objects. {@link #session()} opens the session on first call, without marking it accessed.
 * {@link #commit()}, called before anything that may commit the response, saves once: the {@link BeforeSave}
 * hooks (Flask's {@code after_request}), the save, {@code Set-Cookie} and {@code Cookie} in {@code Vary}; an
 * unread permanent session is refreshed if the request may carry its cookie. {@link #finish()} saves if
 * nothing did, else logs a change made after the save (WARNING with the path, never data).
 *
 * <p>Failures: a signed cookie that is not a session ({@link BadPayloadException}) propagates from
 * {@link #session()} (Flask's 500), and is only logged on a request that never used the session. A
 * {@link SessionStoreException} is never an empty session nor followed by a save: the response becomes a
 * 503; a {@link CookieTooLargeException} a 500; both logged at ERROR.
 *
 * <p>Thread-safe (an async request may use several threads); {@link #session()} and a saved {@link #commit()}
 * take no lock.
 */
public final class SessionLifecycle {
  /** The response, as an integration implements it over its own: named as {@code HttpServletResponse}'s. */
  public interface Response {
    boolean isCommitted();
    /** Every value of a header (case-insensitive name), in order; empty if none. */
    Collection<String> getHeaders(String name);
    void addHeader(String name, String value);
    void setHeader(String name, String value);
    /** Makes the uncommitted response a 500 or 503. @throws IOException if the client is gone */
    void answerError(int status) throws IOException;
  }

  /**
   * Runs once per request just before the save, as Flask's {@code after_request}: it may change the session
   * and add {@code Set-Cookie} headers (Flask-Login's remember cookie). An extension registers it per request,
   * so no integration needs to know it; an exception it throws fails the save.
   */
  @FunctionalInterface
  public interface BeforeSave {
    void beforeSave(SessionLifecycle request);
  }

  private final SessionInterface sessions;
  private final List<String> cookieHeaders;
  private final String path;
  private final Response response;
  private final System.Logger log;

  private volatile Session session;
  /** Saved and nothing failed: later commit points take no lock, until a reset. */
  private volatile boolean settled;
  private boolean openFailed;
  private boolean saved;
  private boolean failed;
  private boolean warned;
  private boolean hooksRan;
  private final List<BeforeSave> hooks = new ArrayList<>(0);
  private final List<String> ownCookies = new ArrayList<>(0);
  private CookieUpdate written; // what the response carries (after ownCookies), until a reset
  /** The data saved, when the session was modified: to tell a later change from writing the same again. */
  private Map<String, Object> dataAtSave;

  /** One request's lifecycle: its {@code Cookie} header values, its path (for logs), response and logger. */
  public SessionLifecycle(SessionInterface sessions, List<String> cookieHeaders, String path,
      Response response, System.Logger log) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.cookieHeaders = Objects.requireNonNull(cookieHeaders, "cookieHeaders");
    this.path = Objects.requireNonNull(path, "path");
    this.response = Objects.requireNonNull(response, "response");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * The session, opened on first call. @throws BadPayloadException if the cookie is validly signed but not a
   * session @throws SessionStoreException if the store cannot be read
   */
  public Session session() {
    Session opened = session;
    return opened != null ? opened : open();
  }

  private synchronized Session open() {
    if (session == null) {
      try {
        session = sessions.open(cookieHeaders);
      } catch (RuntimeException e) {
        openFailed = true; // the code has the exception: nothing to refresh or save
        throw e;
      }
    }
    return session;
  }

  /** Registers a hook to run just before the save. @throws IllegalStateException once the session is saved */
  public synchronized void beforeSave(BeforeSave hook) {
    hooks.add(Objects.requireNonNull(pending(hook), "hook"));
  }

  /**
   * Adds a {@code Set-Cookie} header value of the caller's own, written before the session's, as in Flask.
   * @throws IllegalArgumentException if it holds a line break @throws IllegalStateException once saved
   */
  public synchronized void addSetCookieHeader(String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("A Set-Cookie header value must not hold a line break");
    }
    ownCookies.add(pending(value));
  }

  private <T> T pending(T added) {
    if (hooksRan) {
      throw new IllegalStateException("Too late: the session of " + path + " was saved; add hooks and"
          + " cookies before the response body is written, or from a BeforeSave hook");
    }
    return added;
  }

  /** Call before anything that may commit the response: saves once; false if that failed (send nothing). */
  public boolean commit() {
    return settled || saveOnce();
  }

  private synchronized boolean saveOnce() {
    if (!saved) {
      save();
    }
    settled = !failed;
    return !failed;
  }

  /** The response was reset, headers included: the session is saved again at the next commit point. */
  public synchronized void reset() {
    if (!failed) {
      saved = false;
      settled = false;
      written = null;
    }
  }

  /** The request is done: saves if nothing did yet, else logs a change made after the save. */
  public synchronized void finish() {
    if (!saved) {
      save();
    } else if (!failed && !warned && session != null && session.isModified()
        && (dataAtSave == null || !session.toMap().equals(dataAtSave))) {
      warned = true;
      log.log(Level.WARNING, "The session was changed after its cookie was written for {0}; the change is"
          + " lost. Change the session before writing the response body.", path);
    }
  }

  /** Adds the written headers again where the container removed them for an error page (Jetty drops Vary). */
  public synchronized void restoreHeaders() {
    if (written != null && !response.isCommitted()) {
      write(written, response.getHeaders("Set-Cookie"));
    }
  }

  /** For a failure the application let through: true and a 503 if a {@link SessionStoreException} caused it. */
  public synchronized boolean answerStoreFailure(Throwable thrown) {
    Throwable cause = thrown;
    for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) { // cycles end too
      if (cause instanceof SessionStoreException store) {
        saved = true;
        fail(503, store);
        return true;
      }
    }
    return false;
  }

  private void save() {
    saved = true;
    CookieUpdate update;
    try {
      if (session == null && !openFailed && mayCarryCookie()) {
        session = sessions.open(cookieHeaders); // a permanent session is refreshed even when unread
      }
      if (!hooksRan && !(openFailed && session == null)) {
        for (int i = 0; i < hooks.size(); i++) { // indexed: a hook may add hooks
          hooks.get(i).beforeSave(this);
        }
      }
      hooksRan = true;
      update = session == null ? CookieUpdate.none(false) : sessions.save(session);
    } catch (BadPayloadException e) {
      log.log(Level.WARNING, "The session cookie for {0} is signed but unreadable ({1}); it is left as it"
          + " is because the code did not use the session.", path, e.getMessage());
      return;
    } catch (CookieTooLargeException | SessionStoreException e) {
      fail(e instanceof SessionStoreException ? 503 : 500, e);
      return;
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
    // Only a modified session is copied: reading it marks access, harmless only then (Vary is sent anyway).
    dataAtSave = session != null && session.isModified() ? session.toMap() : null;
    if (response.isCommitted()) {
      if (!ownCookies.isEmpty() || update.action() != CookieUpdate.Action.NONE) {
        warned = true;
        log.log(Level.WARNING, "The response for {0} was committed before the session cookie could be"
            + " written; the session change is lost. Change the session before writing the body.", path);
      }
      return;
    }
    write(update, List.of());
    written = update;
  }

  /** Our own cookies, then the session's (those not present), and {@code Cookie} in {@code Vary} if needed. */
  private void write(CookieUpdate update, Collection<String> present) {
    Stream.concat(ownCookies.stream(), update.setCookieHeaders().stream())
        .filter(header -> !present.contains(header)).forEach(header -> response.addHeader("Set-Cookie", header));
    if (update.varyCookie()) {
      addVaryCookie();
    }
  }

  private void fail(int status, RuntimeException e) {
    failed = true;
    settled = false;
    log.log(Level.ERROR, "Answering " + status + " for " + path + ": " + e.getMessage(), e);
    try {
      if (!response.isCommitted()) {
        response.answerError(status);
      }
    } catch (IOException clientGone) {
      // logged above; there is no one left to answer
    }
  }

  /** Whether a cookie of the session's name may be present: a false positive only costs an open. */
  private boolean mayCarryCookie() {
    String name = sessions.cookieName();
    return cookieHeaders.stream().anyMatch(header -> header.contains(name));
  }

  /** Adds {@code Cookie} to {@code Vary} as Werkzeug does: a set, case-insensitive, at most once. */
  private void addVaryCookie() {
    List<String> names = response.getHeaders("Vary").stream().flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toCollection(ArrayList::new));
    if (names.stream().noneMatch("Cookie"::equalsIgnoreCase)) {
      names.add("Cookie");
      response.setHeader("Vary", String.join(", ", names));
    }
  }
}
