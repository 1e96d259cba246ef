package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.codec.Secret;
import dev.flagon.redis.testing.RedisServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store through a real Redis Sentinel: Lettuce asks the Sentinel for the master and writes there. */
class RedisSentinelStoreIT {
  @Test
  void sentinelUrl_sessionsStoredOnTheMasterItNames() {
    try (RedisServer master = RedisServer.start(); RedisServer sentinel = RedisServer.startSentinel(master)) {
      RedisSessionConfig config = RedisSessionConfig.fromMap(Map.of("SESSION_TYPE", "redis",
          "SESSION_REDIS", "redis-sentinel://127.0.0.1:" + sentinel.port() + "/0#mymaster"));
      assertThat(config.redisAddress()).isEqualTo("redis-sentinel://127.0.0.1:" + sentinel.port() + "/0#mymaster");
      String id = SessionIds.create(config, Secret.fromText("unused")).newId();
      try (RedisSessionStore store = RedisSessionStore.connect(config)) {
        store.set(id, new byte[] {7}, 60);
        assertThat(store.get(id)).hasValueSatisfying(v -> assertThat(v).containsExactly(7));
      }
      assertThat((byte[]) master.command("GET", "session:" + id)).containsExactly(7);
    }
  }
}
