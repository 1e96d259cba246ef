package dev.flagon.redis.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.redis.RedisSettings;
import dev.flagon.redis.RevocationFailMode;
import dev.flagon.redis.SerializationFormat;
import dev.flagon.spring.EveryEntryPointTest;
import dev.flagon.spring.EveryEntryPointTest.Case;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@link RedisSettings} through every entry point (maps, builder, environment, properties file,
 * the servlet filter, Spring by each name) gives the same configuration, or the same refusal: the starter's
 * {@link EveryEntryPointTest}, over this module's rows.
 */
class RedisEntryPointsTest {
  private static final List<Case> CASES = List.of(
      new Case(RedisSettings.SESSION_REDIS, "redis://:pw@localhost:6390/1", "redis://:pw@localhost:6390/1"),
      new Case(RedisSettings.SESSION_REDIS_CLUSTER, "true", true),
      new Case(RedisSettings.SESSION_KEY_PREFIX, "app:", "app:"),
      new Case(RedisSettings.SESSION_ID_LENGTH, "48", 48),
      new Case(RedisSettings.SESSION_ID_LENGTH, "8", 8),
      new Case(RedisSettings.SESSION_USE_SIGNER, "yes", true),
      new Case(RedisSettings.SESSION_PERMANENT, "false", false),
      new Case(RedisSettings.SESSION_SERIALIZATION_FORMAT, "json", SerializationFormat.JSON),
      new Case(RedisSettings.SESSION_SERIALIZATION_FORMAT, "pickle", "pickle"),
      new Case(RedisSettings.SESSION_MIGRATE_COOKIE, "true", true),
      new Case(RedisSettings.SESSION_REDIS_TIMEOUT, "500ms", Duration.ofMillis(500)),
      new Case(RedisSettings.SESSION_REDIS_TIMEOUT, "0", Duration.ZERO),
      new Case(RedisSettings.SESSION_REDIS_CONNECT_TIMEOUT, "2s", Duration.ofSeconds(2)),
      new Case(RedisSettings.SESSION_REVOCATION, "on", true),
      new Case(RedisSettings.SESSION_REVOCATION_USER_KEY, "uid", "uid"),
      new Case(RedisSettings.SESSION_REVOCATION_KEY_PREFIX, "rv:", "rv:"),
      new Case(RedisSettings.SESSION_REVOCATION_MAX_STALENESS, "1s", Duration.ofSeconds(1)),
      new Case(RedisSettings.SESSION_REVOCATION_CACHE_SIZE, "10", 10),
      new Case(RedisSettings.SESSION_REVOCATION_FAIL, "open", RevocationFailMode.OPEN),
      new Case(RedisSettings.SESSION_REVOCATION_PUBSUB, "false", false));
  @TempDir
  static Path dir;

  /** Each case above, and null for every row. */
  static Stream<Case> cases() {
    return Stream.concat(CASES.stream(),
        RedisSettings.all().stream().map(setting -> new Case(setting, "null", EveryEntryPointTest.NULL)));
  }

  @Test
  void cases_coverEveryRowWithAValue() {
    assertThat(CASES.stream().map(Case::setting).distinct())
        .containsExactlyInAnyOrderElementsOf(RedisSettings.all());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void entryPoints_sameRow_giveTheSameConfigurationOrTheSameRefusal(Case c) throws IOException {
    EveryEntryPointTest.assertSameEverywhere(c, dir);
  }
}
