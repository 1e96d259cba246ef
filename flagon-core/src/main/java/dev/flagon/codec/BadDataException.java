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

  /** The itsdangerous class name of this error, for example {@code "BadSignature"} (of a subclass: its parent's). */
  public String kind() {
    Class<?> type = getClass();
    while (!type.getName().equals(BadDataException.class.getPackageName() + "." + type.getSimpleName())) {
      type = type.getSuperclass(); // not one of the codec's own top-level classes
    }
    return type.getSimpleName().replace("Exception", "");
  }
}
