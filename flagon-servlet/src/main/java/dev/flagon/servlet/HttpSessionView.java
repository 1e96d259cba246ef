package dev.flagon.servlet;

import dev.flagon.Session;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The cookie session seen as an {@link HttpSession}, for servlet code written against the container's
 * sessions (turned on with {@link FlagonFilter#withHttpSessionView} or the init-param
 * {@value FlagonFilter#HTTP_SESSION_VIEW}). Attributes are the session's keys; values must be ones
 * Flask's tagged JSON can carry (strings, numbers, booleans, lists, maps, ...): {@link #setAttribute}
 * throws {@link dev.flagon.UnsupportedValueException} for another type, and saving names a nested one.
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
 *       which {@link #getMaxInactiveInterval()} returns.
 * </ul>
 */
final class HttpSessionView implements HttpSession {
  private final RequestState state;
  private final ServletContext context;
  private final long openedAt;
  private boolean invalid;

  HttpSessionView(RequestState state, ServletContext context) {
    this.state = state;
    this.context = context;
    this.openedAt = state.flagon().config().clock().millis();
  }

  private Session session() {
    if (invalid) {
      throw new IllegalStateException("The session was invalidated; call request.getSession() again");
    }
    return state.session();
  }

  boolean isInvalid() {
    return invalid;
  }

  @Override
  public Object getAttribute(String name) {
    return session().get(name);
  }

  @Override
  public Enumeration<String> getAttributeNames() {
    return Collections.enumeration(session().keys());
  }

  /** Stores the value in the cookie session; {@code null} removes it, as the Servlet API says. */
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

  /** Clears the cookie session (the cookie is deleted on save); this view then throws, as the API says. */
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
    return state.sessionId();
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
    return (int) Math.min(Integer.MAX_VALUE,
        state.flagon().config().permanentSessionLifetime().getSeconds());
  }
}
