package dev.flagon.codec;

/** The signature is valid but the payload cannot be decoded (base64, zlib, UTF-8, JSON, tags), or is not a session (itsdangerous {@code BadPayload}). Since it needs a valid signature, it means a key compromise or a serializer mismatch, never a random client. */
public class BadPayloadException extends BadDataException {
  private static final long serialVersionUID = 1L;

  /** @param message why the value was rejected, without the value itself */
  public BadPayloadException(String message) {
    super(message);
  }

  /** @param message why the value was rejected; @param cause the underlying failure */
  public BadPayloadException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String kind() {
    return "BadPayload";
  }
}
