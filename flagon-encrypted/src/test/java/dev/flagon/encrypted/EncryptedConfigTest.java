package dev.flagon.encrypted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.CookieFormat;
import dev.flagon.FlagonConfig;
import dev.flagon.FlagonSettings;
import dev.flagon.Setting;
import dev.flagon.SizePolicy;
import dev.flagon.testing.ReadmeSnippets;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * How the core finds this module's formats and setting: through {@link ServiceLoader}, by the module
 * descriptor and by {@code META-INF/services}, so that every entry point of the settings table reads them.
 */
class EncryptedConfigTest {
  private static final String STRONG = "3f9c1be0a47d52e6b8c01f2a9d7e6c45";

  @Test
  void fromMap_newSettings_areParsed() {
    FlagonConfig config = FlagonConfig.fromMap(Map.of("SECRET_KEY", STRONG, "SESSION_FORMAT",
        "Encrypted_Migrate", "SESSION_ENCRYPTION_COMPRESS", "on", "SESSION_REISSUE_ON_FALLBACK", true,
        "SESSION_SIZE_POLICY", "split", "SESSION_MAX_CHUNKS", 8));
    assertThat(config.sessionFormat()).isEqualTo(EncryptedFormats.ENCRYPTED_MIGRATE);
    assertThat(config.get(EncryptedFormats.SESSION_ENCRYPTION_COMPRESS)).isTrue();
    assertThat(config.reissueOnFallback()).isTrue();
    assertThat(config.sizePolicy()).isEqualTo(SizePolicy.SPLIT);
    assertThat(config.maxChunks()).isEqualTo(8);
    assertThat(config.toString()).contains("SESSION_FORMAT=encrypted-migrate", "SESSION_MAX_CHUNKS=8",
        "SESSION_ENCRYPTION_COMPRESS=true").doesNotContain(STRONG);
  }

  @Test
  void fromMap_badFormat_namesEveryFormatOnTheClassPath() {
    assertThatThrownBy(() -> FlagonConfig.fromMap(Map.of("SECRET_KEY", STRONG, "SESSION_FORMAT", "jwt")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SESSION_FORMAT must be signed, encrypted or encrypted-migrate, not 'jwt'");
  }

  @Test
  void parse_choice_byConfigNameOrJavaNameInAnyCase() {
    assertThat(FlagonSettings.SESSION_FORMAT.parse("Encrypted_Migrate")).isEqualTo("encrypted-migrate");
    assertThat(FlagonSettings.SESSION_FORMAT.parse("ENCRYPTED")).isEqualTo(EncryptedFormats.ENCRYPTED);
  }

  @Test
  void flagonConfig_getAndSet_workForTheModulesRows() {
    FlagonConfig config = FlagonConfig.builder().secretKey(STRONG)
        .set(FlagonSettings.SESSION_FORMAT, EncryptedFormats.ENCRYPTED)
        .set(EncryptedFormats.SESSION_ENCRYPTION_COMPRESS, true).build();
    assertThat(config.get(FlagonSettings.SESSION_FORMAT)).isEqualTo(EncryptedFormats.ENCRYPTED);
    assertThat(config.sessionFormat()).isEqualTo(EncryptedFormats.ENCRYPTED);
    assertThat(config.get(EncryptedFormats.SESSION_ENCRYPTION_COMPRESS)).isTrue();
    assertThat(FlagonConfig.fromEnvironment(Map.of("FLAGON_SECRET_KEY", STRONG,
        "FLAGON_SESSION_ENCRYPTION_COMPRESS", "yes")).get(EncryptedFormats.SESSION_ENCRYPTION_COMPRESS)).isTrue();
  }

  @Test
  void settingsTable_endsWithThisModulesRow() {
    List<Setting<?>> all = FlagonSettings.all();
    assertThat(all.get(all.size() - 1)).isSameAs(EncryptedFormats.SESSION_ENCRYPTION_COMPRESS);
    assertThat(all).containsOnlyOnce(EncryptedFormats.SESSION_ENCRYPTION_COMPRESS);
  }

  /**
   * These tests run on the module path, where {@link ServiceLoader} reads only module descriptors: the
   * core's {@code uses} and this module's {@code provides} found the formats every test here uses. On the
   * class path it reads {@code META-INF/services}, which must name the same provider.
   */
  @Test
  void serviceLoader_bothDeclarationsNameTheProvider() throws IOException {
    assertThat(EncryptedFormats.class.getModule().isNamed()).as("tests run on the module path").isTrue();
    assertThat(CookieFormat.class.getModule().getDescriptor().uses())
        .contains(CookieFormat.Provider.class.getName());
    assertThat(FlagonSettings.SESSION_FORMAT.parse(EncryptedFormats.ENCRYPTED)).isEqualTo("encrypted");
    try (InputStream in = EncryptedFormats.class.getResourceAsStream("/module-info.class")) {
      ModuleDescriptor module = ModuleDescriptor.read(in);
      assertThat(module.provides()).singleElement().satisfies(p -> {
        assertThat(p.service()).isEqualTo(CookieFormat.Provider.class.getName());
        assertThat(p.providers()).containsExactly(EncryptedFormats.class.getName());
      });
      assertThat(module.requires()).extracting(ModuleDescriptor.Requires::name).contains("dev.flagon.core");
    }
    try (InputStream in = EncryptedFormats.class.getResourceAsStream(
        "/META-INF/services/" + CookieFormat.Provider.class.getName())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
          .isEqualTo(EncryptedFormats.class.getName());
    }
  }

  @Test
  void readme_dependencyRow_namesRealClasses() throws ClassNotFoundException {
    assertThat(ReadmeSnippets.importsOf("flagon-encrypted")).containsExactly(EncryptedFormats.class.getName());
    for (String name : ReadmeSnippets.importsOf("flagon-encrypted")) {
      Class.forName(name);
    }
  }

  /** Regenerate with {@code mvn -B -o -pl flagon-encrypted test -Dtest=EncryptedConfigTest -Dflagon.regenerate=true}. */
  @Test
  void readme_settingsTable_isGeneratedFromTheModulesRows() {
    String table = ReadmeSnippets.settingsTable(new EncryptedFormats().settings());
    if (Boolean.getBoolean("flagon.regenerate")) {
      ReadmeSnippets.writeSection("settings-encrypted", table);
    }
    assertThat(ReadmeSnippets.section("settings-encrypted")).isEqualTo(table);
  }
}
