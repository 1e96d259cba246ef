package dev.flagon.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.testing.ReadmeSnippets;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagonTestSessionsTest {
  private final Flagon flagon =
      Flagon.create(FlagonConfig.builder().secretKey("spring-test-key-0123456789").cookieName("app_session").build());

  @Test
  void cookie_withData_opensToThatData() {
    Cookie cookie = FlagonTestSessions.cookie(flagon, Map.of("user_id", 12345, "theme", "dark"));

    assertThat(cookie.getName()).isEqualTo("app_session");
    assertThat(flagon.openCookieValue(cookie.getValue()).toMap())
        .containsEntry("user_id", 12345).containsEntry("theme", "dark");
  }

  @Test
  void cookieHeader_withData_opensAsARequestCookieHeader() {
    String header = FlagonTestSessions.cookieHeader(flagon, Map.of("user_id", 12345));

    assertThat(header).startsWith("app_session=");
    assertThat(flagon.open(header).get("user_id")).isEqualTo(12345);
  }

  @Test
  void cookieValue_emptyData_throwsSayingToSendNoCookie() {
    assertThatThrownBy(() -> FlagonTestSessions.cookieValue(flagon, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without one");
  }

  @Test
  void readmeDependencyRow_namesThisModulesClass() throws ClassNotFoundException {
    assertThat(ReadmeSnippets.importsOf("flagon-test")).containsExactly(FlagonTestSessions.class.getName());
    Class.forName(ReadmeSnippets.importsOf("flagon-test").get(0));
  }
}
