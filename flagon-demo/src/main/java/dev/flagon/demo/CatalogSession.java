package dev.flagon.demo;

import dev.flagon.FlashMessage;
import dev.flagon.Session;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The session as the route catalog uses it: a Flagon {@link Session}, or Flask's null session when no
 * secret key is configured. The library refuses to run without a key; Flask instead serves a null session
 * whose reads see nothing and whose writes raise (a 500), and that is never saved. Only the conformance
 * server needs that behaviour, so it lives here.
 */
final class CatalogSession {
  private static final CatalogSession NULL_SESSION = new CatalogSession(null, s -> { });

  private final Session session; // null for Flask's null session
  private final Consumer<Session> regenerate;

  private CatalogSession(Session session, Consumer<Session> regenerate) {
    this.session = session;
    this.regenerate = regenerate;
  }

  /** A view of a real session; {@code regenerate} is the store's {@code regenerate()} for {@code /regenerate}. */
  static CatalogSession of(Session session, Consumer<Session> regenerate) {
    return new CatalogSession(session, regenerate);
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

  /** {@code dict(session)}: empty for the null session. */
  Map<String, Object> toMap() {
    return session == null ? Map.of() : session.toMap();
  }

  /** The store's {@code regenerate(session)}; on the null session it fails, as any write does. */
  void regenerate() {
    regenerate.accept(writable());
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
