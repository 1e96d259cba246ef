package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.SessionStoreException;
import dev.flagon.redis.testing.RedisServer;
import dev.flagon.redis.testing.Resp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Revocation on a real Redis, with "servers" that are separate instances on clocks moved by hand. */
class RedisRevocationsIT {
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  private static final Duration LIFETIME = Duration.ofDays(31);

  private RedisServer redis;
  private final List<RedisRevocations> servers = new ArrayList<>();

  @BeforeEach
  void start() {
    redis = RedisServer.start();
  }

  @AfterEach
  void stop() {
    servers.forEach(RedisRevocations::close);
    redis.close();
  }

  private RedisRevocations server(MutableClock clock, Object... settings) {
    Map<String, Object> map = new HashMap<>(Map.of("SESSION_REDIS", redis.url(), "SESSION_REVOCATION", true));
    for (int i = 0; i < settings.length; i += 2) {
      map.put((String) settings[i], settings[i + 1]);
    }
    RedisRevocations server = RedisRevocations.connect(RedisSessionConfig.fromMap(map), LIFETIME, clock);
    servers.add(server);
    return server;
  }

  private static Map<String, Object> session(Object user) {
    return Map.of("_user_id", user, "other", "x");
  }

  @Test
  void revokeOnOneServer_anotherWithoutPushes_seesItOnceItsAnswerIsStale() {
    MutableClock clockA = new MutableClock(T0);
    MutableClock clockB = new MutableClock(T0);
    RedisRevocations a = server(clockA);
    RedisRevocations b = server(clockB, "SESSION_REVOCATION_PUBSUB", false);
    Instant signedBefore = T0.minusSeconds(60);
    assertThat(b.isValid(session("42"), signedBefore)).isTrue(); // cached: not revoked

    a.revokeAll("42");
    assertThat(a.isValid(session("42"), signedBefore)).isFalse(); // the revoking server at once
    clockB.advance(Duration.ofMillis(4_999));
    assertThat(b.isValid(session("42"), signedBefore)).as("within the 5 s staleness bound").isTrue();
    clockB.advance(Duration.ofMillis(1));
    assertThat(b.isValid(session("42"), signedBefore)).as("at the bound").isFalse();
    assertThat(b.isValid(session("42"), T0.plusSeconds(1))).as("a login after the revocation").isTrue();
    assertThat(b.isValid(session("43"), signedBefore)).as("another user").isTrue();
  }

  @Test
  void revokeOnOneServer_anotherWithPushes_seesItWithoutWaitingForStaleness() throws InterruptedException {
    RedisRevocations a = server(new MutableClock(T0));
    RedisRevocations b = server(new MutableClock(T0));
    CountDownLatch pushed = new CountDownLatch(1);
    b.onPush(user -> pushed.countDown());
    assertThat(b.isValid(session("42"), T0.minusSeconds(60))).isTrue();

    a.revokeAll("42");
    assertThat(pushed.await(10, TimeUnit.SECONDS)).as("the push arrived").isTrue();
    assertThat(b.isValid(session("42"), T0.minusSeconds(60))).isFalse(); // the clock never moved
  }

  @Test
  void revokeAllBefore_roundedUpToTheSecond_neverLowered_keptForTheLifetime() {
    MutableClock clock = new MutableClock(T0);
    RedisRevocations server = server(clock);
    server.revokeAllBefore("u", T0.plusMillis(500));
    assertThat(server.isValid(session("u"), T0)).as("signed in the same second").isFalse();
    assertThat(server.isValid(session("u"), T0.plusSeconds(1))).isTrue();
    server.revokeAllBefore("u", T0.minusSeconds(100));
    clock.advance(Duration.ofSeconds(10)); // read again from Redis
    assertThat(server.isValid(session("u"), T0)).as("an earlier revocation does not undo a later one").isFalse();
    assertThat(Resp.text(redis.command("GET", "flagon:revoked:u"))).isEqualTo(Long.toString(T0.getEpochSecond() + 1));
    assertThat((Long) redis.command("TTL", "flagon:revoked:u")).isBetween(LIFETIME.toSeconds() - 5, LIFETIME.toSeconds() + 1);
  }

  @Test
  void userValue_integerAsItsText_noUserValid_otherTypeRefused() {
    RedisRevocations server = server(new MutableClock(T0), "SESSION_REVOCATION_USER_KEY", "user_id");
    server.revokeAll("12345");
    assertThat(server.isValid(Map.of("user_id", 12345), T0.minusSeconds(1))).isFalse();
    assertThat(server.isValid(Map.of("user_id", 12345L), T0.minusSeconds(1))).isFalse();
    assertThat(server.isValid(Map.of("user_id", "12346"), T0.minusSeconds(1))).isTrue();
    assertThat(server.isValid(Map.of("cart", List.of()), T0.minusSeconds(1))).isTrue();
    assertThat(server.isValid(Map.of("user_id", List.of("12345")), T0.minusSeconds(1))).isFalse();
  }

  @Test
  void redisDown_failClosed_typedErrorOnceTheAnswerIsStale() {
    MutableClock clock = new MutableClock(T0);
    RedisRevocations server = server(clock);
    assertThat(server.isValid(session("42"), T0)).isTrue();
    redis.stop();
    assertThat(server.isValid(session("42"), T0)).as("a warm cache needs no Redis").isTrue();
    assertThat(server.isValid(Map.of("cart", 1), T0)).as("no user, no Redis").isTrue();
    clock.advance(Duration.ofSeconds(5));
    assertThatThrownBy(() -> server.isValid(session("42"), T0)).isInstanceOf(SessionStoreException.class)
        .hasMessageContaining(redis.url().replace("/0", ""));
    assertThatThrownBy(() -> server.isValid(session("7"), T0)).isInstanceOf(SessionStoreException.class);
  }

  @Test
  void redisDown_failOpen_lastAnswerOrAccepted() {
    MutableClock clock = new MutableClock(T0);
    RedisRevocations server = server(clock, "SESSION_REVOCATION_FAIL", "open");
    server.revokeAll("42");
    redis.stop();
    clock.advance(Duration.ofMinutes(10));
    assertThat(server.isValid(session("42"), T0.minusSeconds(1))).as("the revocation it saw still holds").isFalse();
    assertThat(server.isValid(session("7"), T0.minusSeconds(1))).as("never seen: accepted").isTrue();
  }

  @Test
  void manyUsers_cacheStaysWithinItsSize() {
    RedisRevocations server = server(new MutableClock(T0), "SESSION_REVOCATION_CACHE_SIZE", 100);
    for (int i = 0; i < 1000; i++) {
      assertThat(server.isValid(session("user-" + i), T0)).isTrue();
      assertThat(server.cachedUsers()).isLessThanOrEqualTo(100);
    }
  }

}
