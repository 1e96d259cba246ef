package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.redis.testing.Await;
import dev.flagon.redis.testing.RedisServer;
import dev.flagon.redis.testing.Resp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sessions through a real Redis Sentinel while it fails over: a master, one replica, a Sentinel (quorum 1,
 * down after 1 s). The master stops; until the replica is promoted requests are served or refused (503),
 * never given an empty session; afterwards every session is read back and saves land on the new master.
 */
class RedisSentinelFailoverIT {
  private static final Duration LIMIT = Duration.ofSeconds(20);
  private static final int SESSIONS = 20;

  @Test
  void masterStops_replicaPromoted_sessionsSurvive_503sBetween_savesOnTheNewMaster() {
    try (RedisServer master = RedisServer.start(); RedisServer replica = RedisServer.startReplica(master);
        RedisServer sentinel = RedisServer.startSentinel(master)) {
      Await.until(LIMIT, "the Sentinel discovering the replica", () -> sentinelKnows(sentinel, replica));
      FailoverTraffic traffic = new FailoverTraffic(
          "redis-sentinel://127.0.0.1:" + sentinel.port() + "/0#mymaster", false);
      try {
        for (int i = 0; i < SESSIONS; i++) {
          traffic.saveNew("user-" + i);
        }
        Await.until(LIMIT, "the replica holding every session",
            () -> Long.valueOf(SESSIONS).equals(replica.command("DBSIZE")));
        master.stop();

        int[] visit = {0};
        Await.until(LIMIT, "the replica's promotion, then every session served through the Sentinel URL",
            () -> traffic.round(++visit[0]) && isMaster(replica));
        assertThat(traffic.refused()).as("requests refused (503) while no master was known").isPositive();
        assertThat(Resp.text(((List<?>) sentinel.command("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "mymaster")).get(1)))
            .as("the master the Sentinel names").isEqualTo(Integer.toString(replica.port()));

        for (String id : traffic.ids()) { // the old master is stopped: the new one holds the saves
          byte[] stored = (byte[]) replica.command("GET", "session:" + id);
          assertThat(FailoverTraffic.decode(stored)).as("session %s on the new master", id)
              .containsEntry("visit", traffic.lastVisit(id)).containsKey("user");
        }
        String fresh = traffic.saveNew("after-failover");
        assertThat(replica.command("EXISTS", "session:" + fresh)).as("a new session on the new master").isEqualTo(1L);
        assertThat(traffic.request(fresh, 1)).as("the new session read back").isTrue();
      } finally {
        traffic.close();
      }
    }
  }

  private static boolean sentinelKnows(RedisServer sentinel, RedisServer replica) {
    for (Object entry : (List<?>) sentinel.command("SENTINEL", "REPLICAS", "mymaster")) {
      List<String> fields = ((List<?>) entry).stream().map(Resp::text).toList();
      int flags = fields.indexOf("flags");
      if (fields.contains("127.0.0.1:" + replica.port()) && !fields.get(flags + 1).contains("disconnected")) {
        return true;
      }
    }
    return false;
  }

  static boolean isMaster(RedisServer server) {
    return "master".equals(Resp.text(((List<?>) server.command("ROLE")).get(0)));
  }
}
