package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.redis.testing.Await;
import dev.flagon.redis.testing.RedisCluster;
import dev.flagon.redis.testing.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Sessions on a real Redis Cluster with a replica per master while one master stops or freezes: until its replica
 * is promoted, requests for its slots are refused (503), never given an empty session; afterwards Lettuce's
 * topology refresh has found the new master, and those sessions are read back and saved there.
 */
class RedisClusterFailoverIT {
  private static final Duration LIMIT = Duration.ofSeconds(20);
  private static final int SESSIONS = 30;

  @Test
  void masterStops_replicaPromoted_itsSessionsReadAndWrittenThere() {
    failOver(RedisServer::stop);
  }

  /** A frozen master closes no connection and answers nothing: only the cluster's new topology helps. */
  @Test
  void masterFreezes_replicaPromoted_itsSessionsReadAndWrittenThere() {
    failOver(RedisServer::freeze);
  }

  private static void failOver(Consumer<RedisServer> takeDown) {
    try (RedisCluster cluster = RedisCluster.startWithReplicas()) {
      try (FailoverTraffic traffic = new FailoverTraffic(cluster.url(), true)) {
        for (int i = 0; i < SESSIONS; i++) {
          traffic.saveNew("user-" + i);
        }
        RedisServer master = cluster.nodeFor("session:" + traffic.ids().get(0));
        RedisServer replica = cluster.replicaOf(master);
        List<String> onMaster = traffic.ids().stream().filter(id -> cluster.nodeFor("session:" + id) == master)
            .toList();
        Await.until(LIMIT, "the replica holding its master's sessions",
            () -> master.command("DBSIZE").equals(replica.command("DBSIZE")));
        int[] visit = {0};
        try (LogCapture log = new LogCapture()) {
          takeDown.accept(master);
          Await.until(LIMIT, "the replica's promotion", () -> {
            traffic.round(++visit[0]); // requests go on: served, or refused while its slots have no master
            return replica.isMaster();
          });
          Await.until(LIMIT, "every session served through the cluster client after the promotion",
              () -> traffic.round(++visit[0]));
          // requests for other slots succeed meanwhile: that is no reason to log the outage again each time
          assertThat(log.lines(Level.WARNING)).as("warnings while one master failed over").hasSizeBetween(1, 2);
        }
        assertThat(traffic.refused()).as("requests refused (503) while the stopped master's slots had none")
            .isPositive();

        for (String id : onMaster) { // saved after the promotion: on the promoted replica
          byte[] stored = (byte[]) replica.command("GET", "session:" + id);
          assertThat(FailoverTraffic.decode(stored)).as("session %s on the promoted replica", id)
              .containsEntry("visit", traffic.lastVisit(id)).containsKey("user");
        }
        String fresh = traffic.saveNew("after-failover");
        for (int i = 0; cluster.nodeFor("session:" + fresh) != replica && i < 200; i++) {
          fresh = traffic.saveNew("after-failover-" + i); // until one falls in the failed-over slots
        }
        assertThat(replica.command("EXISTS", "session:" + fresh)).as("a new session in the failed-over slots")
            .isEqualTo(1L);
      }
    }
  }
}
