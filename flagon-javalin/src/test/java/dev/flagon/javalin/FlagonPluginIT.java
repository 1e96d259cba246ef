package dev.flagon.javalin;

import static dev.flagon.javalin.TestServer.cookiePair;
import static dev.flagon.javalin.TestServer.setCookies;
import static dev.flagon.javalin.TestServer.vary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.testing.RequestClock;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.plugin.PluginAlreadyRegisteredException;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** How the plugin fits Javalin's request lifecycle, on a real server. */
class FlagonPluginIT {
  private static final String KEY = "javalin-plugin-secret";
  private static final String NOW = "1700000000";
  /** The session Flask writes for {@code user_id = 12345}. */
  private static final String USER_JSON = "{\"user_id\":12345}";

  private static Flagon flagon(boolean refreshEachRequest) {
    return Flagon.create(FlagonConfig.builder()
        .secretKey(KEY)
        .refreshEachRequest(refreshEachRequest)
        .clock(new RequestClock())
        .build());
  }

  private static TestServer server(Consumer<JavalinConfig> routes) {
    return TestServer.start(flagon(true), config -> {
      FlaskRoutes.addTo(config);
      routes.accept(config);
    });
  }

  /** A session cookie holding this JSON text, signed with {@link #KEY} at {@link #NOW}. */
  private static String signed(String json) {
    return "session=" + UrlSafeTimedSerializer.create(KeyRing.of(Secret.fromText(KEY)), Signing.flask())
        .dumps(json, Long.parseLong(NOW));
  }

  private static String loginCookie(TestServer server) throws Exception {
    return cookiePair(setCookies(server.get("/login", RequestClock.HEADER, NOW)).get(0));
  }

  @Test
  void handler_throwingAfterWritingSession_savesItOnThe500() throws Exception {
    try (TestServer server = server(config -> config.routes.get("/boom", ctx -> {
      FlagonPlugin.session(ctx).put("user_id", 12345);
      throw new IllegalStateException("boom");
    }))) {
      HttpResponse<String> response = server.get("/boom", RequestClock.HEADER, NOW);

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(setCookies(response)).containsExactly(signed(USER_JSON) + "; HttpOnly; Path=/");
      assertThat(vary(response)).containsExactly("Cookie");
    }
  }

  @Test
  void login_sameKeyAndTimeAsFlask_setsFlasksCookie() throws Exception {
    // The key of the public vectors, so the cookie must be the one Flask wrote.
    Flagon flagon = Flagon.create(FlagonConfig.builder().secretKey("http-public-secret")
        .clock(new RequestClock()).build());
    try (TestServer server = TestServer.start(flagon, FlaskRoutes::addTo)) {
      assertThat(setCookies(server.get("/login", RequestClock.HEADER, NOW))).containsExactly(
          "session=eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A; HttpOnly; Path=/");
    }
  }

  @Test
  void unmatchedPath_withPermanentSession_refreshesCookieOnThe404() throws Exception {
    try (TestServer server = server(config -> {})) {
      String cookie = cookiePair(setCookies(server.get("/login-permanent", RequestClock.HEADER, NOW)).get(0));

      HttpResponse<String> response =
          server.get("/no-such-page", RequestClock.HEADER, "1700000600", "Cookie", cookie);

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(setCookies(response)).singleElement().asString()
          .startsWith("session=").contains("; Expires=Fri, 15 Dec 2023 22:23:20 GMT; HttpOnly; Path=/");
      assertThat(vary(response)).containsExactly("Cookie");
    }
  }

  @Test
  void untouchedRoute_withPermanentSessionAndRefreshOff_sendsNothing() throws Exception {
    try (TestServer server = TestServer.start(flagon(false), FlaskRoutes::addTo)) {
      String cookie = cookiePair(setCookies(server.get("/login-permanent", RequestClock.HEADER, NOW)).get(0));

      HttpResponse<String> response = server.get("/static-page", RequestClock.HEADER, NOW, "Cookie", cookie);

      assertThat(setCookies(response)).isEmpty();
      assertThat(vary(response)).isEmpty();
    }
  }

  @Test
  void untouchedRoute_withOtherCookiesOnly_sendsNoSessionHeaders() throws Exception {
    try (TestServer server = server(config -> {})) {
      HttpResponse<String> response = server.get("/static-page", "Cookie", "theme=dark");

      assertThat(response.body()).isEqualTo("static");
      assertThat(setCookies(response)).isEmpty();
      assertThat(vary(response)).isEmpty();
    }
  }

  @Test
  void cookieHeaders_sessionInTheSecond_areAllRead() throws Exception {
    try (TestServer server = server(config -> {})) {
      String cookie = loginCookie(server);

      HttpResponse<String> response =
          server.get("/", RequestClock.HEADER, NOW, "Cookie", "theme=dark", "Cookie", cookie);

      assertThat(response.body()).isEqualTo("Logged in as user 12345");
    }
  }

  @Test
  void cookieHeaders_sessionTwice_firstWinsAsInFlask() throws Exception {
    try (TestServer server = server(config -> {})) {
      String good = loginCookie(server);
      String stale = "session=eyJ1c2VyX2lkIjoxfQ.ZVPxAA.AAAAAAAAAAAAAAAAAAAAAAAAAAA";

      assertThat(server.get("/", RequestClock.HEADER, NOW, "Cookie", good, "Cookie", stale).body())
          .isEqualTo("Logged in as user 12345");
      assertThat(server.get("/", RequestClock.HEADER, NOW, "Cookie", stale, "Cookie", good).body())
          .isEqualTo("Not logged in");
    }
  }

  @Test
  void existingVary_whenSessionAccessed_becomesOneSetWithCookie() throws Exception {
    try (TestServer server = server(config -> {
      config.routes.get("/vary", ctx -> {
        ctx.header("Vary", "Accept-Encoding");
        ctx.result(String.valueOf(FlagonPlugin.session(ctx).size()));
      });
      config.routes.get("/vary-cookie", ctx -> {
        ctx.header("Vary", "Origin, cookie");
        ctx.result(String.valueOf(FlagonPlugin.session(ctx).size()));
      });
    })) {
      assertThat(server.get("/vary").headers().allValues("Vary")).containsExactly("Accept-Encoding, Cookie");
      assertThat(server.get("/vary-cookie").headers().allValues("Vary")).containsExactly("Origin, cookie");
    }
  }

  @Test
  void committedResponse_thenSessionChanged_warnsWithPathAndSendsNoCookie() throws Exception {
    try (LogCapture logs = LogCapture.of("dev.flagon.javalin");
        TestServer server = server(config -> config.routes.get("/early-commit", ctx -> {
          ctx.outputStream().write(new byte[256 * 1024]); // past the response buffer: headers are sent
          FlagonPlugin.session(ctx).put("user_id", 12345);
        }))) {
      HttpResponse<String> response = server.get("/early-commit");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(setCookies(response)).isEmpty();
      assertThat(logs.messages(Level.WARNING)).singleElement().asString()
          .contains("/early-commit").contains("committed").doesNotContain("eyJ");
    }
  }

  @Test
  void committedResponse_sessionOnlyRead_doesNotWarn() throws Exception {
    try (LogCapture logs = LogCapture.of("dev.flagon.javalin");
        TestServer server = server(config -> config.routes.get("/early-read", ctx -> {
          ctx.outputStream().write(new byte[256 * 1024]);
          FlagonPlugin.session(ctx).contains("user_id");
        }))) {
      assertThat(server.get("/early-read").statusCode()).isEqualTo(200);
      assertThat(logs.messages(Level.WARNING)).isEmpty();
    }
  }

  @Test
  void streamedResult_whenSessionWritten_stillGetsCookie() throws Exception {
    byte[] body = new byte[256 * 1024];
    try (TestServer server = server(config -> config.routes.get("/stream", ctx -> {
      FlagonPlugin.session(ctx).put("user_id", 12345);
      ctx.result(new ByteArrayInputStream(body)); // written by Javalin after the after-handlers
    }))) {
      HttpResponse<String> response = server.get("/stream", RequestClock.HEADER, NOW);

      assertThat(response.body()).hasSize(body.length);
      assertThat(setCookies(response)).singleElement().asString()
          .startsWith("session=eyJ1c2VyX2lkIjoxMjM0NX0.");
    }
  }

  @Test
  void futureResult_whenSessionWrittenOnAnotherThread_getsCookie() throws Exception {
    try (TestServer server = server(config -> config.routes.get("/async", ctx -> {
      Session session = FlagonPlugin.session(ctx);
      ctx.future(() -> CompletableFuture.runAsync(() -> {
        session.put("user_id", 12345);
        ctx.result("done");
      }));
    }))) {
      HttpResponse<String> response = server.get("/async");

      assertThat(response.body()).isEqualTo("done");
      assertThat(setCookies(response)).singleElement().asString()
          .startsWith("session=eyJ1c2VyX2lkIjoxMjM0NX0.");
      assertThat(vary(response)).containsExactly("Cookie");
    }
  }

  @Test
  void appAfterHandler_writingSession_isSavedToo() throws Exception {
    try (TestServer server = server(config -> config.routes.after("/static-page",
        ctx -> FlagonPlugin.session(ctx).put("user_id", 12345)))) {
      HttpResponse<String> response = server.get("/static-page", RequestClock.HEADER, NOW);

      assertThat(setCookies(response)).containsExactly(signed(USER_JSON) + "; HttpOnly; Path=/");
    }
  }

  @Test
  void beforeSaveHook_registeredByAnExtensionsBeforeHandler_changesSessionAndAddsItsCookie() throws Exception {
    try (TestServer server = server(config -> {
      config.routes.before(ctx -> FlagonPlugin.lifecycle(ctx).beforeSave(request -> {
        request.session().put("user_id", 12345);
        request.addSetCookieHeader("remember_token=12345|abc; Path=/");
      }));
      config.routes.get("/plain", ctx -> ctx.result("plain"));
    })) {
      HttpResponse<String> response = server.get("/plain", RequestClock.HEADER, NOW);

      assertThat(setCookies(response))
          .containsExactly("remember_token=12345|abc; Path=/", signed(USER_JSON) + "; HttpOnly; Path=/");
      assertThat(vary(response)).containsExactly("Cookie");
    }
  }

  @Test
  void accessors_withAndStatic_giveTheSameSession() throws Exception {
    try (TestServer server = server(config -> config.routes.get("/same", ctx ->
        ctx.result(String.valueOf(ctx.with(FlagonPlugin.class) == FlagonPlugin.session(ctx)))))) {
      assertThat(server.get("/same").body()).isEqualTo("true");
    }
  }

  @Test
  void signedCookie_whosePayloadIsNotASession_answers500AsFlask() throws Exception {
    try (TestServer server = server(config -> {})) {
      String notASession = signed("42");

      assertThat(server.get("/", RequestClock.HEADER, NOW, "Cookie", notASession).statusCode())
          .isEqualTo(500);
      // Flask opens the session before routing, so a route that never touches it fails too; Flagon serves
      // it and logs, as the servlet filter does (BadPayloadIT).
      assertThat(server.get("/static-page", RequestClock.HEADER, NOW, "Cookie", notASession).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void oversizedCookie_defaultErrorPolicy_answers500WithoutCookie() throws Exception {
    try (TestServer server = server(config -> {})) {
      byte[] noise = new byte[4000];
      new Random(42).nextBytes(noise); // incompressible: Flask's zlib step would shrink a repeated text
      String blob = Base64.getUrlEncoder().withoutPadding().encodeToString(noise);

      HttpResponse<String> response = server.get("/put?key=blob&value=" + blob);

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).doesNotContain("ok");
      assertThat(setCookies(response)).isEmpty();
    }
  }

  @Test
  void plugin_registeredTwice_isRefused() {
    Flagon flagon = flagon(true);

    assertThatThrownBy(() -> Javalin.create(config -> {
      config.registerPlugin(new FlagonPlugin(flagon));
      config.registerPlugin(new FlagonPlugin(flagon));
    })).isInstanceOf(PluginAlreadyRegisteredException.class);
  }

  @Test
  void plugin_notRegistered_accessorFailsWithJavalinsError() throws Exception {
    try (TestServer server = TestServer.startApp(config -> {
      config.routes.get("/", ctx -> ctx.result(String.valueOf(FlagonPlugin.session(ctx).size())));
      config.routes.exception(Exception.class,
          (e, ctx) -> ctx.status(500).result(e.getClass().getSimpleName()));
    })) {
      assertThat(server.get("/").body()).isEqualTo("PluginNotRegisteredException");
    }
  }

  @Test
  void constructor_nullSessions_isRefused() {
    assertThatThrownBy(() -> new FlagonPlugin(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("sessions");
  }
}
