package dev.flagon.codec;

import java.time.Instant;
import java.util.Objects;

/**
 * The signature is valid but older than the max age, or dated in the future (itsdangerous
 * {@code SignatureExpired}). {@link #dateSigned()} says when the value was signed, as itsdangerous'
 * {@code date_signed}: a caller can tell an expired cookie from one with a clock problem.
 */
public class SignatureExpiredException extends BadTimeSignatureException {
  private static final long serialVersionUID = 1L;

  private final Instant dateSigned;

  /**
   * @param message why the value was rejected, without the value itself
   * @param dateSigned when the value was signed
   */
  public SignatureExpiredException(String message, Instant dateSigned) {
    super(message);
    this.dateSigned = Objects.requireNonNull(dateSigned, "dateSigned");
  }

  /** When the rejected value was signed (itsdangerous' {@code date_signed}). */
  public Instant dateSigned() {
    return dateSigned;
  }

  @Override
  public String kind() {
    return "SignatureExpired";
  }
}
