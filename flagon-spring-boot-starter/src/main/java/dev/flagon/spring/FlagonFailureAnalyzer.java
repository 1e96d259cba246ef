package dev.flagon.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An invalid configuration as Spring Boot's startup report, saying how to make and set a secret key. */
class FlagonFailureAnalyzer extends AbstractFailureAnalyzer<InvalidFlagonConfigurationException> {

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
    String description = "Flagon (Flask-compatible cookie sessions) is enabled but not configured correctly: "
        + cause.getMessage();
    return new FailureAnalysis(description, cause.isSecretKeyMissing() ? SECRET_KEY_ACTION : OTHER_ACTION,
        cause);
  }
}
