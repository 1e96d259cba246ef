package dev.flagon.codec;

/**
 * A signed value was rejected (itsdangerous {@code BadData}): the root of Flagon's codec errors, whose
 * messages never contain the value or a key.
 */
public class BadDataException extends RuntimeException {
  public BadDataException(String message) {
    super(message);
  }

  public BadDataException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The itsdangerous class name of this error, for example {@code "BadSignature"}. */
  public String kind() {
    return "BadData";
  }
}
