package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.redis.testing.Await;
import dev.flagon.redis.testing.RedisServer;
import dev.flagon.redis.testing.Resp;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Sessions through a real Redis Sentinel while it fails over: a master, one replica, a Sentinel (quorum 1,
 * down after 1 s). The master stops or freezes; until the replica is promoted requests are served or refused (503),
 * never given an empty session; afterwards every session is read back and saves land on the new master.
 */
class RedisSentinelFailoverIT {
  private static final Duration LIMIT = Duration.ofSeconds(20);
  private static final int SESSIONS = 20;

  @Test
  void masterStops_replicaPromoted_sessionsSurvive_503sBetween_savesOnTheNewMaster() {
    failOver(RedisServer::stop);
  }

  /** A frozen master closes no connection: the client must learn the new master from the Sentinel anyway. */
  @Test
  void masterFreezes_replicaPromoted_sessionsSurvive_503sBetween_savesOnTheNewMaster() {
    failOver(RedisServer::freeze);
  }

  private static void failOver(Consumer<RedisServer> takeDown) {
    try (RedisServer master = RedisServer.start(); RedisServer replica = RedisServer.startReplica(master);
        RedisServer sentinel = RedisServer.startSentinel(master)) {
      Await.until(LIMIT, "the Sentinel discovering the replica", () -> sentinelKnows(sentinel, replica));
      try (FailoverTraffic traffic = new FailoverTraffic(
          "redis-sentinel://127.0.0.1:" + sentinel.port() + "/0#mymaster", false)) {
        for (int i = 0; i < SESSIONS; i++) {
          traffic.saveNew("user-" + i);
        }
        Await.until(LIMIT, "the replica holding every session",
            () -> Long.valueOf(SESSIONS).equals(replica.command("DBSIZE")));
        takeDown.accept(master);

        int[] visit = {0};
        Await.until(LIMIT, "the Sentinel naming the promoted replica as master", () -> {
          traffic.round(++visit[0]); // requests go on meanwhile: served, or refused while there is no master
          return replica.isMaster() && Integer.toString(replica.port()).equals(Resp.text(
              ((List<?>) sentinel.command("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "mymaster")).get(1)));
        });
        Await.until(LIMIT, "every session served through the Sentinel URL after the promotion",
            () -> traffic.round(++visit[0]));
        assertThat(traffic.refused()).as("requests refused (503) while no master was known").isPositive();

        for (String id : traffic.ids()) { // the old master is stopped: the new one holds the saves
          byte[] stored = (byte[]) replica.command("GET", "session:" + id);
          assertThat(FailoverTraffic.decode(stored)).as("session %s on the new master", id)
              .containsEntry("visit", traffic.lastVisit(id)).containsKey("user");
        }
        String fresh = traffic.saveNew("after-failover");
        assertThat(replica.command("EXISTS", "session:" + fresh)).as("a new session on the new master").isEqualTo(1L);
        assertThat(traffic.request(fresh, 1)).as("the new session read back").isTrue();
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
}
