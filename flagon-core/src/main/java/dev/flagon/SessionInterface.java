package dev.flagon;

import java.util.List;

/**
 * Where a session lives, as Flask's {@code SessionInterface}: it opens a request's session from its cookies
 * and saves it into what the response needs (and, server-side, into the store). {@link Flagon}, Flask's
 * signed cookie, is the default; Flask-Session's Redis store is another. Integrations accept any and drive
 * it through a {@link SessionLifecycle}. Implementations are immutable and thread-safe.
 */
public interface SessionInterface {
  /** {@code SESSION_TYPE} of Flask's signed cookie ({@link Flagon}), the default. */
  String COOKIE = "cookie";

  /**
   * The session interface {@code SESSION_TYPE} names: {@value #COOKIE} gives {@link Flagon}, another name the
   * store of the module that provides it ({@code flagon-redis} brings {@code redis}). A store holding
   * connections is {@link AutoCloseable}. @throws IllegalArgumentException naming an invalid store setting
   */
  static SessionInterface create(FlagonConfig config) {
    return FlagonSettings.Providers.store(config);
  }

  /** The session cookie's name ({@code SESSION_COOKIE_NAME}): a request without it has no session to open. */
  String cookieName();

  /**
   * Opens a request's session from its {@code Cookie} header values, in order; a missing, tampered, expired
   * or unknown cookie gives a fresh session, as in Flask.
   * @throws dev.flagon.codec.BadPayloadException if the cookie verifies but does not hold a session
   * @throws SessionStoreException if the store cannot be read (integrations answer 503)
   */
  Session open(List<String> cookieHeaderValues);

  /**
   * Saves the session by Flask's rules into what the response needs ({@code Set-Cookie}, {@code Vary}).
   * @throws CookieTooLargeException if the cookie would be too large and the size policy refuses it
   * @throws SessionStoreException if the store cannot be written; the session was then not saved
   */
  CookieUpdate save(Session session);

  /**
   * Makes a module's session stores, found as {@link CookieFormat.Provider}s are. Needs a public no-argument
   * constructor and must not touch {@link FlagonSettings} while it is being built.
   */
  interface Provider {
    /** The {@code SESSION_TYPE} names it makes, in lower case ({@code redis}). */
    List<String> names();

    /** Its own settings, added to {@link FlagonSettings#all()} and read with {@link FlagonConfig#get}. */
    default List<Setting<?>> settings() {
      return List.of();
    }

    /** The store of this name for this configuration (it may connect lazily, on first use). */
    SessionInterface create(String name, FlagonConfig config);
  }
}
