package dev.flagon.servlet;

import static dev.flagon.servlet.Servlets.servlet;
import static dev.flagon.servlet.TestServer.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.SessionStoreException;
import dev.flagon.testing.DownStore;
import jakarta.servlet.ServletException;
import java.net.http.HttpResponse;
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
  private static final DownStore STORE = new DownStore(Servlets.flagon());
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
      int savesBefore = STORE.saves();
      HttpResponse<String> response = server.get("/index", DownStore.COOKIE);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).doesNotContain("user");
      assertThat(setCookies(response)).isEmpty();
      assertThat(STORE.saves()).isEqualTo(savesBefore);
      assertThat(logs.await(Level.SEVERE, "/index")).contains("503").doesNotContain("stored-session-id");
    }
  }

  @Test
  void open_storeFailureWrappedByTheFramework_answers503() throws Exception {
    assertThat(server.get("/wrapped", DownStore.COOKIE).statusCode()).isEqualTo(503);
  }

  @Test
  void open_storeDownOnRouteNotUsingTheSession_answers503RatherThanAFreshSession() throws Exception {
    HttpResponse<String> response = server.get("/static-page", DownStore.COOKIE);

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
