package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.redis.testing.RedisServer;
import dev.flagon.testing.OneConnection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code scripts/demo --redis URL}: the demo's sessions live in Redis, the cookie carries only an id. */
class DemoRedisIT {
  @Test
  void demo_redisArgument_keepsTheSessionInRedis() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      AtomicReference<String> loggedIn = new AtomicReference<>();
      AtomicReference<String> cookie = new AtomicReference<>();
      AtomicReference<String> cookiePage = new AtomicReference<>();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = DemoApp.run(new String[] {"--port", "0", "--redis", redis.url()},
          Map.of("FLAGON_SECRET_KEY", "demo-redis-secret-key-0123456789", "FLAGON_SESSION_COOKIE_SECURE", "false"),
          new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), server -> {
            try (server) {
              HttpResponse<String> login = TestHttp.postForm(server.baseUrl() + "/login", "remember=on", null);
              cookie.set(TestHttp.cookiePair(TestHttp.onlySetCookie(login)));
              loggedIn.set(TestHttp.get(server.baseUrl() + "/", cookie.get()).body());
              cookiePage.set(TestHttp.get(server.baseUrl() + "/cookie", cookie.get()).body());
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(loggedIn.get()).contains("12345");
      String id = cookie.get().substring("session=".length());
      assertThat(id).matches("[A-Za-z0-9_-]{43}");
      assertThat((Long) redis.command("EXISTS", "session:" + id)).isEqualTo(1L);
      // The cookie page tells what this cookie is: an id, not data anyone can read, and no signature.
      assertThat(cookiePage.get()).contains("only a random session id", "The server reads the keys _permanent, user_id")
          .doesNotContain("signed, not encrypted", "signature");
    }
  }

  /** A session id differing from the one before it on a keep-alive connection is never read as that one. */
  @Test
  void demo_redisSessionIdsOnOneConnection_eachAnsweredFromItsOwnCookie() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      int status = DemoApp.run(new String[] {"--port", "0", "--redis", redis.url()},
          Map.of("FLAGON_SECRET_KEY", "demo-redis-secret-key-0123456789"), new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(new ByteArrayOutputStream()), server -> {
            try (server) {
              OneConnection.assertNoCrossTalk(server.baseUrl(), "session");
            }
          });
      assertThat(status).isZero();
    }
  }
}
