package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.FlagonConfig;
import dev.flagon.SizePolicy;
import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConformanceSettingsTest {

  private static ConformanceSettings settings(String json) throws Exception {
    return ConformanceSettings.of(JsonValues.parse(json));
  }

  @Test
  void flagonConfig_flowConfig_mapsFlaskNamesSigningAndWarnPolicy() throws Exception {
    ConformanceSettings settings = settings("""
        {"config": {"SECRET_KEY": "k", "SECRET_KEY_FALLBACKS": [{"type": "bytes", "base64": "AAE="}, "old"],
                    "PERMANENT_SESSION_LIFETIME": 3600, "SESSION_COOKIE_NAME": "myapp_session",
                    "SESSION_COOKIE_DOMAIN": null, "SESSION_COOKIE_SAMESITE": null,
                    "SESSION_REFRESH_EACH_REQUEST": false, "MAX_COOKIE_SIZE": 100},
         "signing": {"salt": "s", "digest": "sha256", "key_derivation": "django-concat"}}""");

    FlagonConfig config = settings.flagonConfig(Clock.systemUTC());

    assertThat(settings.sessionsDisabled()).isFalse();
    assertThat(config.secretKey().length()).isEqualTo(1);
    assertThat(config.secretKeyFallbacks()).hasSize(2);
    assertThat(config.secretKeyFallbacks().get(0).length()).isEqualTo(2);
    assertThat(config.permanentSessionLifetime()).isEqualTo(Duration.ofHours(1));
    assertThat(config.cookieName()).isEqualTo("myapp_session");
    assertThat(config.cookieDomain()).isEmpty();
    assertThat(config.cookieSameSite()).isEmpty();
    assertThat(config.refreshEachRequest()).isFalse();
    assertThat(config.maxCookieSize()).isEqualTo(100);
    assertThat(config.sizePolicy()).isEqualTo(SizePolicy.WARN);
    assertThat(config.signing().salt()).isEqualTo("s");
    assertThat(config.signing().digest()).isEqualTo(Digest.SHA256);
    assertThat(config.signing().keyDerivation()).isEqualTo(KeyDerivation.DJANGO_CONCAT);
  }

  @Test
  void sessionsDisabled_nullOrEmptyKey_isTrue() throws Exception {
    assertThat(settings("{\"config\": {\"SECRET_KEY\": null}}").sessionsDisabled()).isTrue();
    assertThat(settings("{\"config\": {\"SECRET_KEY\": \"\"}}").sessionsDisabled()).isTrue();
    assertThat(settings("{\"config\": {\"SECRET_KEY\": {\"type\": \"bytes\", \"base64\": \"\"}}}")
        .sessionsDisabled()).isTrue();
    assertThat(settings("{\"config\": {}}").sessionsDisabled()).isTrue();
  }

  @Test
  void indexUrl_applicationRoot_prefixesSlashAsUrlFor() throws Exception {
    assertThat(settings("{\"config\": {\"SECRET_KEY\": \"k\"}}").indexUrl()).isEqualTo("/");
    assertThat(settings("{\"config\": {\"APPLICATION_ROOT\": \"/\"}}").indexUrl()).isEqualTo("/");
    assertThat(settings("{\"config\": {\"APPLICATION_ROOT\": \"/app\"}}").indexUrl()).isEqualTo("/app/");
    assertThat(settings("{\"config\": {\"APPLICATION_ROOT\": \"/app/\"}}").indexUrl()).isEqualTo("/app/");
  }

  @Test
  void of_configMissing_throws() {
    assertThatThrownBy(() -> settings("{\"signing\": {}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("config");
  }

  @Test
  void of_badSecretShape_throwsNamingKey() {
    assertThatThrownBy(() -> settings("{\"config\": {\"SECRET_KEY\": 42}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SECRET_KEY");
  }
}
