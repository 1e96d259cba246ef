package dev.flagon.demo;

import dev.flagon.Session;
import dev.flagon.SessionInterface;
import dev.flagon.json.TaggedJson;
import dev.flagon.servlet.FlagonFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/** The demo's routes: Flask's login example with flash messages, plus the cookie page. */
final class DemoServlet extends HttpServlet {
  private final String cookieName;
  private final CookieKind cookieKind;
  private final transient Duration rememberMe;

  /**
   * @param sessions the sessions the demo runs on: their cookie's name and what it carries
   * @param rememberMe how long "remember me" keeps a user logged in
   */
  DemoServlet(SessionInterface sessions, Duration rememberMe) {
    this.cookieName = sessions.cookieName();
    this.cookieKind = CookieKind.of(sessions);
    this.rememberMe = rememberMe;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    switch (request.getServletPath()) {
      case "/" -> index(request, response);
      case "/login" -> logIn(request, response);
      case "/logout" -> logOut(request, response);
      case "/cookie" -> cookie(request, response);
      default -> FlaskResponses.error(response, HttpServletResponse.SC_NOT_FOUND);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!request.getServletPath().equals("/login")) {
      FlaskResponses.error(response, HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    // "Remember me" makes the cookie outlive the browser for PERMANENT_SESSION_LIFETIME.
    FlagonFilter.session(request).setPermanent("on".equals(request.getParameter("remember")));
    logIn(request, response);
  }

  private void index(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Session session = FlagonFilter.session(request);
    FlaskResponses.ok(response,
        DemoPages.index(session.get("user_id"), session.flashes(), rememberMe));
  }

  private static void logIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Session session = FlagonFilter.session(request);
    session.put("user_id", 12345);
    session.flash("You are logged in");
    FlaskResponses.redirect(response, "/");
  }

  private static void logOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Session session = FlagonFilter.session(request);
    session.pop("user_id", null);
    session.flash("You are logged out");
    FlaskResponses.redirect(response, "/");
  }

  private void cookie(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String value = cookieValue(request);
    UnsignedCookie decoded = null;
    if (value != null) {
      try {
        decoded = UnsignedCookie.decode(value, TaggedJson.standard()); // Flask's signed format
      } catch (RuntimeException e) {
        // Garbage in the cookie is shown as such; the page itself must still work.
      }
    }
    Set<String> verifiedKeys = FlagonFilter.session(request).keys();
    FlaskResponses.ok(response, DemoPages.cookie(cookieKind, cookieName, value, decoded, verifiedKeys));
  }

  // The first cookie of that name wins, as in Flask.
  private String cookieValue(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (cookie.getName().equals(cookieName)) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }
}
