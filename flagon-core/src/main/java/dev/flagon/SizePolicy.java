package dev.flagon;

/** What saving does when the {@code Set-Cookie} header is longer than {@code MAX_COOKIE_SIZE}. */
public enum SizePolicy {
  /**
   * Throw {@link CookieTooLargeException} (the default): browsers silently drop oversized cookies, so the
   * user would lose the session without anyone noticing.
   */
  ERROR,
  /** Send the cookie anyway and log a warning with Werkzeug's message, as Flask does. */
  WARN,
  /**
   * Carry the value over several cookies, {@code name}, {@code name.1}, {@code name.2}, ..., each within
   * {@code MAX_COOKIE_SIZE} and with the same attributes, at most {@code SESSION_MAX_CHUNKS} of them (beyond
   * that {@link CookieTooLargeException}). They are reassembled and verified as one value, and chunks no
   * longer needed are deleted. A session that fits stays one Flask-compatible cookie.
   */
  SPLIT
}
