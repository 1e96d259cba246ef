package dev.flagon.codec;

/** A timed signature does not match, or its timestamp is missing or malformed (itsdangerous {@code BadTimeSignature}). */
public class BadTimeSignatureException extends BadSignatureException {
  private static final long serialVersionUID = 1L;

  /** @param message why the value was rejected, without the value itself */
  public BadTimeSignatureException(String message) {
    super(message);
  }

  /** @param message why the value was rejected; @param cause the underlying failure */
  public BadTimeSignatureException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String kind() {
    return "BadTimeSignature";
  }
}
