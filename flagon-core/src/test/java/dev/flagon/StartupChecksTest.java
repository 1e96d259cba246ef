package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.codec.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configurations that cannot be safe fail at build time, with a message that says what to do. */
class StartupChecksTest {
  private static final String STRONG = "3f9c1be0a47d52e6b8c01f2a9d7e6c45";

  private static FlagonConfig.Builder strong() {
    return FlagonConfig.builder().secretKey(STRONG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"supersecretkey", "changeme", "secret", "dev", "development", "test", "password",
      "your-secret-key", "secret-key", "flask-secret", "default", "key", "SuperSecretKey", "CHANGEME",
      "a-short-key-15b"})
  void build_shortOrPlaceholderKey_failsWithHowToGenerateOne(String weak) {
    assertThatThrownBy(() -> FlagonConfig.builder().secretKey(weak).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SECRET_KEY is too weak").hasMessageContaining("./flagon secret")
        .hasMessageContaining("SECRET_KEY_ALLOW_WEAK=true");
  }

  @Test
  void build_weakKey_messageNeverShowsTheKey() {
    assertThatThrownBy(() -> FlagonConfig.builder().secretKey("Zq8#canary").build())
        .hasMessageNotContaining("Zq8#canary").hasMessageNotContaining("canary");
  }

  @ParameterizedTest
  @ValueSource(strings = {"your-secret-key-here", "Your_Secret_Key_Here", "please-change-me-now-42",
      "flask-secret-key", "this is a secret key", "0000000000000000000000000000"})
  void build_longPlaceholderOrRepeatedByte_isRefusedToo(String weak) {
    assertThatThrownBy(() -> FlagonConfig.builder().secretKey(weak).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("SECRET_KEY is too weak");
  }

  /** Flask's own quickstart key, as bytes: {@code b'_5#y2L"F4Q8z\n\xec]/'}. */
  private static final byte[] FLASK_QUICKSTART_KEY = {
    '_', '5', '#', 'y', '2', 'L', '"', 'F', '4', 'Q', '8', 'z', '\n', (byte) 0xec, ']', '/'};

  @Test
  void build_flasksQuickstartKey_isRefusedAsAKnownKey() {
    assertThatThrownBy(() -> FlagonConfig.builder().secretKey(Secret.fromBytes(FLASK_QUICKSTART_KEY)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SECRET_KEY is too weak: it is on the flask-unsign wordlist")
        .hasMessageContaining("./flagon secret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"you-will-never-guess", "hard to guess string", "secret-key-goes-here",
      "0123456789abcdef", "abababababababab", "password12345678", "qwertyuiopasdfgh", "administrator123",
      "1234567890123456", "abcdefghijklmnop", "Password12345678!"})
  void build_bestKnownFlaskKeysAndPatterns_areRefused(String weak) {
    assertThatThrownBy(() -> FlagonConfig.builder().secretKey(weak).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SECRET_KEY is too weak").hasMessageContaining("./flagon secret")
        .hasMessageNotContaining(weak);
  }

  @Test
  void build_keyOf16BytesExactly_isAccepted_and15Refused() {
    assertThat(FlagonConfig.builder().secretKey("k7#Qw9!zR2@vX5$m").build()).isNotNull();
    assertThatThrownBy(() -> FlagonConfig.builder().secretKey("k7#Qw9!zR2@vX5$").build())
        .hasMessageContaining("shorter than 16 bytes (it has 15)");
  }

  @Test
  void build_weakFallback_isRefusedAsWellAsTheCurrentKey() {
    assertThatThrownBy(() -> strong().secretKeyFallbacks(List.of(Secret.fromText("old"))).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("SECRET_KEY_FALLBACKS is too weak");
  }

  @Test
  void build_weakKeyExplicitlyAllowed_builds() {
    assertThat(FlagonConfig.builder().secretKey("dev").allowWeakSecretKey().build().allowsWeakSecretKey())
        .isTrue();
    assertThat(FlagonConfig.fromMap(Map.of("SECRET_KEY", "dev", "SECRET_KEY_ALLOW_WEAK", true))).isNotNull();
    assertThat(FlagonConfig.fromEnvironment(Map.of("FLAGON_SECRET_KEY", "dev", "FLAGON_SECRET_KEY_ALLOW_WEAK",
        "true"))).isNotNull();
  }

  @Test
  void build_generatedKey_isAccepted() {
    assertThat(FlagonConfig.builder().secretKey(Secret.generate()).build().allowsWeakSecretKey()).isFalse();
    assertThat(FlagonConfig.builder().secretKey(Secret.generateHex(32)).build()).isNotNull();
  }

  @Test
  void build_sameSiteNoneWithoutSecure_failsSayingWhatToSet() {
    assertThatThrownBy(() -> strong().cookieSameSite(SameSite.NONE).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SESSION_COOKIE_SECURE=true").hasMessageContaining("SAMESITE=Lax");
    assertThat(strong().cookieSameSite(SameSite.NONE).cookieSecure(true).build()).isNotNull();
  }

  @Test
  void build_sameSiteNoneWithPartitioned_isAllowedBecausePartitionedForcesSecure() {
    FlagonConfig config = strong().cookieSameSite(SameSite.NONE).cookiePartitioned(true).build();
    Session session = Flagon.create(config).open();
    session.put("a", 1);
    assertThat(Flagon.create(config).save(session).setCookieHeaders().get(0))
        .contains("; Secure;").endsWith("SameSite=None; Partitioned");
  }

  @Test
  void build_hostPrefix_needsSecureRootPathAndNoDomain() {
    FlagonConfig.Builder host = strong().cookieName("__Host-session");
    assertThatThrownBy(host::build).hasMessageContaining("__Host-").hasMessageContaining("SESSION_COOKIE_SECURE");
    host.cookieSecure(true);
    assertThat(host.build()).isNotNull();
    assertThatThrownBy(() -> host.cookiePath("/app").build()).hasMessageContaining("SESSION_COOKIE_PATH=/");
    host.cookiePath(null).applicationRoot("/app");
    assertThatThrownBy(host::build).hasMessageContaining("SESSION_COOKIE_PATH=/");
    host.applicationRoot("/").cookieDomain("example.com");
    assertThatThrownBy(host::build).hasMessageContaining("unset SESSION_COOKIE_DOMAIN");
  }

  @Test
  void build_securePrefixInAnyCase_needsSecure() {
    assertThatThrownBy(() -> strong().cookieName("__secure-session").build())
        .hasMessageContaining("__Secure-").hasMessageContaining("SESSION_COOKIE_SECURE=true");
    assertThat(strong().cookieName("__Secure-session").cookieSecure(true).cookieDomain("example.com").build())
        .isNotNull();
  }

  @Test
  void fromMap_newSettings_areParsed() {
    FlagonConfig config = FlagonConfig.fromMap(Map.of("SECRET_KEY", STRONG, "SESSION_FORMAT",
        "SIGNED", "SESSION_REISSUE_ON_FALLBACK", true, "SESSION_SIZE_POLICY", "split", "SESSION_MAX_CHUNKS", 8));
    assertThat(config.sessionFormat()).isEqualTo(CookieFormat.SIGNED);
    assertThat(config.reissueOnFallback()).isTrue();
    assertThat(config.sizePolicy()).isEqualTo(SizePolicy.SPLIT);
    assertThat(config.maxChunks()).isEqualTo(8);
    assertThat(config.toString()).contains("SESSION_FORMAT=signed", "SESSION_MAX_CHUNKS=8")
        .doesNotContain(STRONG);
  }

  @Test
  void fromMap_badNewSettings_nameTheKey() {
    assertThatThrownBy(() -> FlagonConfig.fromMap(Map.of("SECRET_KEY", STRONG, "SESSION_FORMAT", "jwt")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SESSION_FORMAT must be signed");
    assertThatThrownBy(() -> FlagonConfig.fromMap(Map.of("SECRET_KEY", STRONG, "SESSION_MAX_CHUNKS", 17)))
        .hasMessageContaining("SESSION_MAX_CHUNKS must be between 1 and 16");
    assertThatThrownBy(() -> FlagonConfig.fromMap(Map.of("SECRET_KEY", STRONG, "SESSION_MAX_CHUNKS", 0)))
        .hasMessageContaining("SESSION_MAX_CHUNKS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"encrypted", "Encrypted_Migrate"})
  void build_encryptedWithoutTheModule_failsInOneLineNamingTheModule(String format) {
    assertThatThrownBy(() -> FlagonConfig.fromMap(Map.of("SECRET_KEY", STRONG, "SESSION_FORMAT", format)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SESSION_FORMAT must be signed (encrypted and encrypted-migrate need the module"
            + " dev.flagon:flagon-encrypted on the class path), not '" + format + "'");
    assertThatThrownBy(() -> strong().sessionFormat(format)).hasMessageContaining("dev.flagon:flagon-encrypted");
  }
}
