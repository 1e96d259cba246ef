package dev.flagon.servlet;

import dev.flagon.Flagon;
import dev.flagon.Session;
import dev.flagon.SessionInterface;
import dev.flagon.SessionLifecycle;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;
import java.util.UUID;

/**
 * The session seen as an {@link HttpSession}, for servlet code written against the container's sessions
 * (turned on with {@link FlagonFilter#withHttpSessionView} or the init-param
 * {@value FlagonFilter#HTTP_SESSION_VIEW}). Attributes are the session's keys; values must be ones
 * Flask's tagged JSON can carry (strings, numbers, booleans, lists, maps, ...): {@link #setAttribute}
 * throws {@link dev.flagon.UnsupportedValueException} for another type, and saving names a nested one.
 * {@code request.getSession(false)} answers null while the session is empty.
 *
 * <p>What a client-side session cannot do:
 * <ul>
 *   <li>{@link #getId()}: there is no server-side id. It returns a random value made once per request,
 *       stable within the request and different in the next one: never key server-side state by it.
 *   <li>{@link #invalidate()} clears the session, so the cookie is deleted when the response is saved. It
 *       cannot revoke copies of the old cookie someone else holds: those stay valid until they expire
 *       ({@code PERMANENT_SESSION_LIFETIME}) or the secret key is rotated.
 *   <li>{@link #isNew()} is always false, as in Flask.
 *   <li>{@code HttpSessionListener}, {@code HttpSessionAttributeListener} and
 *       {@code HttpSessionBindingListener} never fire.
 *   <li>{@link #getCreationTime()} and {@link #getLastAccessedTime()} are not tracked: both return the time
 *       this request opened the view.
 *   <li>{@link #setMaxInactiveInterval(int)} does nothing: the lifetime is {@code PERMANENT_SESSION_LIFETIME},
 *       which {@link #getMaxInactiveInterval()} returns for {@link Flagon} (-1, unknown, for other sessions).
 * </ul>
 */
final class HttpSessionView implements HttpSession {
  private static final String ATTRIBUTE = HttpSessionView.class.getName();

  private final SessionLifecycle lifecycle;
  private final ServletContext context;
  private final int maxInactiveInterval;
  private final long openedAt = System.currentTimeMillis();
  private volatile String id;
  private volatile boolean invalid;

  private HttpSessionView(SessionLifecycle lifecycle, ServletContext context, int maxInactiveInterval,
      String id) {
    this.lifecycle = lifecycle;
    this.context = context;
    this.maxInactiveInterval = maxInactiveInterval;
    this.id = id;
  }

  /**
   * Whether the init-param {@value FlagonFilter#HTTP_SESSION_VIEW} turns the view on.
   *
   * @throws ServletException unless it is absent, true or false
   */
  static boolean enabledBy(String initParam) throws ServletException {
    if (initParam != null && !initParam.equalsIgnoreCase("true") && !initParam.equalsIgnoreCase("false")) {
      throw new ServletException(FlagonFilter.HTTP_SESSION_VIEW + " must be true or false");
    }
    return Boolean.parseBoolean(initParam);
  }

  /** The request the filter passes on when the view is on: {@code getSession} answers the view. */
  static final class Request extends FlagonFilter.SavingRequest {
    private final SessionInterface sessions;

    Request(HttpServletRequest request, FlagonResponse response, SessionLifecycle lifecycle,
        SessionInterface sessions) {
      super(request, response, lifecycle);
      this.sessions = sessions;
    }

    /** The request's view, kept as a request attribute so that every dispatch of the request sees it. */
    @Override
    public HttpSession getSession(boolean create) {
      Object existing = getAttribute(ATTRIBUTE);
      if (existing instanceof HttpSessionView view && !view.invalid) {
        return view;
      }
      if (!create && lifecycle.session().isEmpty()) {
        return null; // an empty session is no session at all
      }
      int lifetime = sessions instanceof Flagon flagon
          ? (int) Math.min(Integer.MAX_VALUE, flagon.config().permanentSessionLifetime().getSeconds()) : -1;
      String id = existing instanceof HttpSessionView old ? old.id : UUID.randomUUID().toString();
      HttpSessionView view = new HttpSessionView(lifecycle, getServletContext(), lifetime, id);
      setAttribute(ATTRIBUTE, view);
      return view;
    }

    @Override
    public HttpSession getSession() {
      return getSession(true);
    }

    /** A new random id; the session is unchanged. */
    @Override
    public String changeSessionId() {
      HttpSessionView view = (HttpSessionView) getSession(true);
      view.id = UUID.randomUUID().toString();
      return view.id;
    }
  }

  private Session session() {
    if (invalid) {
      throw new IllegalStateException("The session was invalidated; call request.getSession() again");
    }
    return lifecycle.session();
  }

  @Override
  public Object getAttribute(String name) {
    return session().get(name);
  }

  @Override
  public Enumeration<String> getAttributeNames() {
    return Collections.enumeration(session().keys());
  }

  /** Stores the value in the session; {@code null} removes it, as the Servlet API says. */
  @Override
  public void setAttribute(String name, Object value) {
    if (value == null) {
      removeAttribute(name);
    } else {
      session().put(name, value);
    }
  }

  @Override
  public void removeAttribute(String name) {
    session().remove(name);
  }

  /** Clears the session (the cookie is deleted on save); this view then throws, as the API says. */
  @Override
  public void invalidate() {
    session().clear();
    invalid = true;
  }

  @Override
  public boolean isNew() {
    session();
    return false;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public long getCreationTime() {
    session();
    return openedAt;
  }

  @Override
  public long getLastAccessedTime() {
    session();
    return openedAt;
  }

  @Override
  public ServletContext getServletContext() {
    return context;
  }

  @Override
  public void setMaxInactiveInterval(int interval) {
    // Not applicable: a cookie session lives for PERMANENT_SESSION_LIFETIME.
  }

  @Override
  public int getMaxInactiveInterval() {
    return maxInactiveInterval;
  }
}
