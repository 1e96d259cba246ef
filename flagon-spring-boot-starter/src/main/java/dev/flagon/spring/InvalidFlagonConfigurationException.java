package dev.flagon.spring;

/**
 * Flagon is enabled but its configuration is invalid, for example without a secret key. Thrown while the
 * application context starts, so the application does not serve a single request without sessions;
 * {@link FlagonFailureAnalyzer} turns it into Spring Boot's startup report. The message is the core's, which
 * names the setting and never contains a key.
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
