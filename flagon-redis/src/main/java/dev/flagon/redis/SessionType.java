package dev.flagon.redis;

/** {@code SESSION_TYPE}: where sessions live. */
public enum SessionType {
  /** Flask's signed cookie (Flagon's default; Flask-Session has no such type, Flask itself is this). */
  COOKIE,
  /** Flask-Session's Redis store: the cookie carries an id, the data lives in Redis. */
  REDIS
}
