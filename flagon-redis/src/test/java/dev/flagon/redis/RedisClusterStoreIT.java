package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.SessionStoreException;
import dev.flagon.codec.Secret;
import dev.flagon.redis.testing.RedisCluster;
import dev.flagon.redis.testing.RedisServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store on a real three-master Redis Cluster: a stopped master fails only the sessions in its slots. */
class RedisClusterStoreIT {
  private static RedisCluster cluster;

  @BeforeAll
  static void start() {
    cluster = RedisCluster.start();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void stoppedMaster_failsOnlyTheSessionsInItsSlots() {
    RedisSessionConfig config = RedisSessionConfig.fromMap(Map.of("SESSION_TYPE", "redis",
        "SESSION_REDIS", cluster.url(), "SESSION_REDIS_CLUSTER", "true"));
    SessionIds ids = SessionIds.create(config, Secret.fromText("unused"));
    try (RedisSessionStore store = RedisSessionStore.connect(config)) {
      Map<String, RedisServer> owners = new LinkedHashMap<>();
      while (owners.size() < 60) { // enough ids that every node holds some
        String id = ids.newId();
        store.set(id, id.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 600);
        owners.put(id, cluster.nodeFor("session:" + id));
      }
      assertThat(owners.values()).containsAll(cluster.nodes());
      RedisServer stopped = cluster.nodes().get(1);
      stopped.stop();

      List<String> failed = new ArrayList<>();
      for (Map.Entry<String, RedisServer> entry : owners.entrySet()) {
        String id = entry.getKey();
        if (entry.getValue() == stopped) {
          assertThatThrownBy(() -> store.get(id)).isInstanceOf(SessionStoreException.class);
          failed.add(id);
        } else {
          assertThat(store.get(id)).as("a session on a running node")
              .hasValueSatisfying(v -> assertThat(new String(v, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(id));
        }
      }
      assertThat(failed).isNotEmpty().hasSizeLessThan(owners.size());
    }
  }
}
