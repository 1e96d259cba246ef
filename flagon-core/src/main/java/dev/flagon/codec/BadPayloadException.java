package dev.flagon.codec;

/**
 * The signature is valid but the payload cannot be decoded or is not a session (itsdangerous
 * {@code BadPayload}): since it needs a valid signature, it means a key compromise or a serializer mismatch.
 */
public class BadPayloadException extends BadDataException {
  public BadPayloadException(String message) {
    super(message);
  }

  public BadPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
