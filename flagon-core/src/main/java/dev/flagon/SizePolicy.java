package dev.flagon;

/** What saving does when the {@code Set-Cookie} header is longer than {@code MAX_COOKIE_SIZE}. */
public enum SizePolicy {
  /**
   * Throw {@link CookieTooLargeException} (the default): browsers silently drop oversized cookies, so the
   * user would lose the session without anyone noticing.
   */
  ERROR,
  /** Send the cookie anyway and log a warning with Werkzeug's message, as Flask does. */
  WARN
}
