package dev.flagon.codec;

/**
 * A timed signature does not match, or its timestamp is missing or malformed (itsdangerous
 * {@code BadTimeSignature}).
 */
public class BadTimeSignatureException extends BadSignatureException {
  public BadTimeSignatureException(String message) {
    super(message);
  }
}
