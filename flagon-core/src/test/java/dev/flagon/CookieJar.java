package dev.flagon;

import java.util.LinkedHashMap;
import java.util.Map;

/** A browser's cookie jar, reduced to what the tests need: Set-Cookie sets or deletes (Max-Age=0) by name. */
final class CookieJar {
  private final Map<String, String> cookies = new LinkedHashMap<>();

  CookieJar apply(CookieUpdate update) {
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

  CookieJar put(String name, String value) {
    cookies.put(name, value);
    return this;
  }

  String get(String name) {
    return cookies.get(name);
  }

  Map<String, String> all() {
    return Map.copyOf(cookies);
  }

  /** The request's Cookie header. */
  String header() {
    StringBuilder out = new StringBuilder();
    cookies.forEach((k, v) -> out.append(out.length() == 0 ? "" : "; ").append(k).append('=').append(v));
    return out.toString();
  }

  /** The value of a Set-Cookie header. */
  static String valueOf(String setCookieHeader) {
    return setCookieHeader.substring(setCookieHeader.indexOf('=') + 1, setCookieHeader.indexOf(';'));
  }
}
