package dev.flagon.servlet;

import dev.flagon.CookieTooLargeException;
import dev.flagon.CookieUpdate;
import dev.flagon.Flagon;
import dev.flagon.Session;
import dev.flagon.codec.BadPayloadException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The session of one request and whether its cookie has been written, kept as a request attribute so
 * that error and async dispatches of the same request find it. Only translates HTTP objects to and from
 * {@link Flagon#open} and {@link Flagon#save}; every session rule is there.
 *
 * <p>Methods are synchronized, as an async request may write its response from another thread; the open
 * session and a written cookie are published through volatile fields, so that the calls repeated during a
 * request ({@link #session()}, {@link #beforeCommit()} on every write) take no lock after the first.
 */
final class RequestState {
  static final String ATTRIBUTE = RequestState.class.getName();
  private static final System.Logger LOG = System.getLogger("dev.flagon.servlet");

  private final Flagon flagon;
  private final boolean httpSessionView;
  private final List<String> cookieHeaders;
  private final String path;
  /** The container's response: cookie headers go here, whichever wrapper triggered the save. */
  private final HttpServletResponse response;

  private volatile Session session;
  private boolean saved;
  /** The cookie is written and nothing failed: later commit points need no lock, until a reset. */
  private volatile boolean settled;
  private boolean openFailed;
  private boolean failed;
  private boolean warned;
  private CookieUpdate update;
  private boolean modifiedAtSave;
  private Map<String, Object> dataAtSave = Map.of();
  private int depth;
  private AsyncContext asyncContext;
  private HttpSessionView httpSession;
  private String sessionId;

  RequestState(Flagon flagon, boolean httpSessionView, HttpServletRequest request,
      HttpServletResponse response) {
    this.flagon = flagon;
    this.httpSessionView = httpSessionView;
    this.cookieHeaders = cookieHeaders(request.getHeaders("Cookie"));
    this.path = request.getRequestURI();
    this.response = response;
  }

  Flagon flagon() {
    return flagon;
  }

  boolean httpSessionView() {
    return httpSessionView;
  }

  /** The values in order; usually there is one, which needs no ArrayList. */
  private static List<String> cookieHeaders(Enumeration<String> values) {
    if (values == null || !values.hasMoreElements()) { // null if the container hides headers
      return List.of();
    }
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return Collections.singletonList(first);
    }
    List<String> all = new ArrayList<>();
    all.add(first);
    while (values.hasMoreElements()) {
      all.add(values.nextElement());
    }
    return all;
  }

  /** The session, opened on first use (a {@link BadPayloadException} propagates, as Flask answers 500). */
  Session session() {
    Session opened = session;
    return opened != null ? opened : openSession();
  }

  private synchronized Session openSession() {
    if (session == null) {
      try {
        session = flagon.open(cookieHeaders);
      } catch (BadPayloadException e) {
        openFailed = true; // the code has the exception: nothing to save
        throw e;
      }
    }
    return session;
  }

  synchronized AsyncContext asyncContext() {
    return asyncContext;
  }

  synchronized void asyncContext(AsyncContext context) {
    asyncContext = context;
  }

  /**
   * The HttpSession view: {@code getSession(false)} answers null while the cookie session is empty, since
   * an empty cookie session is no session at all.
   */
  synchronized HttpSessionView httpSession(boolean create, ServletContext context) {
    if (httpSession == null || httpSession.isInvalid()) {
      if (!create && session().isEmpty()) {
        return null;
      }
      httpSession = new HttpSessionView(this, context);
    }
    return httpSession;
  }

  /** A random id made once per request; a cookie session has no server-side id. */
  synchronized String sessionId() {
    if (sessionId == null) {
      sessionId = UUID.randomUUID().toString();
    }
    return sessionId;
  }

  synchronized String changeSessionId() {
    sessionId = UUID.randomUUID().toString();
    return sessionId;
  }

  /** Enters a dispatch through the filter; true for the outermost one, which wraps and finishes. */
  synchronized boolean enter() {
    return depth++ == 0;
  }

  synchronized void exit() {
    depth--;
  }

  /**
   * Called before anything that may commit the response: writes the cookie once.
   *
   * @return false if the response became a 500 because the cookie was too large, so the caller must not
   *     send anything else
   */
  boolean beforeCommit() throws IOException {
    return settled || saveOnce();
  }

  private synchronized boolean saveOnce() throws IOException {
    if (!saved) {
      save();
    }
    settled = !failed;
    return !failed;
  }

  /** The response was reset, headers included: save again at the next commit point. */
  synchronized void afterReset() {
    if (!failed) {
      saved = false;
      settled = false;
      update = null;
    }
  }

  /**
   * Called when a dispatch (or the async cycle) ends: saves if nothing committed the response yet, and
   * otherwise logs a session changed too late.
   */
  synchronized void finish() throws IOException {
    if (!saved) {
      save();
    } else if (!failed && !warned && session != null && session.isModified()
        && (!modifiedAtSave || !session.toMap().equals(dataAtSave))) {
      warned = true;
      LOG.log(Level.WARNING, "The session was changed after its cookie was written for {0}; the change"
          + " is lost. Change the session before writing the response body.", path);
    }
  }

  /**
   * Puts the written cookie back if the container dropped it while preparing an error page (Jetty
   * removes {@code Vary} with the content headers before an error dispatch).
   */
  synchronized void restoreOn(HttpServletResponse target) {
    if (update == null || target.isCommitted()) {
      return;
    }
    Collection<String> present = target.getHeaders("Set-Cookie");
    for (String header : update.setCookieHeaders()) {
      if (!present.contains(header)) {
        target.addHeader("Set-Cookie", header);
      }
    }
    if (update.varyCookie()) {
      addVaryCookie(target);
    }
  }

  private void save() throws IOException {
    saved = true;
    Session toSave = session;
    if (toSave == null) {
      if (openFailed || !hasSessionCookie()) {
        return; // an unopened session without a cookie gives no Set-Cookie and no Vary
      }
      try {
        // A permanent session is refreshed even when the code never used it; open does not mark access.
        toSave = session = flagon.open(cookieHeaders);
      } catch (BadPayloadException e) {
        LOG.log(Level.WARNING, "The session cookie for {0} is signed but unreadable ({1}); it is left"
            + " as it is because the code did not use the session.", path, e.getMessage());
        return;
      }
    }
    CookieUpdate next;
    try {
      next = flagon.save(toSave);
    } catch (CookieTooLargeException e) {
      failed = true;
      LOG.log(Level.ERROR, "Answering 500 for " + path + ": " + e.getMessage(), e);
      if (!response.isCommitted()) {
        response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      }
      return;
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
    // Remembered to tell a later change. Only a modified session needs its data copied, and reading it
    // marks access, which is harmless only then (a set or deleted cookie has Vary anyway).
    modifiedAtSave = toSave.isModified();
    dataAtSave = modifiedAtSave ? toSave.toMap() : Map.of();
    boolean hasEffect = !next.setCookieHeaders().isEmpty() || next.varyCookie();
    if (response.isCommitted()) {
      if (hasEffect) {
        warned = true;
        LOG.log(Level.WARNING, "The response for {0} was committed before the session cookie could be"
            + " written ({1}); the session change is lost.", path, next.action());
      }
      return;
    }
    update = next;
    List<String> headers = next.setCookieHeaders();
    // Raw headers: jakarta.servlet.http.Cookie cannot say Partitioned. Indexed: no iterator for an empty list.
    for (int i = 0; i < headers.size(); i++) {
      response.addHeader("Set-Cookie", headers.get(i));
    }
    if (next.varyCookie()) {
      addVaryCookie(response);
    }
  }

  /** Whether a cookie of the session's name may be present; a false positive only costs an open. */
  private boolean hasSessionCookie() {
    String name = flagon.config().cookieName();
    for (String header : cookieHeaders) {
      if (header.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** Adds {@code Cookie} to {@code Vary} as a set, as Werkzeug does: at most once, case-insensitive. */
  static void addVaryCookie(HttpServletResponse target) {
    if (target.getHeader("Vary") == null) {
      target.addHeader("Vary", "Cookie"); // the common case: nothing to merge with
      return;
    }
    List<String> tokens = new ArrayList<>();
    for (String value : target.getHeaders("Vary")) {
      for (String token : value.split(",")) {
        String trimmed = token.trim();
        if (trimmed.equalsIgnoreCase("Cookie")) {
          return;
        }
        if (!trimmed.isEmpty()) {
          tokens.add(trimmed);
        }
      }
    }
    tokens.add("Cookie");
    target.setHeader("Vary", String.join(", ", tokens));
  }
}
