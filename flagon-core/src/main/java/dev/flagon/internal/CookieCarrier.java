package dev.flagon.internal;

import dev.flagon.WerkzeugCookie;
import java.time.Instant;
import java.util.List;

/**
 * How the session cookie's value is carried, whatever its format: in one cookie ({@link #one}), or split
 * over several ({@link SplitCookies}). {@link dev.flagon.Flagon} reads the value with {@link #read} and
 * writes it with {@link #set} or {@link #delete}, passing back the state {@link #read} gave. Immutable.
 */
public interface CookieCarrier {
  /**
   * What a request carried.
   *
   * @param value the cookie value, or null when there is none or it was refused
   * @param problem why it was refused, for the log (never the value), or null
   * @param state what saving needs to know of the request's cookies, handed back to {@link #set} and
   *     {@link #delete}
   */
  record Incoming(String value, String problem, Object state) {}

  /** Reads the value from the request's {@code Cookie} header values. */
  Incoming read(List<String> cookieHeaders);

  /** The most cookies one value may take. */
  int cookies();

  /**
   * The {@code Set-Cookie} values that set this value (the first is the main cookie's) and delete what
   * the request carried and no longer needs; a value that cannot be carried within the size limit is set
   * in one oversized header, which the size policy then refuses.
   *
   * @param expires when it expires, or null for a browser-session cookie
   * @param state what {@link #read} gave for this request
   */
  List<String> set(String value, Instant expires, Object state);

  /** The {@code Set-Cookie} values that delete the cookie and everything the request carried with it. */
  List<String> delete(Object state);

  /** The value in one cookie, as Flask carries it. */
  static CookieCarrier one(WerkzeugCookie cookie) {
    return new CookieCarrier() {
      @Override
      public Incoming read(List<String> cookieHeaders) {
        return new Incoming(CookieHeader.firstValue(cookieHeaders, cookie.name()), null, null);
      }

      @Override
      public int cookies() {
        return 1;
      }

      @Override
      public List<String> set(String value, Instant expires, Object state) {
        return List.of(cookie.set(value, expires));
      }

      @Override
      public List<String> delete(Object state) {
        return List.of(cookie.delete());
      }
    };
  }
}
