package dev.flagon.demo;

import dev.flagon.FlashMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The demo's HTML, written by hand. Everything that comes from the session or the cookie is escaped. */
final class DemoPages {
  /** What the cookie page shows of a cookie at most: the rest of a large one is cut, not rendered. */
  private static final int MAX_SHOWN_JSON = 16 * 1024;
  private static final int MAX_SHOWN_KEYS = 100;
  private static final int MAX_SHOWN_VALUE = 500;

  private DemoPages() {}

  /** The home page: the flashed messages, who is logged in, and the login form or the logout link. */
  static String index(Object userId, List<FlashMessage> flashes, Duration rememberFor) {
    StringBuilder body = new StringBuilder();
    if (!flashes.isEmpty()) {
      body.append("<ul class=flashes>\n");
      for (FlashMessage flash : flashes) {
        body.append("<li class=\"").append(Html.escape(flash.category())).append("\">")
            .append(Html.escape(String.valueOf(flash.message()))).append("</li>\n");
      }
      body.append("</ul>\n");
    }
    // Only the control that fits the state: the login form when logged out, the logout link when logged in.
    if (userId != null) {
      body.append("<p>Logged in as user ").append(Html.escape(String.valueOf(userId))).append("</p>\n")
          .append("<p><a href=\"/logout\">Log out</a></p>\n");
    } else {
      body.append("<p>Not logged in</p>\n")
          .append("<form method=post action=\"/login\">\n")
          .append("<label><input type=checkbox name=remember value=on> remember me for ")
          .append(rememberFor.toMinutes()).append(" minutes</label>\n")
          .append("<button>Log in</button>\n")
          .append("</form>\n");
    }
    body.append("<p><a href=\"/cookie\">What is in my session cookie?</a></p>\n");
    return page("Flagon demo", body.toString());
  }

  /**
   * The cookie page: the raw cookie, what it decodes to without the key, and what the server accepted.
   *
   * @param kind what the cookie carries, which decides what the page may claim about it
   * @param cookieValue the session cookie's value, or null if the browser sent none
   * @param decoded the decoded cookie, or null if there is none or it could not be decoded
   * @param verifiedKeys the keys of the session the server accepted after checking the signature
   */
  static String cookie(CookieKind kind,
      String cookieName, String cookieValue, UnsignedCookie decoded, Set<String> verifiedKeys) {
    StringBuilder body = new StringBuilder();
    body.append("<p>").append(kind.intro).append("</p>\n");
    if (cookieValue == null) {
      body.append("<p>Your browser sent no <code>").append(Html.escape(cookieName))
          .append("</code> cookie. <a href=\"/\">Log in</a> first.</p>\n");
      return page("What is in my session cookie?", body.toString());
    }
    body.append("<h2>The cookie</h2>\n<pre>").append(Html.escape(cookieName)).append('=')
        .append(Html.escape(cookieValue)).append("</pre>\n");
    if (decoded == null) {
      body.append("<p>This cookie cannot be decoded.</p>\n");
    } else {
      body.append("<h2>Decoded without the key</h2>\n<pre>")
          .append(Html.escape(ValueText.of(decoded.json(), MAX_SHOWN_JSON))).append("</pre>\n");
      decoded.signedAt().ifPresent(at -> body.append("<p>Signed at ").append(at).append(".</p>\n"));
      if (decoded.value() instanceof Map<?, ?> entries) {
        body.append("<table>\n<tr><th>key</th><th>value</th><th>Java type</th></tr>\n");
        entries.entrySet().stream().limit(MAX_SHOWN_KEYS).forEach(entry -> {
          Object value = entry.getValue();
          body.append("<tr><td>").append(Html.escape(ValueText.of(entry.getKey(), MAX_SHOWN_VALUE)))
              .append("</td><td>").append(Html.escape(ValueText.of(value, MAX_SHOWN_VALUE))).append("</td><td>")
              .append(value == null ? "null" : value.getClass().getSimpleName()).append("</td></tr>\n");
        });
        body.append("</table>\n");
      }
    }
    body.append("<h2>").append(kind.heading).append("</h2>\n<p>");
    if (verifiedKeys.isEmpty()) {
      body.append("The server accepted nothing: ").append(kind.rejected)
          .append(", so it starts a fresh, empty session.");
    } else {
      body.append(kind.accepted).append(" The server reads the keys ")
          .append(Html.escape(String.join(", ", verifiedKeys))).append('.');
    }
    body.append("</p>\n<p><a href=\"/\">Back</a></p>\n");
    return page("What is in my session cookie?", body.toString());
  }

  private static String page(String title, String body) {
    return "<!doctype html>\n<html lang=en>\n<meta charset=utf-8>\n<title>" + title + "</title>\n"
        + "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}"
        + "pre{white-space:pre-wrap;word-break:break-all;background:#f4f4f4;padding:.5rem}"
        + ".flashes{background:#eef6ee;padding:.5rem 2rem}td,th{text-align:left;padding-right:1rem}</style>\n"
        + "<h1>" + title + "</h1>\n" + body;
  }
}
