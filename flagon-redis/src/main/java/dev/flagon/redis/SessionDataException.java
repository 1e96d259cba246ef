package dev.flagon.redis;

/**
 * A stored session could not be written or read: a value msgspec cannot store (an integer beyond
 * msgpack's 64 bits, a string with a lone surrogate, an unsupported type), or stored bytes that are not a
 * session in either of Flask-Session's formats. Flask-Session answers 500 in the same cases; so should an
 * integration. The message names the problem and where (a path of keys and indexes), never a value.
 */
public class SessionDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong and where, without session values */
  public SessionDataException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong and where, without session values
   * @param cause the underlying parser's exception
   */
  public SessionDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
