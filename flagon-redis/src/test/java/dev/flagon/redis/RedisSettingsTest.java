package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.FlagonConfig;
import dev.flagon.FlagonSettings;
import dev.flagon.SessionInterface;
import dev.flagon.testing.ReadmeSnippets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** This module's rows join the one settings table, and SESSION_TYPE picks the store through ServiceLoader. */
class RedisSettingsTest {
  private static final String KEY = "settings-test-secret-key-0123456789";

  @Test
  void settingsTable_holdsEveryRedisRowOnce_andSessionTypeTakesRedis() {
    assertThat(FlagonSettings.all()).containsSubsequence(RedisSettings.all());
    RedisSettings.all().forEach(row -> assertThat(FlagonSettings.all()).containsOnlyOnce(row));
    assertThat(FlagonSettings.SESSION_TYPE.parse("Redis")).isEqualTo("redis");
  }

  @Test
  void everyEntryPoint_readsTheRowsAlike() {
    FlagonConfig fromMap = FlagonConfig.fromMap(Map.of("SECRET_KEY", KEY, "SESSION_TYPE", "redis",
        "SESSION_REDIS", "redis://:pw@localhost:6390/2", "SESSION_USE_SIGNER", true, "SESSION_ID_LENGTH", 48));
    FlagonConfig fromEnv = FlagonConfig.fromEnvironment(Map.of("FLAGON_SECRET_KEY", KEY,
        "FLAGON_SESSION_TYPE", "redis", "FLAGON_SESSION_REDIS", "redis://:pw@localhost:6390/2",
        "FLAGON_SESSION_USE_SIGNER", "true", "FLAGON_SESSION_ID_LENGTH", "48"));
    assertThat(RedisSessionConfig.from(fromEnv).toString()).isEqualTo(RedisSessionConfig.from(fromMap).toString());
    assertThat(RedisSessionConfig.from(fromMap).idLength()).isEqualTo(48);
    assertThat(fromMap.toString()).contains("SESSION_REDIS=redis://***@localhost:6390/2").doesNotContain("pw@");
  }

  @Test
  void sessionInterfaceCreate_picksTheStoreByType_andNamesAMissingUrl() {
    SessionInterface cookie = SessionInterface.create(FlagonConfig.fromMap(Map.of("SECRET_KEY", KEY)));
    assertThat(cookie).isInstanceOf(dev.flagon.Flagon.class);
    SessionInterface redis = SessionInterface.create(FlagonConfig.fromMap(Map.of("SECRET_KEY", KEY,
        "SESSION_TYPE", "redis", "SESSION_REDIS", "redis://127.0.0.1:1/0")));
    assertThat(redis).isInstanceOf(RedisSessionInterface.class);
    ((RedisSessionInterface) redis).close();
    assertThatThrownBy(() -> SessionInterface.create(FlagonConfig.fromMap(Map.of("SECRET_KEY", KEY,
        "SESSION_TYPE", "redis")))).hasMessageStartingWith("SESSION_REDIS must be set");
    assertThatThrownBy(() -> SessionInterface.create(FlagonConfig.fromMap(Map.of("SECRET_KEY", KEY,
        "SESSION_TYPE", "redis", "SESSION_REDIS", "redis://:s3cr3t@h:x/0"))))
        .hasMessageContaining("SESSION_REDIS").hasMessageNotContaining("s3cr3t");
  }

  @Test
  void serviceLoader_namesTheProvider() throws IOException {
    try (InputStream in = RedisSessionProvider.class.getResourceAsStream(
        "/META-INF/services/" + SessionInterface.Provider.class.getName())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
          .isEqualTo(RedisSessionProvider.class.getName());
    }
  }

  @Test
  void readme_dependencyRow_namesRealClasses() throws ClassNotFoundException {
    assertThat(ReadmeSnippets.importsOf("flagon-redis")).containsExactly(RedisSessionInterface.class.getName());
    for (String name : ReadmeSnippets.importsOf("flagon-redis")) {
      Class.forName(name);
    }
  }

  /** Regenerate with {@code mvn -B -o -pl flagon-redis test -Dtest=RedisSettingsTest -Dflagon.regenerate=true}. */
  @Test
  void readme_settingsTable_isGeneratedFromTheModulesRows() {
    String table = ReadmeSnippets.settingsTable(RedisSettings.all());
    if (Boolean.getBoolean("flagon.regenerate")) {
      ReadmeSnippets.writeSection("settings-redis", table);
    }
    assertThat(ReadmeSnippets.section("settings-redis")).isEqualTo(table);
  }
}
