package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisSessionConfigTest {
  @Test
  void defaults_flaskSessionsAndFlagons() {
    RedisSessionConfig config = RedisSessionConfig.fromMap(Map.of());
    assertThat(config.sessionType()).isEqualTo(SessionType.COOKIE);
    assertThat(config.keyPrefix()).isEqualTo("session:");
    assertThat(config.idLength()).isEqualTo(32);
    assertThat(config.useSigner()).isFalse();
    assertThat(config.permanent()).isTrue();
    assertThat(config.serializationFormat()).isEqualTo(SerializationFormat.MSGPACK);
    assertThat(config.commandTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.revocation()).isFalse();
    assertThat(config.revocationUserKey()).isEqualTo("_user_id");
    assertThat(config.revocationMaxStaleness()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.revocationFailMode()).isEqualTo(RevocationFailMode.CLOSED);
    assertThat(config.revocationPubSub()).isTrue();
  }

  @Test
  void fromMap_textAsInEnvironmentVariables_sameAsTypedValues() {
    Map<String, Object> text = Map.ofEntries(Map.entry("SESSION_TYPE", "Redis"),
        Map.entry("SESSION_REDIS", "redis://localhost:6379/2"), Map.entry("SESSION_KEY_PREFIX", "app:"),
        Map.entry("SESSION_ID_LENGTH", "48"), Map.entry("SESSION_USE_SIGNER", "yes"),
        Map.entry("SESSION_PERMANENT", "false"), Map.entry("SESSION_SERIALIZATION_FORMAT", "JSON"),
        Map.entry("SESSION_REDIS_TIMEOUT", "0.25"), Map.entry("SESSION_REDIS_CONNECT_TIMEOUT", "PT0.5S"),
        Map.entry("SESSION_REVOCATION", "on"), Map.entry("SESSION_REVOCATION_FAIL", "open"),
        Map.entry("SESSION_REVOCATION_MAX_STALENESS", "0"), Map.entry("SESSION_REVOCATION_CACHE_SIZE", "10"));
    Map<String, Object> typed = Map.ofEntries(Map.entry("SESSION_TYPE", SessionType.REDIS),
        Map.entry("SESSION_REDIS", "redis://localhost:6379/2"), Map.entry("SESSION_KEY_PREFIX", "app:"),
        Map.entry("SESSION_ID_LENGTH", 48), Map.entry("SESSION_USE_SIGNER", true),
        Map.entry("SESSION_PERMANENT", false), Map.entry("SESSION_SERIALIZATION_FORMAT", SerializationFormat.JSON),
        Map.entry("SESSION_REDIS_TIMEOUT", Duration.ofMillis(250)), Map.entry("SESSION_REDIS_CONNECT_TIMEOUT", 0.5),
        Map.entry("SESSION_REVOCATION", true), Map.entry("SESSION_REVOCATION_FAIL", RevocationFailMode.OPEN),
        Map.entry("SESSION_REVOCATION_MAX_STALENESS", Duration.ZERO), Map.entry("SESSION_REVOCATION_CACHE_SIZE", 10));
    assertThat(RedisSessionConfig.fromMap(text).toString()).isEqualTo(RedisSessionConfig.fromMap(typed).toString());
    RedisSessionConfig config = RedisSessionConfig.fromMap(text);
    assertThat(config.commandTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.revocationFailMode()).isEqualTo(RevocationFailMode.OPEN);
    assertThat(config.revocationCacheSize()).isEqualTo(10);
  }

  @Test
  void badSetting_oneLineNamingIt() {
    Map<Map<String, Object>, String> cases = Map.of(
        Map.of("SESSION_TYPE", "filesystem"), "SESSION_TYPE",
        Map.of("SESSION_TYPE", "redis"), "SESSION_REDIS must be set",
        Map.of("SESSION_ID_LENGTH", 8), "SESSION_ID_LENGTH",
        Map.of("SESSION_SERIALIZATION_FORMAT", "pickle"), "SESSION_SERIALIZATION_FORMAT",
        Map.of("SESSION_REDIS_TIMEOUT", "0"), "SESSION_REDIS_TIMEOUT",
        Map.of("SESSION_REDIS_CONNECT_TIMEOUT", "PT2M"), "SESSION_REDIS_CONNECT_TIMEOUT",
        Map.of("SESSION_USE_SIGNER", "maybe"), "SESSION_USE_SIGNER",
        Map.of("SESSION_REVOCATION_FAIL", "sometimes"), "SESSION_REVOCATION_FAIL",
        Map.of("SESSION_REVOCATION_CACHE_SIZE", 0), "SESSION_REVOCATION_CACHE_SIZE");
    cases.forEach((settings, name) -> assertThatThrownBy(() -> RedisSessionConfig.fromMap(settings))
        .as(settings.toString()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name)
        .hasMessageNotContaining("\n"));
  }

  @Test
  void redisUrl_withCredentials_neverShown() {
    String url = "rediss://app-user:s3cr3t-p4ss@redis.example.com:6380/3";
    RedisSessionConfig config = RedisSessionConfig.fromMap(Map.of("SESSION_TYPE", "redis", "SESSION_REDIS", url));
    assertThat(config.redisAddress()).isEqualTo("rediss://redis.example.com:6380/3");
    assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("app-user");
    RedisURI uri = config.redisUris().get(0);
    assertThat(uri.isSsl()).isTrue();
    assertThat(uri.getUsername()).isEqualTo("app-user");
    assertThat(new String(uri.getPassword())).isEqualTo("s3cr3t-p4ss");
    assertThat(uri.getDatabase()).isEqualTo(3);
    assertThat(uri.getTimeout()).isEqualTo(Duration.ofSeconds(1));
    for (String bad : List.of("http://u:s3cr3t@host", "s3cr3t", "redis://:s3cr3t@host:notaport/0")) {
      assertThatThrownBy(() -> RedisSessionConfig.fromMap(Map.of("SESSION_TYPE", "redis", "SESSION_REDIS", bad)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SESSION_REDIS")
          .hasMessageNotContaining("s3cr3t");
    }
  }

  @Test
  void clusterUrl_everySeedWithTheSchemeAndCredentials() {
    RedisSessionConfig config = RedisSessionConfig.fromMap(Map.of("SESSION_TYPE", "redis",
        "SESSION_REDIS", "redis://:pw@10.0.0.1:7000,10.0.0.2:7001, 10.0.0.3:7002", "SESSION_REDIS_CLUSTER", true));
    List<RedisURI> uris = config.redisUris();
    assertThat(uris).extracting(RedisURI::getHost).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");
    assertThat(uris).extracting(RedisURI::getPort).containsExactly(7000, 7001, 7002);
    assertThat(uris).allSatisfy(u -> assertThat(new String(u.getPassword())).isEqualTo("pw"));
    assertThat(config.redisAddress()).isEqualTo("redis://10.0.0.1:7000,10.0.0.2:7001,10.0.0.3:7002/0");
    assertThatThrownBy(() -> RedisSessionConfig.fromMap(Map.of("SESSION_TYPE", "redis",
        "SESSION_REDIS", "redis://h:7000/1", "SESSION_REDIS_CLUSTER", true))).hasMessageContaining("database 0");
  }

  @Test
  void sentinelUrl_readByLettuce() {
    RedisSessionConfig config = RedisSessionConfig.fromMap(Map.of("SESSION_TYPE", "redis",
        "SESSION_REDIS", "redis-sentinel://:pw@s1:26379,s2:26380/1#mymaster"));
    RedisURI uri = config.redisUris().get(0);
    assertThat(uri.getSentinelMasterId()).isEqualTo("mymaster");
    assertThat(uri.getSentinels()).hasSize(2);
    assertThat(config.redisAddress()).isEqualTo("redis-sentinel://s1:26379,s2:26380/1#mymaster");
  }
}
