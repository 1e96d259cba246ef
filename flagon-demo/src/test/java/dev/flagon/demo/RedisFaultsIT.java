package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.redis.testing.RedisCluster;
import dev.flagon.redis.testing.RedisServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults at the HTTP level, through the conformance server on SESSION_TYPE=redis: a stopped Redis gives 503s
 * and never an empty session, and every session is there again after a restart; a sleeping Redis gives a
 * 503 after the command timeout, not a hang; in a three-master cluster a stopped node fails only the
 * sessions in its slots.
 */
class RedisFaultsIT {
  @Test
  void redisStoppedMidFlow_503s_thenEverySessionIntactAfterARestart(@TempDir Path dir) throws Exception {
    try (RedisPair pair = RedisPair.start(Map.of(), false, dir)) {
      List<String> users = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String cookie = TestHttp.cookiePair(TestHttp.onlySetCookie(TestHttp.get(pair.flagonUrl() + "/login", null)));
        TestHttp.get(pair.flagonUrl() + "/put?key=n&value=" + i, cookie);
        users.add(cookie);
      }
      pair.redis.stop();
      for (String path : List.of("/", "/login", "/put?key=n&value=lost", "/clear", "/peek")) {
        HttpResponse<String> response = TestHttp.get(pair.flagonUrl() + path, users.get(0));
        assertThat(response.statusCode()).as(path).isEqualTo(503);
        assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
      }
      pair.redis.restart();
      awaitOk(pair.flagonUrl() + "/", users.get(0));
      for (int i = 0; i < users.size(); i++) {
        assertThat(TestHttp.get(pair.flagonUrl() + "/", users.get(i)).body()).isEqualTo("Logged in as user 12345");
        assertThat(dumpOf(pair.flagonUrl(), users.get(i))).contains("[\"n\",\"" + i + "\"]");
      }
    }
  }

  @Test
  void redisAsleep_503AfterTheCommandTimeout_notAHang(@TempDir Path dir) throws Exception {
    try (RedisPair pair = RedisPair.start(Map.of("SESSION_REDIS_TIMEOUT", "500ms"), false, dir)) {
      String cookie = TestHttp.cookiePair(TestHttp.onlySetCookie(TestHttp.get(pair.flagonUrl() + "/login", null)));
      var awake = pair.redis.debugSleep(3);
      long start = System.nanoTime();
      HttpResponse<String> response = TestHttp.get(pair.flagonUrl() + "/", cookie);
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertThat(response.statusCode()).isEqualTo(503);
      // the timeout is 500 ms and Redis sleeps 3 s: a generous margin over timeout + 100 ms, far from the sleep
      assertThat(millis).as("measured %d ms", millis).isBetween(450L, 1500L);
      awake.get();
      awaitOk(pair.flagonUrl() + "/", cookie);
      assertThat(TestHttp.get(pair.flagonUrl() + "/", cookie).body()).isEqualTo("Logged in as user 12345");
    }
  }

  @Test
  void clusterNodeStopped_onlyTheSessionsInItsSlotsFail() throws Exception {
    try (RedisCluster cluster = RedisCluster.start();
        WebServer flagon = ConformanceServer.start(ConformanceSettings.of(JsonValues.parse(RedisPair.JsonText.object(
            Map.of("config", Map.of("SECRET_KEY", RedisPair.KEY, "SESSION_TYPE", "redis", "SESSION_REDIS",
                cluster.url(), "SESSION_REDIS_CLUSTER", true))))), "127.0.0.1", 0, false)) {
      List<String> cookies = new ArrayList<>();
      List<RedisServer> homes = new ArrayList<>();
      while (homes.stream().distinct().count() < 3 || cookies.size() < 12) {
        String cookie = TestHttp.cookiePair(TestHttp.onlySetCookie(TestHttp.get(flagon.baseUrl() + "/login", null)));
        cookies.add(cookie);
        homes.add(cluster.nodeFor("session:" + cookie.substring("session=".length())));
      }
      RedisServer stopped = homes.get(0);
      stopped.stop();
      for (int i = 0; i < cookies.size(); i++) {
        HttpResponse<String> response = TestHttp.get(flagon.baseUrl() + "/", cookies.get(i));
        if (homes.get(i) == stopped) {
          assertThat(response.statusCode()).as("a session on the stopped node").isEqualTo(503);
        } else {
          assertThat(response.statusCode()).as("a session on a running node").isEqualTo(200);
          assertThat(response.body()).isEqualTo("Logged in as user 12345");
        }
      }
    }
  }

  private static String dumpOf(String base, String cookie) throws Exception {
    return TestHttp.get(base + "/dump", cookie).body();
  }

  /** Lettuce reconnects in the background after a restart: wait for that external event, bounded. */
  private static void awaitOk(String url, String cookie) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (TestHttp.get(url, cookie).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no 200 from " + url + " within 15 s of the restart");
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }
}
