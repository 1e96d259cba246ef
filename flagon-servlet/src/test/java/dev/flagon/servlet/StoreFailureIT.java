package dev.flagon.servlet;

import static dev.flagon.servlet.Servlets.LOGIN_VALUE;
import static dev.flagon.servlet.Servlets.servlet;
import static dev.flagon.servlet.TestServer.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.CookieUpdate;
import dev.flagon.Flagon;
import dev.flagon.Session;
import dev.flagon.SessionInterface;
import dev.flagon.SessionStoreException;
import jakarta.servlet.ServletException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server-side store that is down: every failure of its open or save is a 503, never an empty session
 * and never a save over the user's data.
 */
class StoreFailureIT {
  /** Fails open when the request's cookie holds user 12345, and save always. */
  static final class DownStore implements SessionInterface {
    private final Flagon flagon = Servlets.flagon();
    volatile int saves;

    @Override
    public String cookieName() {
      return flagon.cookieName();
    }

    @Override
    public Session open(List<String> cookieHeaders) {
      if (String.join(";", cookieHeaders).contains(LOGIN_VALUE)) {
        throw new SessionStoreException("redis://127.0.0.1:1 did not answer within 1000 ms", null);
      }
      return flagon.open(cookieHeaders);
    }

    @Override
    public CookieUpdate save(Session session) {
      saves++;
      throw new SessionStoreException("redis://127.0.0.1:1 refused the write", null);
    }
  }

  private static final DownStore STORE = new DownStore();
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(new FilterHolder(new FlagonFilter(STORE)), Map.of(
        "/index", servlet((req, resp) -> resp.getWriter().write("user " + FlagonFilter.session(req).get("user_id"))),
        "/wrapped", servlet((req, resp) -> {
          try {
            FlagonFilter.session(req);
          } catch (SessionStoreException e) {
            throw new ServletException("Request processing failed", e); // as Spring MVC wraps it
          }
        }),
        "/login", servlet((req, resp) -> {
          FlagonFilter.session(req).put("user_id", 1);
          resp.getWriter().write("never sent");
        }),
        "/static-page", servlet((req, resp) -> resp.getWriter().write("static"))), c -> { });
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void open_storeDownWhereTheCodeReadsTheSession_answers503WithoutCookie() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      int savesBefore = STORE.saves;
      HttpResponse<String> response = server.get("/index", "session=" + LOGIN_VALUE);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).doesNotContain("user");
      assertThat(setCookies(response)).isEmpty();
      assertThat(STORE.saves).isEqualTo(savesBefore);
      assertThat(logs.await(Level.SEVERE, "/index")).contains("503").doesNotContain(LOGIN_VALUE);
    }
  }

  @Test
  void open_storeFailureWrappedByTheFramework_answers503() throws Exception {
    assertThat(server.get("/wrapped", "session=" + LOGIN_VALUE).statusCode()).isEqualTo(503);
  }

  @Test
  void open_storeDownOnRouteNotUsingTheSession_answers503RatherThanAFreshSession() throws Exception {
    HttpResponse<String> response = server.get("/static-page", "session=" + LOGIN_VALUE);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(setCookies(response)).isEmpty();
  }

  @Test
  void save_storeDown_answers503AndSendsNoBody() throws Exception {
    HttpResponse<String> response = server.get("/login");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).doesNotContain("never sent");
    assertThat(setCookies(response)).isEmpty();
  }
}
