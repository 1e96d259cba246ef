package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.SessionStoreException;
import dev.flagon.codec.Secret;
import dev.flagon.redis.testing.RedisServer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store on a real redis-server: round trips, TTLs, and failure that is explicit and bounded. */
class RedisSessionStoreIT {
  private RedisServer redis;
  private RedisSessionStore store;
  private SessionIds ids;

  @BeforeEach
  void start() {
    redis = RedisServer.start();
    RedisSessionConfig config = RedisSessionConfig.fromMap(Map.of("SESSION_TYPE", "redis", "SESSION_REDIS", redis.url()));
    store = RedisSessionStore.connect(config);
    ids = SessionIds.create(config, Secret.fromText("unused"));
  }

  @AfterEach
  void stop() {
    store.close();
    redis.close();
  }

  @Test
  void set_thenGet_sameBytesUnderThePrefixedKeyWithTheTtl() {
    String id = ids.newId();
    byte[] value = MsgSpecSerializer.of(SerializationFormat.MSGPACK).encode(Map.of("user_id", 12345));
    store.set(id, value, 2_678_400);
    assertThat(store.get(id)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
    assertThat((byte[]) redis.command("GET", "session:" + id)).isEqualTo(value); // read independently
    assertThat((Long) redis.command("TTL", "session:" + id)).isBetween(2_678_390L, 2_678_400L);
    store.delete(id);
    assertThat(store.get(id)).isEmpty();
    assertThat(redis.command("EXISTS", "session:" + id)).isEqualTo(0L);
  }

  @Test
  void get_unknownId_empty() {
    assertThat(store.get(ids.newId())).isEmpty();
  }

  @Test
  void get_invalidId_refusedBeforeReachingRedis() {
    for (String id : new String[] {"", "a b", "*", "x".repeat(SessionIds.MAX_ID_CHARS + 1), "é", "a\nb", "a.b"}) {
      assertThatThrownBy(() -> store.get(id)).as(id).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.set(ids.newId(), new byte[1], 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void redisStopped_typedErrorNamingTheAddressNeverTheId_oneWarning() {
    String id = ids.newId();
    store.set(id, new byte[] {(byte) 0x80}, 60);
    redis.stop();
    try (LogCapture log = new LogCapture()) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> store.get(id)).isInstanceOf(SessionStoreException.class)
            .hasMessageContaining("Redis at redis://127.0.0.1:" + redis.port() + "/0").hasMessageContaining("GET")
            .hasMessageNotContaining(id);
      }
      assertThatThrownBy(() -> store.set(id, new byte[1], 60)).isInstanceOf(SessionStoreException.class);
      assertThat(log.lines(Level.WARNING)).hasSize(1);
      assertThat(log.lines()).allSatisfy(line -> assertThat(line).doesNotContain(id));
    }
  }

  @Test
  void redisDownAtFirstUse_typedError() {
    redis.stop();
    assertThatThrownBy(() -> store.get(ids.newId())).isInstanceOf(SessionStoreException.class)
        .hasMessageContaining("cannot connect");
  }

  @Test
  void redisRestarted_everySessionIntact() {
    String first = ids.newId();
    String second = ids.newId();
    store.set(first, new byte[] {1, 2, 3}, 600);
    store.set(second, new byte[] {4}, 600);
    redis.restart();
    // Lettuce reconnects in the background (at most a second apart); a fresh store does not wait for it
    try (RedisSessionStore fresh = RedisSessionStore.connect(RedisSessionConfig.fromMap(
        Map.of("SESSION_TYPE", "redis", "SESSION_REDIS", redis.url())))) {
      assertThat(fresh.get(first)).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
      assertThat(fresh.get(second)).hasValueSatisfying(v -> assertThat(v).containsExactly(4));
    }
    assertThat(awaitAnswer(first)).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
  }

  @Test
  void redisSlow_typedErrorAfterTheTimeout_notWhenRedisWakes() {
    String id = ids.newId();
    store.set(id, new byte[] {1}, 60);
    var sleeping = redis.debugSleep(3); // returns once Redis is asleep
    long start = System.nanoTime();
    assertThatThrownBy(() -> store.get(id)).isInstanceOf(SessionStoreException.class)
        .hasMessageContaining("GET failed");
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    // the timeout is 1 s and Redis sleeps 3 s: a margin of 1 s for a loaded machine, still far from the sleep
    assertThat(elapsed).isLessThan(Duration.ofSeconds(2));
    sleeping.join();
    assertThat(store.get(id)).isPresent(); // and the connection is usable again
  }

  /** Asks until the store's own connection is back (Lettuce reconnects by itself), for at most 10 s. */
  private Optional<byte[]> awaitAnswer(String id) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return store.get(id);
      } catch (SessionStoreException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // an external event
      }
    }
  }
}
