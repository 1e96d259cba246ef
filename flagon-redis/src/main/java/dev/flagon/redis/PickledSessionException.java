package dev.flagon.redis;

/**
 * The stored entry is a Python pickle: Flask-Session before 0.6 stored sessions with {@code pickle}, and
 * 0.6 to 0.8 still fall back to unpickling what msgspec cannot read. Flagon never unpickles (unpickling
 * runs code chosen by whoever wrote the entry), so such an entry is refused, never read.
 *
 * <p>To migrate, let Flask-Session 0.8 rewrite each entry in msgspec's format (it re-saves every session
 * it loads, including pickled ones, while {@code SESSION_REFRESH_EACH_REQUEST} is on), or delete the
 * old entries so their users start new sessions (docs/redis.md, "Moving from older Flask-Session").
 */
public final class PickledSessionException extends SessionDataException {
  private static final long serialVersionUID = 1L;

  PickledSessionException() {
    super("the stored session was written by Flask-Session < 0.6 with pickle; Flagon never unpickles:"
        + " re-create the session, or let Flask-Session 0.8 re-save it in msgspec's format first"
        + " (docs/redis.md, 'Moving from older Flask-Session')");
  }
}
