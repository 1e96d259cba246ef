package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import dev.flagon.codec.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagonConfigTest {
  // Cookies for {"user_id": 12345} at 1700000000, made by itsdangerous 2.2 with Flask's serializer.
  private static final String SIGNED_BY_HTTP_PUBLIC_SECRET = "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A";
  private static final String SIGNED_BY_12345 = "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.7KdOARES83FLieKPcr7K2qVrRG4";
  private static final String SIGNED_BY_RAW_BYTES = "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.bMzCc4IfIjdJXTCtkRf4eYQ3iKA";
  private static final String SIGNED_SHA256_DJANGO_MY_SALT =
      "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.aigwdAJYq0097HnoU0ChZulxR-eMFzasmfN-pvMFsMQ";
  private static final String SECRET = "http-public-secret";

  /** The cookie value this configuration signs {"user_id": 12345} with at 1700000000. */
  private static String signedUserId(FlagonConfig config) {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);
    Flagon flagon = Flagon.create(config.toBuilder().clock(clock).build());
    Session session = flagon.openCookieValue(null);
    session.put("user_id", 12345);
    String header = flagon.save(session).setCookieHeaders().get(0);
    return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
  }

  private static Map<String, Object> withSecret(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    map.put("SECRET_KEY", SECRET);
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  @Test
  void build_noSecretKey_failsSayingHowToMakeOne() {
    assertThatThrownBy(() -> FlagonConfig.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SECRET_KEY is missing")
        .hasMessageContaining("./flagon secret").hasMessageContaining("openssl rand -hex 32");
  }

  @Test
  void build_emptySecretKey_fails() {
    assertThatThrownBy(() -> FlagonConfig.builder().secretKey("").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("SECRET_KEY is empty");
    assertThatThrownBy(() -> FlagonConfig.fromMap(Map.of("SECRET_KEY", new byte[0])))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("openssl rand -hex 32");
  }

  @Test
  void fromMap_nullSecretKey_failsAtBuild() {
    Map<String, Object> config = new HashMap<>();
    config.put("SECRET_KEY", null);
    assertThatThrownBy(() -> FlagonConfig.fromMap(config)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void defaults_areFlasks() {
    FlagonConfig config = FlagonConfig.builder().secretKey(SECRET).build();
    assertThat(config.secretKeyFallbacks()).isEmpty();
    assertThat(config.permanentSessionLifetime()).isEqualTo(Duration.ofSeconds(2_678_400));
    assertThat(config.cookieName()).isEqualTo("session");
    assertThat(config.cookieDomain()).isEmpty();
    assertThat(config.cookiePath()).isEqualTo("/");
    assertThat(config.cookieHttpOnly()).isTrue();
    assertThat(config.cookieSecure()).isFalse();
    assertThat(config.cookieSameSite()).isEmpty();
    assertThat(config.cookiePartitioned()).isFalse();
    assertThat(config.refreshEachRequest()).isTrue();
    assertThat(config.maxCookieSize()).isEqualTo(4093);
    assertThat(config.sizePolicy()).isEqualTo(SizePolicy.ERROR);
    assertThat(config.signing().salt()).isEqualTo("cookie-session");
    assertThat(config.signing().digest()).isEqualTo(Digest.SHA1);
    assertThat(config.signing().keyDerivation()).isEqualTo(KeyDerivation.HMAC);
    assertThat(config.clock()).isEqualTo(Clock.systemUTC());
    assertThat(config.taggedJson()).isNotNull();
    assertThat(signedUserId(config)).isEqualTo(SIGNED_BY_HTTP_PUBLIC_SECRET);
  }

  @Test
  void fromMap_everyFlaskNameTyped_isApplied() {
    FlagonConfig config = FlagonConfig.fromMap(withSecret(
        "SECRET_KEY_FALLBACKS", List.of("old", Secret.fromText("older"), new byte[] {1}),
        "SECRET_KEY_ALLOW_WEAK", true,
        "PERMANENT_SESSION_LIFETIME", 3600,
        "APPLICATION_ROOT", "/root",
        "SESSION_COOKIE_NAME", "myapp_session",
        "SESSION_COOKIE_DOMAIN", "example.com",
        "SESSION_COOKIE_PATH", "/app",
        "SESSION_COOKIE_HTTPONLY", false,
        "SESSION_COOKIE_SECURE", true,
        "SESSION_COOKIE_SAMESITE", "strict",
        "SESSION_COOKIE_PARTITIONED", true,
        "SESSION_REFRESH_EACH_REQUEST", false,
        "MAX_COOKIE_SIZE", 0,
        "SESSION_SIZE_POLICY", SizePolicy.WARN,
        "SOME_OTHER_FLASK_KEY", new Object()));
    assertThat(config.secretKeyFallbacks()).hasSize(3);
    assertThat(config.permanentSessionLifetime()).isEqualTo(Duration.ofHours(1));
    assertThat(config.cookieName()).isEqualTo("myapp_session");
    assertThat(config.cookieDomain()).contains("example.com");
    assertThat(config.cookiePath()).isEqualTo("/app");
    assertThat(config.cookieHttpOnly()).isFalse();
    assertThat(config.cookieSecure()).isTrue();
    assertThat(config.cookieSameSite()).contains(SameSite.STRICT);
    assertThat(config.cookiePartitioned()).isTrue();
    assertThat(config.refreshEachRequest()).isFalse();
    assertThat(config.maxCookieSize()).isZero();
    assertThat(config.sizePolicy()).isEqualTo(SizePolicy.WARN);
  }

  @Test
  void fromMap_textValues_areParsedPerKey() {
    FlagonConfig config = FlagonConfig.fromMap(withSecret(
        "PERMANENT_SESSION_LIFETIME", "PT60M", "SESSION_COOKIE_HTTPONLY", "off", "SESSION_COOKIE_SECURE", "YES",
        "SESSION_COOKIE_PARTITIONED", "0", "SESSION_REFRESH_EACH_REQUEST", "False", "MAX_COOKIE_SIZE", "5000",
        "SESSION_COOKIE_SAMESITE", "LAX", "SESSION_SIZE_POLICY", "Warn"));
    assertThat(config.permanentSessionLifetime()).isEqualTo(Duration.ofMinutes(60));
    assertThat(config.cookieHttpOnly()).isFalse();
    assertThat(config.cookieSecure()).isTrue();
    assertThat(config.cookiePartitioned()).isFalse();
    assertThat(config.refreshEachRequest()).isFalse();
    assertThat(config.maxCookieSize()).isEqualTo(5000);
    assertThat(config.cookieSameSite()).contains(SameSite.LAX);
    assertThat(config.sizePolicy()).isEqualTo(SizePolicy.WARN);
  }

  @Test
  void fromMap_lifetimeForms_allAccepted() {
    assertThat(lifetime("86400")).isEqualTo(Duration.ofDays(1));
    assertThat(lifetime(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
    assertThat(lifetime(7L)).isEqualTo(Duration.ofSeconds(7));
    assertThat(lifetime(1.5)).isEqualTo(Duration.ofMillis(1500));
    assertThat(lifetime("P31D")).isEqualTo(Duration.ofDays(31));
    assertThat(lifetime(0)).isEqualTo(Duration.ZERO);
  }

  private static Duration lifetime(Object value) {
    return FlagonConfig.fromMap(withSecret("PERMANENT_SESSION_LIFETIME", value)).permanentSessionLifetime();
  }

  @Test
  void fromMap_badLifetime_namesTheKey() {
    for (Object bad : new Object[] {-1, "-5", "an hour", Duration.ofSeconds(-1), Double.NaN, true, null}) {
      assertThatThrownBy(() -> lifetime(bad)).as("%s", bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PERMANENT_SESSION_LIFETIME");
    }
  }

  @Test
  void fromMap_badBoolean_namesTheKey() {
    for (Object bad : new Object[] {"maybe", "", 2, "enabled"}) {
      assertThatThrownBy(() -> FlagonConfig.fromMap(withSecret("SESSION_COOKIE_SECURE", bad))).as("%s", bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SESSION_COOKIE_SECURE");
    }
  }

  @Test
  void fromMap_nullBoolean_isFalseAsPythonNone() {
    Map<String, Object> config = withSecret();
    config.put("SESSION_COOKIE_HTTPONLY", null);
    assertThat(FlagonConfig.fromMap(config).cookieHttpOnly()).isFalse();
  }

  @Test
  void fromMap_badMaxCookieSize_namesTheKey() {
    for (Object bad : new Object[] {"big", -1, 1.5, 1L << 40}) {
      assertThatThrownBy(() -> FlagonConfig.fromMap(withSecret("MAX_COOKIE_SIZE", bad))).as("%s", bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAX_COOKIE_SIZE");
    }
  }

  @Test
  void fromMap_emptySameSite_failsFastInsteadOfOnEverySave() {
    assertThatThrownBy(() -> FlagonConfig.fromMap(withSecret("SESSION_COOKIE_SAMESITE", "")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SESSION_COOKIE_SAMESITE");
    assertThatThrownBy(() -> FlagonConfig.fromMap(withSecret("SESSION_COOKIE_SAMESITE", "sometimes")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SESSION_COOKIE_SAMESITE");
  }

  @Test
  void fromMap_nullSameSite_omitsIt() {
    Map<String, Object> config = withSecret();
    config.put("SESSION_COOKIE_SAMESITE", null);
    assertThat(FlagonConfig.fromMap(config).cookieSameSite()).isEmpty();
  }

  @Test
  void fromMap_badCookieName_namesTheKey() {
    for (String bad : new String[] {"", "my session", "a;b", "a=b", "sess\u00e9"}) {
      assertThatThrownBy(() -> FlagonConfig.fromMap(withSecret("SESSION_COOKIE_NAME", bad))).as("%s", bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SESSION_COOKIE_NAME");
    }
  }

  @Test
  void fromMap_badSecretTypes_nameTheKeyButNeverTheValue() {
    assertThatThrownBy(() -> FlagonConfig.fromMap(Map.of("SECRET_KEY", 987654321)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SECRET_KEY")
        .hasMessageNotContaining("987654321");
    assertThatThrownBy(() -> FlagonConfig.fromMap(withSecret("SECRET_KEY_FALLBACKS", List.of("ok", 987654321))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SECRET_KEY_FALLBACKS")
        .hasMessageNotContaining("987654321");
    assertThatThrownBy(() -> FlagonConfig.fromMap(withSecret("SECRET_KEY_FALLBACKS", "[\"s3cr3t\", 42")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SECRET_KEY_FALLBACKS")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void fromMap_fallbacksForms_listJsonArrayOrSingleString() {
    assertThat(FlagonConfig.fromMap(withSecret("SECRET_KEY_FALLBACKS", "[\"a\", \"b\"]",
        "SECRET_KEY_ALLOW_WEAK", true)).secretKeyFallbacks()).hasSize(2);
    assertThat(FlagonConfig.fromMap(withSecret("SECRET_KEY_FALLBACKS", "single",
        "SECRET_KEY_ALLOW_WEAK", "yes")).secretKeyFallbacks()).hasSize(1);
    Map<String, Object> none = withSecret();
    none.put("SECRET_KEY_FALLBACKS", null);
    assertThat(FlagonConfig.fromMap(none).secretKeyFallbacks()).isEmpty();
  }

  @Test
  void fromMap_bytesSecret_isUsedRaw() {
    FlagonConfig config = FlagonConfig.fromMap(Map.of("SECRET_KEY", new byte[] {0, (byte) 0xff, 'r', 'a', 'w'},
        "SECRET_KEY_ALLOW_WEAK", true));
    assertThat(signedUserId(config)).isEqualTo(SIGNED_BY_RAW_BYTES);
  }

  @Test
  void fromMap_flagonSigningNames_buildTheSigning() {
    FlagonConfig config = FlagonConfig.fromMap(withSecret(
        "SESSION_SALT", "my-salt", "SESSION_DIGEST", "sha256", "SESSION_KEY_DERIVATION", "django-concat"));
    assertThat(config.signing().salt()).isEqualTo("my-salt");
    assertThat(config.signing().digest()).isEqualTo(Digest.SHA256);
    assertThat(config.signing().keyDerivation()).isEqualTo(KeyDerivation.DJANGO_CONCAT);
    assertThat(signedUserId(config)).isEqualTo(SIGNED_SHA256_DJANGO_MY_SALT);
  }

  @Test
  void fromMap_oneSigningName_keepsTheOtherDefaults() {
    FlagonConfig config = FlagonConfig.fromMap(withSecret("SESSION_DIGEST", "sha512"));
    assertThat(config.signing().salt()).isEqualTo("cookie-session");
    assertThat(config.signing().digest()).isEqualTo(Digest.SHA512);
    assertThat(config.signing().keyDerivation()).isEqualTo(KeyDerivation.HMAC);
  }

  @Test
  void fromMap_badDigest_namesTheKey() {
    assertThatThrownBy(() -> FlagonConfig.fromMap(withSecret("SESSION_DIGEST", "md5")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SESSION_DIGEST");
    assertThatThrownBy(() -> FlagonConfig.fromMap(withSecret("SESSION_SIZE_POLICY", "ignore")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SESSION_SIZE_POLICY");
  }

  @Test
  void cookiePath_fallsBackToApplicationRootThenSlash() {
    assertThat(FlagonConfig.fromMap(withSecret("APPLICATION_ROOT", "/root")).cookiePath()).isEqualTo("/root");
    assertThat(FlagonConfig.fromMap(withSecret("APPLICATION_ROOT", "/root", "SESSION_COOKIE_PATH", ""))
        .cookiePath()).isEqualTo("/root");
    assertThat(FlagonConfig.fromMap(withSecret("APPLICATION_ROOT", "")).cookiePath()).isEqualTo("/");
  }

  @Test
  void build_unencodableDomain_failsNamingTheKey() {
    assertThatThrownBy(() -> FlagonConfig.fromMap(withSecret("SESSION_COOKIE_DOMAIN", "a..b")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("SESSION_COOKIE_DOMAIN");
  }

  @Test
  void fromEnvironment_prefixedVariables_areReadAsJsonLiteralsOrText() {
    Map<String, String> env = new HashMap<>();
    env.put("FLAGON_SECRET_KEY", "\"" + SECRET + "\"");
    env.put("FLAGON_SECRET_KEY_FALLBACKS", "[\"old-1\", \"old-2\"]");
    env.put("FLAGON_SECRET_KEY_ALLOW_WEAK", "true");
    env.put("FLAGON_PERMANENT_SESSION_LIFETIME", "3600");
    env.put("FLAGON_SESSION_COOKIE_SECURE", "true");
    env.put("FLAGON_SESSION_COOKIE_HTTPONLY", "no");
    env.put("FLAGON_SESSION_COOKIE_SAMESITE", "Lax");
    env.put("FLAGON_SESSION_COOKIE_DOMAIN", "null");
    env.put("FLAGON_SESSION_COOKIE_NAME", "\"quoted_name\"");
    env.put("FLAGON_MAX_COOKIE_SIZE", "0");
    env.put("SESSION_COOKIE_PATH", "/not-prefixed");
    env.put("FLAGON_UNKNOWN", "{not json");
    FlagonConfig config = FlagonConfig.fromEnvironment(env);
    assertThat(signedUserId(config)).isEqualTo(SIGNED_BY_HTTP_PUBLIC_SECRET);
    assertThat(config.secretKeyFallbacks()).hasSize(2);
    assertThat(config.permanentSessionLifetime()).isEqualTo(Duration.ofHours(1));
    assertThat(config.cookieSecure()).isTrue();
    assertThat(config.cookieHttpOnly()).isFalse();
    assertThat(config.cookieSameSite()).contains(SameSite.LAX);
    assertThat(config.cookieDomain()).isEmpty();
    assertThat(config.cookieName()).isEqualTo("quoted_name");
    assertThat(config.maxCookieSize()).isZero();
    assertThat(config.cookiePath()).isEqualTo("/");
  }

  @Test
  void fromEnvironment_numericLookingSecret_staysText() {
    FlagonConfig config = FlagonConfig.fromEnvironment(Map.of("FLAGON_SECRET_KEY", "12345",
        "FLAGON_SECRET_KEY_ALLOW_WEAK", "1"));
    assertThat(signedUserId(config)).isEqualTo(SIGNED_BY_12345);
  }

  @Test
  void fromEnvironment_isoLifetimeAndSingleFallback_areRawText() {
    FlagonConfig config = FlagonConfig.fromEnvironment(Map.of("FLAGON_SECRET_KEY", SECRET,
        "FLAGON_PERMANENT_SESSION_LIFETIME", "PT60M", "FLAGON_SECRET_KEY_FALLBACKS", "one-old-signing-key"));
    assertThat(config.permanentSessionLifetime()).isEqualTo(Duration.ofMinutes(60));
    assertThat(config.secretKeyFallbacks()).hasSize(1);
  }

  @Test
  void fromEnvironment_nullSecret_failsAtBuild() {
    assertThatThrownBy(() -> FlagonConfig.fromEnvironment(Map.of("FLAGON_SECRET_KEY", "null")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("openssl rand -hex 32");
  }

  @Test
  void fromEnvironment_badValue_namesTheKeyNotThePrefix() {
    assertThatThrownBy(() -> FlagonConfig.fromEnvironment(
        Map.of("FLAGON_SECRET_KEY", SECRET, "FLAGON_SESSION_REFRESH_EACH_REQUEST", "sometimes")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SESSION_REFRESH_EACH_REQUEST");
  }

  @Test
  void fromProperties_file_isReadWithFlaskNames(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("flagon.properties");
    Files.writeString(file, "SECRET_KEY=" + SECRET + "\nSESSION_COOKIE_SECURE=true\nSESSION_COOKIE_SAMESITE=None\n"
        + "PERMANENT_SESSION_LIFETIME=PT2H\nSESSION_COOKIE_DOMAIN=b\u00fccher.de\n", StandardCharsets.UTF_8);
    FlagonConfig config = FlagonConfig.fromProperties(file);
    assertThat(signedUserId(config)).isEqualTo(SIGNED_BY_HTTP_PUBLIC_SECRET);
    assertThat(config.cookieSecure()).isTrue();
    assertThat(config.cookieSameSite()).contains(SameSite.NONE);
    assertThat(config.permanentSessionLifetime()).isEqualTo(Duration.ofHours(2));
    assertThat(config.cookieDomain()).contains("b\u00fccher.de");
  }

  @Test
  void fromProperties_missingFile_throwsUncheckedIo(@TempDir Path dir) {
    assertThatThrownBy(() -> FlagonConfig.fromProperties(dir.resolve("absent.properties")))
        .isInstanceOf(java.io.UncheckedIOException.class);
  }

  @Test
  void recommended_setsSecureHttpOnlyLax() {
    FlagonConfig config = FlagonConfig.builder().secretKey(SECRET).cookieHttpOnly(false).recommended().build();
    assertThat(config.cookieSecure()).isTrue();
    assertThat(config.cookieHttpOnly()).isTrue();
    assertThat(config.cookieSameSite()).contains(SameSite.LAX);
  }

  @Test
  void toBuilder_copiesEverythingAndLeavesTheOriginalAlone() {
    FlagonConfig original = FlagonConfig.fromMap(withSecret("SESSION_COOKIE_NAME", "a", "MAX_COOKIE_SIZE", 100));
    FlagonConfig changed = original.toBuilder().cookieName("b").build();
    assertThat(changed.cookieName()).isEqualTo("b");
    assertThat(changed.maxCookieSize()).isEqualTo(100);
    assertThat(original.cookieName()).isEqualTo("a");
    assertThat(signedUserId(changed)).isEqualTo(SIGNED_BY_HTTP_PUBLIC_SECRET);
  }

  @Test
  void builder_changedAfterBuild_doesNotChangeTheBuiltConfig() {
    FlagonConfig.Builder builder = FlagonConfig.builder().secretKey(SECRET);
    FlagonConfig built = builder.build();
    builder.cookieName("other");
    assertThat(built.cookieName()).isEqualTo("session");
  }

  @Test
  void toString_neverShowsKeyMaterial() {
    FlagonConfig config = FlagonConfig.fromMap(withSecret("SECRET_KEY_FALLBACKS", List.of("old-Qz8#vR2!wK5$t")));
    assertThat(config.toString()).doesNotContain(SECRET).doesNotContain("old-Qz8#vR2!wK5$t")
        .contains("SESSION_COOKIE_NAME=session");
  }
}
