package dev.flagon.bench;

import dev.flagon.SessionValidator;
import dev.flagon.redis.RedisRevocations;
import dev.flagon.redis.RedisSessionConfig;
import dev.flagon.redis.testing.RedisServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What Redis-backed revocation adds to a request of a cookie session: {@code RedisRevocations.isValid} for
 * 1,000 logged-in users whose answers are cached ({@code warmCache}), against the same call on a validator
 * that accepts everything ({@code none}), and against a validator that reads Redis on every call
 * ({@code everyCallReadsRedis}, staleness 0: what the cache saves). The target is at most 1 µs of CPU per
 * request over {@code none} with a warm cache. Starts its own redis-server on a loopback port.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RevocationBench {
  private static final int USERS = 1000;
  private static final Instant SIGNED_AT = Instant.parse("2026-01-01T00:00:00Z");

  private RedisServer redis;
  private RedisRevocations cached;
  private RedisRevocations uncached;
  private final SessionValidator none = (data, signedAt) -> true;
  private List<Map<String, Object>> sessions;

  @Setup(Level.Trial)
  public void setUp() {
    redis = RedisServer.start();
    cached = revocations(Duration.ofHours(1));
    uncached = revocations(Duration.ZERO);
    sessions = IntStream.range(0, USERS)
        .mapToObj(i -> Map.<String, Object>of("_user_id", Integer.toString(i), "_fresh", true, "csrf_token", "x"))
        .toList();
    cached.revokeAll("7"); // one revoked user among them, so both answers occur
    sessions.forEach(s -> cached.isValid(s, SIGNED_AT)); // warm
  }

  private RedisRevocations revocations(Duration staleness) {
    RedisSessionConfig config = RedisSessionConfig.fromMap(Map.of("SESSION_REDIS", redis.url(),
        "SESSION_REVOCATION", true, "SESSION_REVOCATION_MAX_STALENESS", staleness,
        "SESSION_REVOCATION_PUBSUB", false));
    return RedisRevocations.connect(config, Duration.ofDays(31), Clock.systemUTC());
  }

  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  private Map<String, Object> nextSession(Cursor cursor) {
    cursor.next = (cursor.next + 1) % USERS;
    return sessions.get(cursor.next);
  }

  @Benchmark
  public boolean none(Cursor cursor) {
    return none.isValid(nextSession(cursor), SIGNED_AT);
  }

  @Benchmark
  public boolean warmCache(Cursor cursor) {
    return cached.isValid(nextSession(cursor), SIGNED_AT);
  }

  @Benchmark
  public boolean everyCallReadsRedis(Cursor cursor) {
    return uncached.isValid(nextSession(cursor), SIGNED_AT);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    cached.close();
    uncached.close();
    redis.close();
  }
}
