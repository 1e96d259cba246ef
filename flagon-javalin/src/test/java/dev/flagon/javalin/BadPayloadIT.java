package dev.flagon.javalin;

import static dev.flagon.javalin.TestServer.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.codec.BadPayloadException;
import dev.flagon.testing.RequestClock;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A validly signed cookie whose payload is not a session (vector load_signed_bad_payload), as the servlet
 * filter's BadPayloadIT: a 500 where the code opens the session (Flask's answer), and a served page with a
 * WARNING where it does not, even for a permanent-refreshing configuration that opens an unread cookie.
 */
class BadPayloadIT {
  private static final String COOKIE = "session=!!not-base64-json!!.ZVPxAA.B7kojuMm3Te9hA2ogG5l5iBKglw";
  private static final String SIGNED_AT = "1700000010";
  private static final AtomicReference<Throwable> SEEN = new AtomicReference<>();
  private static TestServer server;

  @BeforeAll
  static void start() {
    Flagon flagon = Flagon.create(FlagonConfig.builder().secretKey("public-vector-secret-key-1")
        .refreshEachRequest(true).clock(new RequestClock()).build());
    server = TestServer.start(flagon, config -> {
      config.routes.get("/index", ctx -> {
        try {
          FlagonPlugin.session(ctx);
        } catch (RuntimeException e) {
          SEEN.set(e);
          throw e;
        }
      });
      config.routes.get("/static-page", ctx -> ctx.result("static"));
    });
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void session_signedCookieWithBadPayload_propagatesAs500() throws Exception {
    try (LogCapture logs = LogCapture.of("dev.flagon.javalin")) {
      HttpResponse<String> response = server.get("/index", "Cookie", COOKIE, RequestClock.HEADER, SIGNED_AT);

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(SEEN.get()).isInstanceOf(BadPayloadException.class);
      assertThat(setCookies(response)).isEmpty();
      assertThat(logs.messages(Level.ALL)).isEmpty(); // the code got the exception; nothing more to say
    }
  }

  @Test
  void routeNotUsingSession_signedCookieWithBadPayload_servedAndLogged() throws Exception {
    try (LogCapture logs = LogCapture.of("dev.flagon.javalin")) {
      HttpResponse<String> response =
          server.get("/static-page", "Cookie", COOKIE, RequestClock.HEADER, SIGNED_AT);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("static");
      assertThat(setCookies(response)).isEmpty();
      assertThat(logs.messages(Level.WARNING)).singleElement().asString()
          .contains("/static-page").contains("unreadable").doesNotContain("not-base64");
    }
  }
}
