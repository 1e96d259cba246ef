package dev.flagon.javalin;

import static dev.flagon.javalin.TestServer.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.SessionStoreException;
import dev.flagon.testing.DownStore;
import java.net.http.HttpResponse;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server-side store that is down: every failure of its open or save is a 503, never an empty session
 * and never a save over the user's data.
 */
class StoreFailureIT {
  private static final DownStore STORE = new DownStore(
      Flagon.create(FlagonConfig.builder().secretKey("javalin-store-secret-1").build()));
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.startApp(config -> {
      config.registerPlugin(new FlagonPlugin(STORE));
      config.routes.get("/index", ctx -> ctx.result("user " + FlagonPlugin.session(ctx).get("user_id")));
      config.routes.get("/login", ctx -> {
        FlagonPlugin.session(ctx).put("user_id", 1);
        ctx.result("logged in");
      });
      config.routes.get("/static-page", ctx -> ctx.result("static"));
    });
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void open_storeDownWhereTheCodeReadsTheSession_answers503WithoutCookie() throws Exception {
    try (LogCapture logs = LogCapture.of("dev.flagon.javalin")) {
      int savesBefore = STORE.saves();
      HttpResponse<String> response = server.get("/index", "Cookie", DownStore.COOKIE);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).doesNotContain("user");
      assertThat(setCookies(response)).isEmpty();
      assertThat(STORE.saves()).isEqualTo(savesBefore);
      assertThat(logs.messages(Level.SEVERE)).singleElement().asString().contains("/index").contains("503")
          .doesNotContain("stored-session-id");
    }
  }

  @Test
  void open_storeDownOnRouteNotUsingTheSession_answers503RatherThanAFreshSession() throws Exception {
    HttpResponse<String> response = server.get("/static-page", "Cookie", DownStore.COOKIE);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(setCookies(response)).isEmpty();
  }

  @Test
  void open_appHandlesStoreFailureItself_itsAnswerWins() throws Exception {
    try (TestServer own = TestServer.startApp(config -> {
      config.registerPlugin(new FlagonPlugin(STORE));
      config.routes.get("/index", ctx -> ctx.result("user " + FlagonPlugin.session(ctx).get("user_id")));
      config.routes.exception(SessionStoreException.class, (e, ctx) -> ctx.status(503).result("try later"));
    })) {
      HttpResponse<String> response = own.get("/index", "Cookie", DownStore.COOKIE);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).isEqualTo("try later");
      assertThat(setCookies(response)).isEmpty();
    }
  }

  @Test
  void save_storeDown_answers503() throws Exception {
    HttpResponse<String> response = server.get("/login");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).doesNotContain("logged in");
    assertThat(setCookies(response)).isEmpty();
  }
}
