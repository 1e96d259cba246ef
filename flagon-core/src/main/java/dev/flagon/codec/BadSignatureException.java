package dev.flagon.codec;

/** The signature does not match, or the value has no signature (itsdangerous {@code BadSignature}). */
public class BadSignatureException extends BadDataException {
  public BadSignatureException(String message) {
    super(message);
  }
}
