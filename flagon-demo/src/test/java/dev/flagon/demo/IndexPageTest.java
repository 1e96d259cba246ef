package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The home page shows the one control that fits: the login form when logged out, the logout link when in. */
class IndexPageTest {
  private static final Duration HOUR = Duration.ofMinutes(60);

  @Test
  void index_loggedOut_showsLoginFormOnly() {
    String page = DemoPages.index(null, List.of(), HOUR);

    assertThat(page).contains("Not logged in", "<form method=post action=\"/login\">", "remember me for 60 minutes")
        .doesNotContain("/logout", "Log out");
  }

  @Test
  void index_loggedIn_showsLogoutLinkOnly() {
    String page = DemoPages.index(12345, List.of(), HOUR);

    assertThat(page).contains("Logged in as user 12345", "<a href=\"/logout\">Log out</a>")
        .doesNotContain("<form", "action=\"/login\"", "remember me");
  }
}
