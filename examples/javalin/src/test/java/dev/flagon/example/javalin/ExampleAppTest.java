package dev.flagon.example.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleAppTest {

  @Test
  void port_noArguments_isFlasksDefault() {
    assertThat(ExampleApp.port()).isEqualTo(5000);
  }

  @Test
  void port_portOption_overridesDefault() {
    assertThat(ExampleApp.port("--port", "8080")).isEqualTo(8080);
    assertThat(ExampleApp.port("--port=0")).isZero();
  }

  @Test
  void port_invalidArguments_areRefusedWithUsage() {
    assertThatThrownBy(() -> ExampleApp.port("--port", "http")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> ExampleApp.port("--port", "70000")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExampleApp.port("--verbose")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("usage");
  }

  @Test
  void config_secretKeyVariable_isUsedWithFlasksOtherNames() {
    FlagonConfig config = ExampleApp.config(Map.of(
        "FLAGON_SECRET_KEY", "javalin-app-k3y-0123456789", "FLAGON_SESSION_COOKIE_NAME", "example_session"));

    assertThat(config.cookieName()).isEqualTo("example_session");
    assertThat(config.secretKey().length()).isEqualTo("javalin-app-k3y-0123456789".length());
  }

  @Test
  void config_noSecretKey_usesRandomKeyPerRun() {
    FlagonConfig first = ExampleApp.config(Map.of());
    FlagonConfig second = ExampleApp.config(Map.of("FLAGON_SECRET_KEY", ""));

    assertThat(first.secretKey().isEmpty()).isFalse();
    assertThat(loginCookie(first)).isNotEqualTo(loginCookie(second));
  }

  /** The cookie each configuration writes for the same session at the same instant. */
  private static String loginCookie(FlagonConfig config) {
    Flagon flagon =
        Flagon.create(config.toBuilder().clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).build());
    Session session = flagon.open(List.of());
    session.put("user_id", 12345);
    return flagon.save(session).setCookieHeaders().get(0);
  }
}
