package dev.flagon;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code MAX_COOKIE_SIZE}, measured as Werkzeug measures it: the whole {@code Set-Cookie} value in
 * characters (code points, as Python's {@code len}), deletions included. Over the limit,
 * {@link SizePolicy#WARN} gives Werkzeug's warning text and {@link SizePolicy#ERROR} throws
 * {@link CookieTooLargeException}.
 */
final class CookieSize {
  private static final int MAX_NAMED_KEYS = 5;

  private final FlagonConfig config;
  private final System.Logger log;

  CookieSize(FlagonConfig config, System.Logger log) {
    this.config = config;
    this.log = log;
  }

  /**
   * Checks one header; returns Werkzeug's warning (also logged) if it is too large under WARN, else null.
   *
   * @param quotedValue the cookie value as written in the header
   * @param data the session data, to name the largest keys in the exception
   * @throws CookieTooLargeException if it is too large under ERROR
   */
  String check(String header, String quotedValue, Map<String, Object> data) {
    int limit = config.maxCookieSize();
    if (limit == 0 || header.length() <= limit) {
      return null; // a count of code points never exceeds the count of chars
    }
    int size = header.codePointCount(0, header.length());
    if (size <= limit) {
      return null;
    }
    if (config.sizePolicy() == SizePolicy.ERROR) {
      throw new CookieTooLargeException(config.cookieName(), size, limit, largestKeys(data));
    }
    int valueSize = quotedValue.codePointCount(0, quotedValue.length());
    String warning = "The " + pythonRepr(config.cookieName()) + " cookie is too large: the value was "
        + valueSize + " bytes but the header required " + (size - valueSize) + " extra bytes. The final size"
        + " was " + size + " bytes but the limit is " + limit + " bytes. Browsers may silently ignore cookies"
        + " larger than this.";
    log.log(Level.WARNING, warning);
    return warning;
  }

  /** The keys whose values serialize longest, largest first, at most five: where to look, never what. */
  List<String> largestKeys(Map<String, Object> data) {
    List<Map.Entry<String, Integer>> sizes = new ArrayList<>();
    for (Map.Entry<String, Object> entry : data.entrySet()) {
      sizes.add(Map.entry(entry.getKey(), config.taggedJson().dumps(entry.getValue()).length()));
    }
    sizes.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < Math.min(MAX_NAMED_KEYS, sizes.size()); i++) {
      keys.add(sizes.get(i).getKey());
    }
    return keys;
  }

  /** Python's {@code repr} of a cookie name (an HTTP token: no {@code "} or {@code \}). */
  private static String pythonRepr(String name) {
    return name.indexOf('\'') >= 0 ? "\"" + name + "\"" : "'" + name + "'";
  }
}
