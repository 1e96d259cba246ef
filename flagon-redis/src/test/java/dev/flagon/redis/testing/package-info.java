/**
 * Real Redis for tests, published in flagon-redis's test-jar: {@link dev.flagon.redis.testing.RedisServer} (a
 * standalone {@code redis-server} with restart and {@code DEBUG SLEEP}), {@link dev.flagon.redis.testing.RedisCluster}
 * (three masters) and {@link dev.flagon.redis.testing.Resp}, a small client independent of Lettuce.
 */
package dev.flagon.redis.testing;
