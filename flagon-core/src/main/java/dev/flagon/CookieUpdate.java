package dev.flagon;

import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a response needs after {@link SessionInterface#save(Session)}: the raw {@code Set-Cookie} header
 * values to add, byte-identical to Werkzeug's (none, one to set, or one to delete; under {@link SizePolicy#SPLIT}
 * also one per chunk cookie), whether {@code Cookie} must be added to {@code Vary}, and Werkzeug's size warning
 * under {@link SizePolicy#WARN}. A store builds one with {@link #none}, {@link #set} or {@link #delete}.
 */
public record CookieUpdate(Action action, List<String> setCookieHeaders, boolean varyCookie,
    Optional<String> sizeWarning) {
  /** What happens to the cookie: nothing is sent, it is set (maybe as chunk cookies), or deleted. */
  public enum Action { NONE, SET, DELETE }

  public CookieUpdate {
    setCookieHeaders = List.copyOf(setCookieHeaders);
  }

  /** Nothing to send, with {@code Vary: Cookie} if the session was accessed (as Flask's rule). */
  public static CookieUpdate none(boolean varyCookie) {
    return new CookieUpdate(Action.NONE, List.of(), varyCookie, Optional.empty());
  }

  /** The cookie is set by these {@code Set-Cookie} values, with {@code Vary: Cookie}. */
  public static CookieUpdate set(List<String> setCookieHeaders) {
    return new CookieUpdate(Action.SET, setCookieHeaders, true, Optional.empty());
  }

  /** The cookie is deleted by these {@code Set-Cookie} values, with {@code Vary: Cookie}. */
  public static CookieUpdate delete(List<String> setCookieHeaders) {
    return new CookieUpdate(Action.DELETE, setCookieHeaders, true, Optional.empty());
  }

  /**
   * The session cookie's update, each header measured as Werkzeug measures {@code MAX_COOKIE_SIZE}: the
   * whole {@code Set-Cookie} value in characters (code points, as Python's {@code len}), deletions included.
   * Over the limit, {@link SizePolicy#WARN} keeps Werkzeug's warning (also logged) for the first one.
   *
   * @param data the session data, whose largest keys the exception names (never their values)
   * @throws CookieTooLargeException if a header is too large under {@link SizePolicy#ERROR}, or under
   *     {@link SizePolicy#SPLIT} (it could not be split)
   */
  static CookieUpdate checked(Action action, List<String> headers, Map<String, Object> data, FlagonConfig config,
      System.Logger log) {
    int limit = config.maxCookieSize();
    for (String header : headers) {
      // A count of code points never exceeds the count of chars.
      int size = limit == 0 || header.length() <= limit ? 0 : header.codePointCount(0, header.length());
      if (size <= limit) {
        continue;
      }
      if (config.sizePolicy() != SizePolicy.WARN) {
        int chunks = config.sizePolicy() == SizePolicy.SPLIT ? config.maxChunks() : 0;
        throw new CookieTooLargeException(config.cookieName(), size, limit, chunks, largestKeys(config, data));
      }
      // The quoted value: from the '=' after the name (a token) to the first ';' (quoting escapes any in it).
      int end = header.indexOf(';') < 0 ? header.length() : header.indexOf(';');
      int valueSize = header.codePointCount(header.indexOf('=') + 1, end);
      String quote = config.cookieName().indexOf('\'') >= 0 ? "\"" : "'"; // Python's repr of a token
      String warning = "The " + quote + config.cookieName() + quote + " cookie is too large: the value was "
          + valueSize + " bytes but the header required " + (size - valueSize) + " extra bytes. The final size"
          + " was " + size + " bytes but the limit is " + limit + " bytes. Browsers may silently ignore cookies"
          + " larger than this.";
      log.log(Level.WARNING, warning);
      return new CookieUpdate(action, headers, true, Optional.of(warning));
    }
    return new CookieUpdate(action, headers, true, Optional.empty());
  }

  /** The keys whose values serialize longest, largest first, at most five: where to look, never what. */
  private static List<String> largestKeys(FlagonConfig config, Map<String, Object> data) {
    Map<String, Integer> sizes = new HashMap<>();
    data.forEach((key, value) -> sizes.put(key, config.taggedJson().dumps(value).length()));
    Comparator<String> largestFirst = Comparator.comparing(sizes::get, Comparator.reverseOrder());
    return sizes.keySet().stream().sorted(largestFirst.thenComparing(Comparator.naturalOrder())).limit(5).toList();
  }

  /** Never the headers: they carry the session. */
  @Override
  public String toString() {
    return "CookieUpdate[" + action + ", vary=" + varyCookie + "]";
  }
}
