package dev.flagon.codec;

/**
 * A signed value was rejected (itsdangerous {@code BadData}). Messages never contain the value or a key.
 */
public class BadDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message why the value was rejected, without the value itself */
  public BadDataException(String message) {
    super(message);
  }

  /** @param message why the value was rejected; @param cause the underlying failure */
  public BadDataException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The itsdangerous class name of this error, for example {@code "BadSignature"}. */
  public String kind() {
    return "BadData";
  }
}
