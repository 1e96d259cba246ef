package dev.flagon.json;

/**
 * A value could not be written as tagged JSON (unsupported type, mixed key types, an integer past
 * Python's 4300-digit limit), or a text could not be read as tagged JSON (malformed, too deep, a tag
 * whose value is invalid). The message never contains the text being read.
 */
public class TaggedJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what was wrong, without the input */
  public TaggedJsonException(String message) {
    super(message);
  }

  /** @param message what was wrong, without the input; @param cause the underlying failure */
  public TaggedJsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
