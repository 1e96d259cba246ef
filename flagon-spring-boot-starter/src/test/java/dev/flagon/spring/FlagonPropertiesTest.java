package dev.flagon.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.SameSite;
import dev.flagon.SizePolicy;
import dev.flagon.spring.test.FlagonTestSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Every way of configuring Flagon reaches the core's one parser. */
class FlagonPropertiesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(FlagonAutoConfiguration.class))
      .withBean(FlagonConfigCustomizer.class, () -> builder -> builder.clock(CLOCK));

  @Test
  void flagonProperties_eachSet_reachFlagonConfig() {
    runner.withPropertyValues("flagon.secret-key=current-key-0123456789", "flagon.secret-key-fallbacks=older-key-0123456789,old-key-0123456789",
        "flagon.permanent-session-lifetime=3600", "flagon.refresh-each-request=false",
        "flagon.max-cookie-size=2000", "flagon.size-policy=warn", "flagon.cookie.name=app_session",
        "flagon.cookie.domain=example.com", "flagon.cookie.path=/app", "flagon.cookie.http-only=false",
        "flagon.cookie.secure=true", "flagon.cookie.same-site=strict", "flagon.cookie.partitioned=true")
        .run(context -> {
          FlagonConfig config = context.getBean(FlagonConfig.class);
          assertThat(config.permanentSessionLifetime()).isEqualTo(Duration.ofHours(1));
          assertThat(config.refreshEachRequest()).isFalse();
          assertThat(config.maxCookieSize()).isEqualTo(2000);
          assertThat(config.sizePolicy()).isEqualTo(SizePolicy.WARN);
          assertThat(config.cookieName()).isEqualTo("app_session");
          assertThat(config.cookieDomain()).contains("example.com");
          assertThat(config.cookiePath()).isEqualTo("/app");
          assertThat(config.cookieHttpOnly()).isFalse();
          assertThat(config.cookieSecure()).isTrue();
          assertThat(config.cookieSameSite()).contains(SameSite.STRICT);
          assertThat(config.cookiePartitioned()).isTrue();
          assertThat(config.secretKeyFallbacks()).hasSize(2);
          Flagon flagon = context.getBean(Flagon.class);
          assertThat(signedWith(flagon)).isEqualTo(signedWith(reference("current-key-0123456789")));
          assertThat(flagon.openCookieValue(signedWith(reference("old-key-0123456789"))).get("user_id")).isNotNull();
        });
  }

  @Test
  void flagonProperties_durationWithUnit_isParsedBySpring() {
    runner.withPropertyValues("flagon.secret-key=spring-test-key-0123456789", "flagon.permanent-session-lifetime=7d")
        .run(context -> assertThat(context.getBean(FlagonConfig.class).permanentSessionLifetime())
            .isEqualTo(Duration.ofDays(7)));
  }

  @Test
  void flaskNames_asProperties_areAccepted() {
    runner.withPropertyValues("SECRET_KEY=current-key-0123456789", "SECRET_KEY_FALLBACKS=[\"old-key-0123456789\"]",
        "PERMANENT_SESSION_LIFETIME=60", "SESSION_COOKIE_NAME=flask_session", "SESSION_COOKIE_SECURE=true",
        "SESSION_COOKIE_SAMESITE=Lax", "APPLICATION_ROOT=/root", "MAX_COOKIE_SIZE=0")
        .run(context -> {
          FlagonConfig config = context.getBean(FlagonConfig.class);
          assertThat(config.cookieName()).isEqualTo("flask_session");
          assertThat(config.cookieSecure()).isTrue();
          assertThat(config.cookieSameSite()).contains(SameSite.LAX);
          assertThat(config.cookiePath()).isEqualTo("/root");
          assertThat(config.permanentSessionLifetime()).isEqualTo(Duration.ofSeconds(60));
          assertThat(config.maxCookieSize()).isZero();
          Flagon flagon = context.getBean(Flagon.class);
          assertThat(signedWith(flagon)).isEqualTo(signedWith(reference("current-key-0123456789")));
          assertThat(flagon.openCookieValue(signedWith(reference("old-key-0123456789"))).get("user_id")).isNotNull();
        });
  }

  @Test
  void flaskNames_prefixedAndTyped_winInThatOrder() {
    runner.withPropertyValues("SECRET_KEY=bare-key-0123456789", "FLAGON_SECRET_KEY=prefixed-key-0123456789", "SESSION_COOKIE_NAME=bare",
        "FLAGON_SESSION_COOKIE_NAME=prefixed", "SESSION_COOKIE_PATH=/bare", "flagon.cookie.path=/typed")
        .run(context -> {
          FlagonConfig config = context.getBean(FlagonConfig.class);
          assertThat(config.cookieName()).isEqualTo("prefixed");
          assertThat(config.cookiePath()).isEqualTo("/typed");
          assertThat(signedWith(context.getBean(Flagon.class))).isEqualTo(signedWith(reference("prefixed-key-0123456789")));
        });
  }

  @Test
  void properties_toString_hidesTheSecretKey() {
    runner.withPropertyValues("flagon.secret-key=do-not-print-0123456789").run(context ->
        assertThat(context.getBean(FlagonProperties.class).toString()).doesNotContain("do-not-print-0123456789"));
  }

  private static Flagon reference(String secretKey) {
    return Flagon.create(FlagonConfig.builder().secretKey(secretKey).clock(CLOCK).build());
  }

  private static String signedWith(Flagon flagon) {
    return FlagonTestSessions.cookieValue(flagon, Map.of("user_id", 12345));
  }
}
