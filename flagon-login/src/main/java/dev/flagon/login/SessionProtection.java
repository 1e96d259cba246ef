package dev.flagon.login;

/**
 * Flask-Login's {@code SESSION_PROTECTION}: what happens when the request's identifier (a SHA-512 of the
 * client's address and {@code User-Agent}) differs from the session's {@code _id}.
 */
public enum SessionProtection {
  /** No check ({@code None} in Flask-Login). */
  DISABLED,
  /** The default: the login is kept but no longer fresh ({@code _fresh} becomes false). */
  BASIC,
  /**
   * Logged out: Flask-Login's session keys are removed and the remember cookie is cleared; a permanent
   * session is treated as {@link #BASIC}.
   */
  STRONG;

  /**
   * The mode for a configured value: {@code basic} or {@code strong}, in lower case as Flask-Login compares
   * them; {@code null}, {@code none} or an empty text disable the check.
   *
   * @throws IllegalArgumentException for anything else, {@code Basic} included (Flask-Login would silently
   *     disable the check)
   */
  public static SessionProtection fromName(String name) {
    switch (name == null ? "" : name) {
      case "basic": return BASIC;
      case "strong": return STRONG;
      case "", "none", "null": return DISABLED;
      default:
        throw new IllegalArgumentException("SESSION_PROTECTION must be basic, strong or none (lower case), not '"
            + name + "' (Flask-Login would silently turn the check off)");
    }
  }
}
