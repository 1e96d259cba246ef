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

  /** The itsdangerous class name of this error, for example {@code "BadSignature"} (a subclass: its parent's). */
  public String kind() {
    Class<?> type = getClass();
    while (type.getPackage() != BadDataException.class.getPackage()) {
      type = type.getSuperclass();
    }
    return type.getSimpleName().replace("Exception", "");
  }
}
