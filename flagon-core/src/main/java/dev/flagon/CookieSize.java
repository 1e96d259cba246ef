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
 * {@link CookieTooLargeException}, as {@link SizePolicy#SPLIT} does for a session too large to split.
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
   * Checks each header; returns Werkzeug's warning (also logged) for the first that is too large under
   * WARN, else null.
   *
   * @param data the session data, to name the largest keys in the exception
   * @throws CookieTooLargeException if one is too large under ERROR (or SPLIT: it could not be split)
   */
  String check(List<String> headers, Map<String, Object> data) {
    for (String header : headers) {
      String warning = check(header, data);
      if (warning != null) {
        return warning;
      }
    }
    return null;
  }

  String check(String header, Map<String, Object> data) {
    int limit = config.maxCookieSize();
    if (limit == 0 || header.length() <= limit) {
      return null; // a count of code points never exceeds the count of chars
    }
    int size = header.codePointCount(0, header.length());
    if (size <= limit) {
      return null;
    }
    if (config.sizePolicy() != SizePolicy.WARN) {
      int chunks = config.sizePolicy() == SizePolicy.SPLIT ? config.maxChunks() : 0;
      throw new CookieTooLargeException(config.cookieName(), size, limit, chunks, largestKeys(data));
    }
    // The quoted value: from the '=' after the name (a token) to the first ';' (quoting escapes any in it).
    int end = header.indexOf(';') < 0 ? header.length() : header.indexOf(';');
    int valueSize = header.codePointCount(header.indexOf('=') + 1, end);
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
