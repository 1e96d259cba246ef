package dev.flagon.spring.test;

import dev.flagon.CookieUpdate;
import dev.flagon.Flagon;
import dev.flagon.Session;
import jakarta.servlet.http.Cookie;
import java.util.Map;

/**
 * Session cookies for tests, signed by the application's own {@link Flagon}, so that a test starts with a
 * logged-in user in one line:
 *
 * <pre>{@code
 * mockMvc.perform(get("/").cookie(FlagonTestSessions.cookie(flagon, Map.of("user_id", 12345))))
 *     .andExpect(content().string("Logged in as user 12345"));
 *
 * webTestClient.get().uri("/")
 *     .header("Cookie", FlagonTestSessions.cookieHeader(flagon, Map.of("user_id", 12345)))
 *     .exchange();
 * }</pre>
 *
 * <p>The cookie is made exactly as a response would set it (same key, signing time from the configured
 * clock), by {@link Flagon#save}. Put {@code "_permanent": true} in the data for a permanent session.
 */
public final class FlagonTestSessions {

  private FlagonTestSessions() {}

  /** The session cookie holding this data, for {@code MockHttpServletRequestBuilder.cookie(...)}. */
  public static Cookie cookie(Flagon flagon, Map<String, ?> data) {
    return new Cookie(flagon.config().cookieName(), cookieValue(flagon, data));
  }

  /** A {@code Cookie} request header value ({@code session=...}) holding this data. */
  public static String cookieHeader(Flagon flagon, Map<String, ?> data) {
    return flagon.config().cookieName() + "=" + cookieValue(flagon, data);
  }

  /**
   * The signed cookie value holding this data.
   *
   * @throws IllegalArgumentException if the data is empty: an empty session has no cookie, send none
   */
  public static String cookieValue(Flagon flagon, Map<String, ?> data) {
    if (data.isEmpty()) {
      throw new IllegalArgumentException("An empty session has no cookie: send the request without one");
    }
    Session session = flagon.openCookieValue(null);
    data.forEach(session::put);
    CookieUpdate update = flagon.save(session);
    // Set-Cookie starts with "<name>=<value>;" and a session value never contains ';'.
    String header = update.setCookieHeaders().get(0);
    int start = flagon.config().cookieName().length() + 1;
    int end = header.indexOf(';');
    return header.substring(start, end < 0 ? header.length() : end);
  }
}
