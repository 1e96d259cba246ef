package dev.flagon.testing;

import dev.flagon.CookieUpdate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A browser's cookie jar, reduced to what the tests need: Set-Cookie sets or deletes (Max-Age=0) by name. */
public final class CookieJar {
  private final Map<String, String> cookies = new LinkedHashMap<>();

  /** Applies a response's Set-Cookie headers. */
  public CookieJar apply(CookieUpdate update) {
    for (String header : update.setCookieHeaders()) {
      String pair = header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
      String name = pair.substring(0, pair.indexOf('='));
      if (header.contains("; Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, pair.substring(pair.indexOf('=') + 1));
      }
    }
    return this;
  }

  /** Sets a cookie as a browser would keep it. */
  public CookieJar put(String name, String value) {
    cookies.put(name, value);
    return this;
  }

  /** A cookie's value, or null. */
  public String get(String name) {
    return cookies.get(name);
  }

  /** Every cookie. */
  public Map<String, String> all() {
    return Map.copyOf(cookies);
  }

  /** The request's Cookie header. */
  public String header() {
    StringBuilder out = new StringBuilder();
    cookies.forEach((k, v) -> out.append(out.length() == 0 ? "" : "; ").append(k).append('=').append(v));
    return out.toString();
  }

  /** The value of a Set-Cookie header. */
  public static String valueOf(String setCookieHeader) {
    return setCookieHeader.substring(setCookieHeader.indexOf('=') + 1, setCookieHeader.indexOf(';'));
  }
}
