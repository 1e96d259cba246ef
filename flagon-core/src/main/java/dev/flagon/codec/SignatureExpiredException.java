package dev.flagon.codec;

/** The signature is valid but older than the max age, or dated in the future (itsdangerous {@code SignatureExpired}). */
public class SignatureExpiredException extends BadTimeSignatureException {
  private static final long serialVersionUID = 1L;

  /** @param message why the value was rejected, without the value itself */
  public SignatureExpiredException(String message) {
    super(message);
  }

  /** @param message why the value was rejected; @param cause the underlying failure */
  public SignatureExpiredException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String kind() {
    return "SignatureExpired";
  }
}
