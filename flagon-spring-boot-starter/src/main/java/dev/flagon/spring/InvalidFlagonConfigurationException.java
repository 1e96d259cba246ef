package dev.flagon.spring;

/**
 * Flagon is enabled but its configuration is invalid (no secret key, say): thrown while the application
 * starts, shown as Spring Boot's startup report. The message names the setting, never a key.
 */
public final class InvalidFlagonConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean secretKeyMissing;

  InvalidFlagonConfigurationException(String message, boolean secretKeyMissing, Throwable cause) {
    super(message, cause);
    this.secretKeyMissing = secretKeyMissing;
  }

  /** Whether no property named a secret key (the usual cause). */
  public boolean isSecretKeyMissing() {
    return secretKeyMissing;
  }
}
