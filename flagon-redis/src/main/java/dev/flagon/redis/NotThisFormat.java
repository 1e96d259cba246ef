package dev.flagon.redis;

/**
 * The bytes are not in the format being tried (msgspec's {@code DecodeError}): Flask-Session then tries
 * its other decoder. Never leaves the serializer.
 */
final class NotThisFormat extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotThisFormat(String message) {
    super(message, null, false, false);
  }
}
