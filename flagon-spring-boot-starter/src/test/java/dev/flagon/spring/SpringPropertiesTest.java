package dev.flagon.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.SameSite;
import dev.flagon.SizePolicy;
import dev.flagon.encrypted.EncryptedFormats;
import dev.flagon.test.FlagonTestSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Every way of configuring Flagon reaches the core's one parser. */
class SpringPropertiesTest {
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
  void startupFailure_weakKeyOrMistypedKeyProperty_neverShowsTheKey() {
    runner.withPropertyValues("flagon.secret-key=do-not-print").run(context -> assertThat(context)
        .getFailure().rootCause().hasMessageContaining("SECRET_KEY").hasMessageNotContaining("do-not-print"));
    runner.withPropertyValues("flagon.secret-kee=do-not-print-0123456789").run(context -> assertThat(context)
        .getFailure().rootCause().hasMessageContaining("flagon.secret-key")
        .hasMessageNotContaining("do-not-print"));
  }

  @Test
  void flagonProperties_everyRowByItsSpringName_reachFlagonConfig() {
    runner.withPropertyValues("flagon.secret-key=current-key-0123456789", "flagon.application-root=/root",
        "flagon.max-chunks=8", "flagon.size-policy=split", "flagon.signing.salt=my-salt",
        "flagon.signing.digest=sha256", "flagon.signing.key-derivation=django-concat",
        "flagon.format=encrypted",
        "flagon.encryption-compress=true", "flagon.reissue-on-fallback=yes", "flagon.secret-key-allow-weak=1")
        .run(context -> {
          FlagonConfig config = context.getBean(FlagonConfig.class);
          assertThat(config.cookiePath()).isEqualTo("/root");
          assertThat(config.maxChunks()).isEqualTo(8);
          assertThat(config.signing())
              .hasToString("Signing[salt=my-salt, digest=sha256, keyDerivation=django-concat]");
          assertThat(config.sessionFormat()).isEqualTo(EncryptedFormats.ENCRYPTED);
          assertThat(config.get(EncryptedFormats.SESSION_ENCRYPTION_COMPRESS)).isTrue();
          assertThat(config.reissueOnFallback()).isTrue();
          assertThat(config.allowsWeakSecretKey()).isTrue();
        });
  }

  @Test
  void secretKeyFallbacks_springListForms_areEachAList() {
    for (String[] properties : new String[][] {
        {"flagon.secret-key-fallbacks=old-key-0123456789,older-key-0123456789"},
        {"flagon.secret-key-fallbacks[0]=old-key-0123456789",
            "flagon.secret-key-fallbacks[1]=older-key-0123456789"},
        {"flagon.secret-key-fallbacks=[\"old-key-0123456789\", \"older-key-0123456789\"]"}}) {
      runner.withPropertyValues("flagon.secret-key=current-key-0123456789").withPropertyValues(properties)
          .run(context -> {
            Flagon flagon = context.getBean(Flagon.class);
            assertThat(flagon.config().secretKeyFallbacks()).as("%s", (Object) properties).hasSize(2);
            assertThat(flagon.openCookieValue(signedWith(reference("older-key-0123456789"))).get("user_id"))
                .isNotNull();
          });
    }
  }

  @Test
  void httpSessionView_bySpringOrFlagonName_turnsTheViewOn() {
    for (String property : new String[] {"flagon.http-session-view=true", "FLAGON_HTTP_SESSION_VIEW=on"}) {
      runner.withPropertyValues("flagon.secret-key=current-key-0123456789", property).run(context ->
          assertThat(context.getBean(FlagonAutoConfiguration.FILTER_REGISTRATION_BEAN,
              org.springframework.boot.web.servlet.FilterRegistrationBean.class).getFilter())
              .as(property).extracting("httpSessionView").isEqualTo(true));
    }
    runner.withPropertyValues("flagon.secret-key=current-key-0123456789", "flagon.http-session-view=maybe")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageStartingWith("HTTP_SESSION_VIEW must be true or false"));
  }

  @Test
  void unknownFlagonProperty_yamlIndexedOrRelaxedForms_ofKnownOnesAreAccepted() {
    runner.withPropertyValues("flagon.secret-key=current-key-0123456789", "flagon.cookie.sameSite=Lax",
        "flagon.cookie.HTTP-ONLY=false", "flagon.enabled=true")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(FlagonConfig.class).cookieSameSite()).contains(SameSite.LAX);
          assertThat(context.getBean(FlagonConfig.class).cookieHttpOnly()).isFalse();
        });
  }

  /** Spring maps FLAGON_SECRET_KEY to flagon.secret.key: variables are read by name, never refused. */
  @Test
  void environmentVariables_flagonAndRelaxedNames_areReadNotRefused() {
    Map<String, Object> variables = Map.of("FLAGON_SECRET_KEY", "environment-key-0123456789",
        "FLAGON_SESSION_COOKIE_NAME", "from_environment", "FLAGON_COOKIE_SECURE", "true",
        "FLAGON_UNRELATED", "x");
    runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
        new SystemEnvironmentPropertySource("systemEnvironment", variables))).run(context -> {
          assertThat(context).hasNotFailed();
          FlagonConfig config = context.getBean(FlagonConfig.class);
          assertThat(config.cookieName()).isEqualTo("from_environment");
          assertThat(config.cookieSecure()).isTrue(); // Spring's relaxed form of flagon.cookie.secure
          assertThat(signedWith(context.getBean(Flagon.class)))
              .isEqualTo(signedWith(reference("environment-key-0123456789")));
        });
  }

  @Test
  void unknownFlagonProperty_farFromEveryName_isRefusedWithoutAGuess() {
    runner.withPropertyValues("flagon.secret-key=current-key-0123456789", "flagon.zzzzzzzzzzzzzzzzzzz=1")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("flagon.zzzzzzzzzzzzzzzzzzz").hasMessageNotContaining("Did you mean"));
  }

  /** Issue 11, item 4: Flask names in Spring skipped the JSON-literal step, so null was the domain "null". */
  @Test
  void flaskNames_nullLiteral_unsetsAsTheEnvironmentDoes() {
    runner.withPropertyValues("flagon.secret-key=spring-test-key-0123456789", "SESSION_COOKIE_DOMAIN=null",
        "FLAGON_SESSION_COOKIE_SAMESITE=null")
        .run(context -> {
          FlagonConfig config = context.getBean(FlagonConfig.class);
          assertThat(config.cookieDomain()).isEmpty();
          assertThat(config.cookieSameSite()).isEmpty();
        });
  }

  /** Issue 11, item 6: a user's --flagon.session-cookie-secure=true was silently ignored. */
  @Test
  void unknownFlagonProperty_failsAtStartupNamingTheClosestKnownOne() {
    runner.withPropertyValues("flagon.secret-key=spring-test-key-0123456789",
        "flagon.session-cookie-secure=true").run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().hasMessage("Unknown property"
              + " flagon.session-cookie-secure: Flagon has no such setting. Did you mean flagon.cookie.secure"
              + " (SESSION_COOKIE_SECURE)? Every flagon.* property is in the README's settings table.");
          assertThat(new InvalidFlagonConfigurationException.Analyzer().analyze(context.getStartupFailure()).getAction())
              .isEqualTo(InvalidFlagonConfigurationException.Analyzer.OTHER_ACTION);
        });
  }

  private static Flagon reference(String secretKey) {
    return Flagon.create(FlagonConfig.builder().secretKey(secretKey).clock(CLOCK).build());
  }

  private static String signedWith(Flagon flagon) {
    return FlagonTestSessions.cookieValue(flagon, Map.of("user_id", 12345));
  }
}
