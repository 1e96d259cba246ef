package dev.flagon;

import java.util.List;

/**
 * Where a session lives, as Flask's {@code SessionInterface}: it opens the session of a request from the
 * request's cookies and saves it into what the response needs (and, for a server-side store, into the
 * store). {@link Flagon}, Flask's signed cookie, is the default; a server-side store such as Flask-Session's
 * Redis sessions is another implementation. Integrations (the servlet filter, the Spring starter, the
 * Javalin plugin) accept any implementation and drive it through one request lifecycle.
 *
 * <p>Implementations are immutable and thread-safe; the {@link Session} they open belongs to one request.
 */
public interface SessionInterface {
  /** The session cookie's name ({@code SESSION_COOKIE_NAME}): a request without it has no session to open. */
  String cookieName();

  /**
   * Opens the session of a request from its {@code Cookie} header values, in order. A missing, tampered,
   * expired or unknown cookie gives a fresh session, as in Flask.
   *
   * @throws dev.flagon.codec.BadPayloadException if the cookie verifies but does not hold a session (Flask
   *     answers 500)
   * @throws SessionStoreException if the store cannot be read (integrations answer 503)
   */
  Session open(List<String> cookieHeaderValues);

  /**
   * Saves the session by Flask's rules and says what the response needs: the {@code Set-Cookie} headers
   * and whether to add {@code Vary: Cookie}.
   *
   * @throws CookieTooLargeException if the cookie would be too large and the size policy refuses it
   * @throws SessionStoreException if the store cannot be written; the session was then not saved
   */
  CookieUpdate save(Session session);
}
