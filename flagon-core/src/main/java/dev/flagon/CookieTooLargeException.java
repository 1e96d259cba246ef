package dev.flagon;

import java.util.List;

/**
 * The session's {@code Set-Cookie} header would be longer than {@code MAX_COOKIE_SIZE} (policy
 * {@link SizePolicy#ERROR}), or even split it would take more than {@code SESSION_MAX_CHUNKS} cookies
 * ({@link SizePolicy#SPLIT}). Names the largest keys so the cause can be found; never contains values.
 */
public final class CookieTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int headerSize;
  private final int limit;
  private final List<String> largestKeys;

  /** @param maxChunks {@code SESSION_MAX_CHUNKS} under {@link SizePolicy#SPLIT}, else 0 */
  CookieTooLargeException(String cookieName, int headerSize, int limit, int maxChunks, List<String> largestKeys) {
    super((maxChunks == 0 ? "The '" + cookieName + "' cookie is too large: the Set-Cookie header would be "
        + headerSize + " bytes but MAX_COOKIE_SIZE is " + limit + "; browsers silently drop such cookies."
        : "The '" + cookieName + "' session is too large: its " + headerSize + "-byte Set-Cookie header does"
            + " not fit in SESSION_MAX_CHUNKS=" + maxChunks + " cookies of MAX_COOKIE_SIZE=" + limit + " bytes.")
        + " Largest session keys: " + largestKeys);
    this.headerSize = headerSize;
    this.limit = limit;
    this.largestKeys = List.copyOf(largestKeys);
  }

  /** The size the header would have had as one cookie. */
  public int headerSize() {
    return headerSize;
  }

  /** The configured {@code MAX_COOKIE_SIZE}. */
  public int limit() {
    return limit;
  }

  /** The session keys whose serialized values are largest, largest first (at most five). */
  public List<String> largestKeys() {
    return largestKeys;
  }
}
