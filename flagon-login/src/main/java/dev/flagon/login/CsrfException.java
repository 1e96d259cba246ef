package dev.flagon.login;

/**
 * A request failed Flask-WTF's CSRF check; the message is Flask-WTF's own text for the {@link #reason()}
 * (Flask answers 400 with it). Never carries the token.
 */
public final class CsrfException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the check failed, with Flask-WTF 1.3.0's message. */
  public enum Reason {
    /** No token in the form or the headers, or an empty one. */
    TOKEN_MISSING("The CSRF token is missing."),
    /** The session holds no raw token ({@code WTF_CSRF_FIELD_NAME}). */
    SESSION_TOKEN_MISSING("The CSRF session token is missing."),
    /** Validly signed, but older than {@code WTF_CSRF_TIME_LIMIT} or dated in the future. */
    EXPIRED("The CSRF token has expired."),
    /** Not validly signed, or unreadable. */
    INVALID("The CSRF token is invalid."),
    /** Validly signed, but for another session's raw token. */
    MISMATCH("The CSRF tokens do not match."),
    /** An HTTPS request without {@code Referer} under {@code WTF_CSRF_SSL_STRICT}. */
    REFERRER_MISSING("The referrer header is missing."),
    /** An HTTPS request whose {@code Referer} is not {@code https://} and this host. */
    REFERRER_MISMATCH("The referrer does not match the host.");

    private final String message;

    Reason(String message) {
      this.message = message;
    }

    /** Flask-WTF's message, such as {@code The CSRF token is missing.} */
    public String message() {
      return message;
    }
  }

  private final Reason reason;

  /** @param reason why the check failed; its message becomes this exception's */
  public CsrfException(Reason reason) {
    super(reason.message());
    this.reason = reason;
  }

  /** Why the check failed. */
  public Reason reason() {
    return reason;
  }
}
