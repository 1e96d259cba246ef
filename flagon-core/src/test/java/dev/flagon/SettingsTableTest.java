package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.ReadmeSnippets;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table is generated from {@link FlagonSettings} (core's rows: no format module is on
 * this module's class path): this test fails when they drift.
 * Regenerate it with
 * {@code mvn -B -o -pl flagon-core test -Dtest=SettingsTableTest -Dflagon.regenerate=true}.
 */
class SettingsTableTest {
  static String table() {
    return ReadmeSnippets.settingsTable(FlagonSettings.all());
  }

  @Test
  void readme_settingsTable_isGeneratedFromTheTable() {
    if (Boolean.getBoolean("flagon.regenerate")) {
      ReadmeSnippets.writeSection("settings", table());
    }
    assertThat(ReadmeSnippets.section("settings")).as("README settings table; regenerate as this test's"
        + " javadoc says").isEqualTo(table());
  }

  @Test
  void readme_coreImports_nameRealClasses() throws ClassNotFoundException {
    assertThat(ReadmeSnippets.importsOf("flagon-core")).contains("dev.flagon.FlagonConfig");
    for (String name : ReadmeSnippets.importsOf("flagon-core")) {
      Class.forName(name);
    }
  }

  @Test
  void toString_showsEveryRowAsWrittenInConfiguration() {
    FlagonConfig config = FlagonConfig.builder().secretKey("3f9c1be0a47d52e6b8c01f2a9d7e6c45").build();
    for (Setting<?> setting : FlagonSettings.all()) {
      assertThat(config.toString()).contains(setting.name() + "=");
    }
    assertThat(config.toString()).contains("SECRET_KEY=<redacted>", "SECRET_KEY_FALLBACKS=<0 redacted>",
        "PERMANENT_SESSION_LIFETIME=31d", "SESSION_COOKIE_SAMESITE=null", "SESSION_SIZE_POLICY=error");
  }
}
