package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.SameSite;
import dev.flagon.Session;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoAppTest {

  @Test
  void configFromEnvironment_noKey_usesRandomKeyAndDemoDefaults() {
    FlagonConfig config = DemoApp.configFromEnvironment(Map.of("PATH", "/bin"));
    FlagonConfig recommended = FlagonConfig.builder().secretKey("demo-app-test-secret-key").recommended().build();

    assertThat(config.secretKey().length()).as("32 random bytes as hex text").isEqualTo(64);
    assertThat(config.permanentSessionLifetime()).isEqualTo(Duration.ofMinutes(60));
    assertThat(config.cookieSecure()).isTrue().isEqualTo(recommended.cookieSecure());
    assertThat(config.cookieHttpOnly()).isTrue().isEqualTo(recommended.cookieHttpOnly());
    assertThat(config.cookieSameSite()).contains(SameSite.LAX).isEqualTo(recommended.cookieSameSite());
  }

  @Test
  void configFromEnvironment_randomKeys_differPerRun() {
    Flagon first = Flagon.create(DemoApp.configFromEnvironment(Map.of()));
    Flagon second = Flagon.create(DemoApp.configFromEnvironment(Map.of("FLAGON_SECRET_KEY", "")));
    Session session = first.open();
    session.put("user_id", 12345);
    String cookie = first.save(session).setCookieHeaders().get(0).split(";")[0];

    assertThat(first.open(cookie).get("user_id")).isEqualTo(12345);
    assertThat(second.open(cookie).isEmpty()).isTrue();
  }

  @Test
  void configFromEnvironment_flagonVariables_overrideDemoDefaults() {
    FlagonConfig config = DemoApp.configFromEnvironment(Map.of(
        "FLAGON_SECRET_KEY", "from-the-environment-0123",
        "FLAGON_SESSION_COOKIE_NAME", "demo_session",
        "FLAGON_SESSION_COOKIE_SECURE", "false",
        "SESSION_COOKIE_NAME", "ignored-without-prefix"));

    assertThat(config.secretKey().length()).isEqualTo("from-the-environment-0123".length());
    assertThat(config.cookieName()).isEqualTo("demo_session");
    assertThat(config.cookieSecure()).isFalse();
  }
}
