package dev.flagon;

import java.util.List;

/**
 * Opens and saves Flask-compatible sessions: every session rule of Flask 3.1 lives here, so that web
 * integrations only translate HTTP objects to and from {@link #open} and {@link #save}. Immutable and
 * thread-safe: build one per application.
 *
 * <pre>{@code
 * Flagon flagon = Flagon.create(FlagonConfig.fromEnvironment());
 * Session session = flagon.open(request.headers("Cookie"));
 * session.put("user_id", 12345);
 * CookieUpdate update = flagon.save(session);
 * update.setCookieHeaders().forEach(v -> response.addHeader("Set-Cookie", v));
 * if (update.varyCookie()) response.addHeader("Vary", "Cookie");
 * }</pre>
 */
public final class Flagon {

  /** A Flagon for this configuration; keys are derived here, once. */
  public static Flagon create(FlagonConfig config) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The configuration. */
  public FlagonConfig config() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Opens the session from the request's {@code Cookie} header values. If the session cookie appears more
   * than once, the first wins (as in Flask). A missing, tampered or expired cookie gives a fresh empty
   * session (and a DEBUG log line without the cookie value).
   *
   * @throws dev.flagon.codec.BadPayloadException if the cookie is validly signed but its payload is not a
   *     session (Flask answers 500 there)
   */
  public Session open(List<String> cookieHeaderValues) {
    throw new UnsupportedOperationException("TODO");
  }

  /** {@link #open(List)} over one or more {@code Cookie} header values. */
  public Session open(String... cookieHeaderValues) {
    return open(List.of(cookieHeaderValues));
  }

  /** Opens the session from the session cookie's value itself ({@code null} for no cookie). */
  public Session openCookieValue(String cookieValue) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * What the response needs for this session, by Flask's rules: set when modified (or permanent with
   * refresh on), delete when a modified session is empty, {@code Vary: Cookie} when accessed, set or
   * deleted, {@code Expires} only for permanent sessions.
   *
   * @throws CookieTooLargeException if the header would exceed {@code MAX_COOKIE_SIZE} and the policy is
   *     {@link SizePolicy#ERROR}
   * @throws dev.flagon.json.TaggedJsonException if a value in the session cannot be serialized
   */
  public CookieUpdate save(Session session) {
    throw new UnsupportedOperationException("TODO");
  }
}
