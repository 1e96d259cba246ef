package dev.flagon.codec;

/** The signature does not match, or the value has no signature (itsdangerous {@code BadSignature}). */
public class BadSignatureException extends BadDataException {
  private static final long serialVersionUID = 1L;

  /** @param message why the value was rejected, without the value itself */
  public BadSignatureException(String message) {
    super(message);
  }

  /** @param message why the value was rejected; @param cause the underlying failure */
  public BadSignatureException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String kind() {
    return "BadSignature";
  }
}
