package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load on the conformance server on SESSION_TYPE=redis: 16 users, each on its own keep-alive connection, for
 * 60 s ({@code -Dflagon.load.seconds} to change): each request writes the user's request count with /put-nv
 * and the next one reads it back with /dump. Counted, not timed: 0 errors, 0 cross-talk (a user always sees
 * its own name), 0 lost writes (the count read back is always the last one written, and at the end equals
 * the user's own number of writes).
 */
class RedisLoadIT {
  private static final int USERS = 16;

  record Result(int writes, int errors, int crossTalk, int lost, long lastSeen) {}

  @Test
  void sixteenUsers_sixtySeconds_noErrorsNoCrossTalkNoLostWrites(@TempDir Path dir) throws Exception {
    Duration length = Duration.ofSeconds(Long.getLong("flagon.load.seconds", 60));
    // Counted, not timed: with the 1 s default timeouts a stall of a slow machine counts as an error, and in a
    // JVM making its first Lettuce connection (this class run alone) the 15 requests waiting for it gave up
    // after their 2 s at load 12 on 2 cores. 10 s keeps both far away.
    Map<String, Object> patient = Map.of("SESSION_REDIS_TIMEOUT", "10s", "SESSION_REDIS_CONNECT_TIMEOUT", "10s");
    try (RedisPair pair = RedisPair.start(patient, false, dir)) {
      // no warm-up: the server's first Redis connection is made while 16 requests arrive together
      ExecutorService pool = Executors.newFixedThreadPool(USERS);
      List<Future<Result>> users = new ArrayList<>();
      long end = System.nanoTime() + length.toNanos();
      for (int u = 0; u < USERS; u++) {
        String name = "user" + u;
        users.add(pool.submit(() -> run(pair.flagonUrl(), name, end)));
      }
      int total = 0;
      for (Future<Result> user : users) {
        Result result = user.get();
        assertThat(result.errors()).as("errors").isZero();
        assertThat(result.crossTalk()).as("cross-talk").isZero();
        assertThat(result.lost()).as("lost writes").isZero();
        assertThat(result.lastSeen()).as("the final count").isEqualTo(result.writes());
        total += result.writes();
      }
      pool.shutdown();
      assertThat(total).as("requests made").isGreaterThan(USERS);
      System.out.println("RedisLoadIT: " + USERS + " users, " + length.toSeconds() + " s, " + total
          + " writes, each read back");
    }
  }

  private static Result run(String base, String name, long end) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> first = http.send(request(base + "/put?key=name&value=" + name, null),
        HttpResponse.BodyHandlers.ofString());
    String cookie = TestHttp.cookiePair(TestHttp.onlySetCookie(first));
    int writes = 0;
    int errors = 0;
    int crossTalk = 0;
    int lost = 0;
    long lastSeen = -1;
    while (System.nanoTime() < end) {
      HttpResponse<String> put = http.send(request(base + "/put-nv?key=n&value=" + (writes + 1), cookie),
          HttpResponse.BodyHandlers.ofString());
      if (put.statusCode() != 200) {
        errors++;
        continue;
      }
      writes++;
      HttpResponse<String> dump = http.send(request(base + "/dump", cookie), HttpResponse.BodyHandlers.ofString());
      if (dump.statusCode() != 200) {
        errors++;
        continue;
      }
      if (!dump.body().contains("[\"name\",\"" + name + "\"]")) {
        crossTalk++;
      }
      lastSeen = count(dump.body());
      if (lastSeen != writes) {
        lost++;
      }
    }
    return new Result(writes, errors, crossTalk, lost, lastSeen);
  }

  private static long count(String dump) {
    int at = dump.indexOf("[\"n\",");
    return at < 0 ? -1 : Long.parseLong(dump.substring(at + 5, dump.indexOf(']', at)));
  }

  private static HttpRequest request(String url, String cookie) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    return builder.build();
  }
}
