package dev.flagon.codec;

import java.time.Instant;
import java.util.Objects;

/**
 * The signature is valid but older than the max age, or dated in the future (itsdangerous
 * {@code SignatureExpired}); {@link #dateSigned()} tells an expired cookie from a clock problem.
 */
public class SignatureExpiredException extends BadTimeSignatureException {
  private final Instant dateSigned;

  public SignatureExpiredException(String message, Instant dateSigned) {
    super(message);
    this.dateSigned = Objects.requireNonNull(dateSigned, "dateSigned");
  }

  /** When the rejected value was signed (itsdangerous' {@code date_signed}). */
  public Instant dateSigned() {
    return dateSigned;
  }
}
