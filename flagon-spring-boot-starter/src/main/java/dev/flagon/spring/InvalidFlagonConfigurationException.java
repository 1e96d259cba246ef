package dev.flagon.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

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

  /** The startup report (a FailureAnalyzer in META-INF/spring.factories), saying how to make and set a key. */
  static final class Analyzer extends AbstractFailureAnalyzer<InvalidFlagonConfigurationException> {
    static final String SECRET_KEY_ACTION = """
        Give Flagon a secret key to sign session cookies with. Generate one with `./flagon secret` \
        or `openssl rand -hex 32`, and set it as the property flagon.secret-key, the Flask name SECRET_KEY, \
        or the environment variable FLAGON_SECRET_KEY (keep it out of source control). \
        To run without Flagon, set flagon.enabled=false.""";

    static final String OTHER_ACTION = """
        Correct the setting named above: a flagon.* property or its Flask name (SESSION_COOKIE_*, \
        PERMANENT_SESSION_LIFETIME, ...). To run without Flagon, set flagon.enabled=false.""";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidFlagonConfigurationException cause) {
      return new FailureAnalysis("Flagon (Flask-compatible cookie sessions) is enabled but not configured"
          + " correctly: " + cause.getMessage(), cause.isSecretKeyMissing() ? SECRET_KEY_ACTION : OTHER_ACTION, cause);
    }
  }
}
