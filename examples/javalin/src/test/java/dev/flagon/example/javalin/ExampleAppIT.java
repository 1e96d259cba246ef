package dev.flagon.example.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example over real HTTP, with the key and instant of Flask's {@code http_login_index_logout} flow: the
 * cookies must be the ones Flask wrote.
 */
class ExampleAppIT {
  private static final String FLASK_LOGIN_COOKIE =
      "session=eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private static Javalin app;

  @BeforeAll
  static void startExample() {
    FlagonConfig config = FlagonConfig.builder()
        .secretKey("http-public-secret")
        .clock(Clock.fixed(Instant.ofEpochSecond(1700000000), ZoneOffset.UTC))
        .build();
    app = ExampleApp.create(Flagon.create(config)).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stopExample() {
    app.stop();
  }

  @Test
  void index_noCookie_notLoggedIn() throws Exception {
    HttpResponse<String> response = get("/", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("Not logged in");
    assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(response.headers().allValues("Vary")).containsExactly("Cookie");
  }

  @Test
  void login_thenIndex_thenLogout_asInFlask() throws Exception {
    HttpResponse<String> login = get("/login", null);
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).contains("/");
    assertThat(login.headers().allValues("Set-Cookie"))
        .containsExactly(FLASK_LOGIN_COOKIE + "; HttpOnly; Path=/");

    HttpResponse<String> index = get("/", FLASK_LOGIN_COOKIE);
    assertThat(index.body()).isEqualTo("Logged in as user 12345");
    assertThat(index.headers().allValues("Set-Cookie")).isEmpty();

    HttpResponse<String> logout = get("/logout", FLASK_LOGIN_COOKIE);
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(logout.headers().allValues("Set-Cookie"))
        .containsExactly("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/");
    assertThat(logout.headers().allValues("Vary")).containsExactly("Cookie");
  }

  @Test
  void logout_withoutSession_sendsNoCookie() throws Exception {
    HttpResponse<String> response = get("/logout", null);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
  }

  private static HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
