package dev.flagon.servlet;

import static dev.flagon.servlet.Servlets.DELETE;
import static dev.flagon.servlet.Servlets.LOGIN;
import static dev.flagon.servlet.Servlets.LOGIN_VALUE;
import static dev.flagon.servlet.Servlets.servlet;
import static dev.flagon.servlet.TestServer.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpSession;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Existing servlet code on request.getSession() reads and writes the Flask cookie session. */
class HttpSessionViewIT {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    Map<String, HttpServlet> routes = Map.of(
        "/login", servlet((req, resp) -> req.getSession().setAttribute("user_id", 12345)),
        "/whoami", servlet((req, resp) -> {
          HttpSession session = req.getSession(false);
          resp.getWriter().write(session == null ? "no session"
              : session.getAttribute("user_id") + " " + Collections.list(session.getAttributeNames())
                  + " new=" + session.isNew()
                  + " sameId=" + session.getId().equals(req.getSession().getId()));
        }),
        "/logout", servlet((req, resp) -> {
          HttpSession session = req.getSession();
          session.invalidate();
          boolean invalidated;
          try {
            session.getAttribute("user_id");
            invalidated = false;
          } catch (IllegalStateException expected) {
            invalidated = true;
          }
          resp.getWriter().write("invalidated=" + invalidated + " after=" + req.getSession(false));
        }),
        "/remove", servlet((req, resp) -> {
          req.getSession().setAttribute("theme", "dark");
          req.getSession().removeAttribute("theme");
          req.getSession().setAttribute("other", null);
        }));
    FilterHolder holder = new FilterHolder(new FlagonFilter(Servlets.flagon()));
    holder.setInitParameter(FlagonFilter.HTTP_SESSION_VIEW, "true");
    server = TestServer.start(holder, routes, c -> { });
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void setAttribute_onView_setsFlaskCookie() throws Exception {
    assertThat(setCookies(server.get("/login"))).containsExactly(LOGIN);
  }

  @Test
  void getSessionFalse_withoutCookie_null() throws Exception {
    assertThat(server.get("/whoami").body()).isEqualTo("no session");
  }

  @Test
  void getAttribute_withFlaskCookie_readsSession() throws Exception {
    HttpResponse<String> response = server.get("/whoami", "session=" + LOGIN_VALUE);

    assertThat(response.body()).isEqualTo("12345 [user_id] new=false sameId=true");
    assertThat(setCookies(response)).isEmpty();
  }

  @Test
  void invalidate_withFlaskCookie_deletesCookieAndViewThrows() throws Exception {
    HttpResponse<String> response = server.get("/logout", "session=" + LOGIN_VALUE);

    assertThat(response.body()).isEqualTo("invalidated=true after=null");
    assertThat(setCookies(response)).containsExactly(DELETE);
  }

  @Test
  void removeAttribute_andNullValue_removeKeys() throws Exception {
    HttpResponse<String> response = server.get("/remove", "session=" + LOGIN_VALUE);

    assertThat(setCookies(response)).containsExactly(LOGIN); // put then remove: modified, same data
  }
}
