package dev.flagon.test;

import dev.flagon.Session;
import dev.flagon.SessionInterface;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;

/**
 * Session cookies for an application's tests, made by its own {@link SessionInterface} (its
 * {@link dev.flagon.Flagon}, say) exactly as a response would set them, so that a test starts with a
 * logged-in user in one line, on any integration. {@code "_permanent": true} in the data makes the session
 * permanent; a server-side store saves the session as it would for a response.
 *
 * <pre>{@code
 * mockMvc.perform(get("/").cookie(FlagonTestSessions.cookie(flagon, Map.of("user_id", 12345))))
 *     .andExpect(content().string("Logged in as user 12345"));
 *
 * HttpRequest.newBuilder(uri).header("Cookie", FlagonTestSessions.cookieHeader(flagon, Map.of("user_id", 12345)));
 * }</pre>
 */
public final class FlagonTestSessions {
  private FlagonTestSessions() {}

  /** The session cookie holding this data, for {@code MockHttpServletRequestBuilder.cookie(...)}. */
  public static Cookie cookie(SessionInterface sessions, Map<String, ?> data) {
    return new Cookie(sessions.cookieName(), cookieValue(sessions, data));
  }

  /** A {@code Cookie} request header value ({@code session=...}) holding this data. */
  public static String cookieHeader(SessionInterface sessions, Map<String, ?> data) {
    return sessions.cookieName() + "=" + cookieValue(sessions, data);
  }

  /**
   * The cookie value holding this data.
   *
   * @throws IllegalArgumentException if the data is empty: an empty session has no cookie, send none
   */
  public static String cookieValue(SessionInterface sessions, Map<String, ?> data) {
    if (data.isEmpty()) {
      throw new IllegalArgumentException("An empty session has no cookie: send the request without one");
    }
    Session session = sessions.open(List.of());
    session.putAll(data);
    String header = sessions.save(session).setCookieHeaders().get(0); // "<name>=<value>; <attributes>"
    int end = header.indexOf(';');
    return header.substring(sessions.cookieName().length() + 1, end < 0 ? header.length() : end);
  }
}
