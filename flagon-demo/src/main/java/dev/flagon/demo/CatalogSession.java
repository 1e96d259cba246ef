package dev.flagon.demo;

import dev.flagon.FlashMessage;
import dev.flagon.Session;
import java.util.List;

/**
 * The session as the route catalog uses it: a Flagon {@link Session}, or Flask's null session when no
 * secret key is configured. The library refuses to run without a key; Flask instead serves a null session
 * whose reads see nothing and whose writes raise (a 500), and that is never saved. Only the conformance
 * server needs that behaviour, so it lives here.
 */
final class CatalogSession {
  private static final CatalogSession NULL_SESSION = new CatalogSession(null);

  private final Session session; // null for Flask's null session

  private CatalogSession(Session session) {
    this.session = session;
  }

  /** A view of a real session. */
  static CatalogSession of(Session session) {
    return new CatalogSession(session);
  }

  /** Flask's null session. */
  static CatalogSession nullSession() {
    return NULL_SESSION;
  }

  boolean contains(String key) {
    return session != null && session.contains(key);
  }

  Object get(String key) {
    return session == null ? null : session.get(key);
  }

  int size() {
    return session == null ? 0 : session.size();
  }

  void put(String key, Object value) {
    writable().put(key, value);
  }

  /** Python's {@code session.pop(key, None)}; on the null session it fails even for a missing key. */
  void pop(String key) {
    writable().pop(key, null);
  }

  void clear() {
    writable().clear();
  }

  void setPermanent(boolean permanent) {
    writable().setPermanent(permanent);
  }

  void flash(Object message, String category) {
    writable().flash(message, category);
  }

  /** Flask's {@code get_flashed_messages(with_categories=True)}: nothing is flashed in a null session. */
  List<FlashMessage> flashes() {
    return session == null ? List.of() : session.flashes();
  }

  private Session writable() {
    if (session == null) {
      throw new NullSessionException();
    }
    return session;
  }

  /** A write to the null session: Flask's {@code RuntimeError}, with its message. */
  static final class NullSessionException extends IllegalStateException {
    NullSessionException() {
      super("The session is unavailable because no secret key was set. Set the secret_key on the"
          + " application to something unique and secret.");
    }
  }
}
