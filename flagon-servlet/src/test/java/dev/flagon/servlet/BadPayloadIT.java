package dev.flagon.servlet;

import static dev.flagon.servlet.Servlets.servlet;
import static dev.flagon.servlet.TestServer.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.codec.BadPayloadException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A validly signed cookie whose payload is not a session (vector load_signed_bad_payload): Flask answers
 * 500, so the exception reaches the code that opens the session.
 */
class BadPayloadIT {
  private static final String COOKIE = "session=!!not-base64-json!!.ZVPxAA.B7kojuMm3Te9hA2ogG5l5iBKglw";
  private static final AtomicReference<Throwable> SEEN = new AtomicReference<>();
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    Flagon flagon = Flagon.create(FlagonConfig.builder().secretKey("public-vector-secret-key-1")
        .clock(new MutableClock(Instant.ofEpochSecond(1_700_000_010L))).build());
    server = TestServer.start(new FilterHolder(new FlagonFilter(flagon)), Map.of(
        "/index", servlet((req, resp) -> {
          try {
            FlagonFilter.session(req);
          } catch (RuntimeException e) {
            SEEN.set(e);
            throw e;
          }
        }),
        "/static-page", servlet((req, resp) -> resp.getWriter().write("static"))), c -> { });
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void session_signedCookieWithBadPayload_propagatesAs500() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      HttpResponse<String> response = server.get("/index", COOKIE);

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(SEEN.get()).isInstanceOf(BadPayloadException.class);
      assertThat(setCookies(response)).isEmpty();
      assertThat(logs.messages(Level.ALL)).isEmpty(); // the code got the exception; nothing more to say
    }
  }

  @Test
  void routeNotUsingSession_signedCookieWithBadPayload_servedAndLogged() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      HttpResponse<String> response = server.get("/static-page", COOKIE);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("static");
      assertThat(setCookies(response)).isEmpty();
      assertThat(logs.await(Level.WARNING, "/static-page")).doesNotContain("not-base64");
    }
  }
}
