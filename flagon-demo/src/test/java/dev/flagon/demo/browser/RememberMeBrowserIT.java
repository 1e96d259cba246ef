package dev.flagon.demo.browser;

import static dev.flagon.demo.browser.DemoPage.LOGGED_IN;
import static dev.flagon.demo.browser.DemoPage.NOT_LOGGED_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * "Remember me for 60 minutes" in a real browser: a permanent session's cookie carries {@code Expires} and
 * outlives the browser, a plain one is "deleted once the browser window closes" (Flask's words), and the
 * server refuses a permanent session once its 60 minutes are over.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RememberMeBrowserIT extends DemoBrowserTest {
  private static final Duration LIFETIME = Duration.ofMinutes(60);

  @Test
  void rememberedLogin_browserRestartedWithSameProfile_staysLoggedIn() throws Exception {
    page.logIn(true);
    assertThat(Chromium.cookie(driver, siteUrl(), COOKIE)).containsEntry("session", false);

    restartBrowser();

    assertThat(page.open().text()).contains(LOGGED_IN);
  }

  @Test
  void plainLogin_browserRestartedWithSameProfile_isLoggedOut() throws Exception {
    page.logIn(false);
    assertThat(Chromium.cookie(driver, siteUrl(), COOKIE)).containsEntry("session", true);

    restartBrowser();

    assertThat(Chromium.cookies(driver, siteUrl())).as("cookies after the restart").isEmpty();
    assertThat(page.open().text()).contains(NOT_LOGGED_IN).doesNotContain(LOGGED_IN);
  }

  @Test
  void rememberedLogin_cookie_expiresSixtyMinutesAhead() {
    Instant loggedInAt = Instant.now();
    page.logIn(true);

    Map<String, Object> cookie = Chromium.cookie(driver, siteUrl(), COOKIE);
    assertThat(cookie).containsEntry("session", false);
    double expires = ((Number) cookie.get("expires")).doubleValue();
    assertThat(expires).as("Expires, in seconds since the epoch")
        .isCloseTo(loggedInAt.plus(LIFETIME).getEpochSecond(), within(60.0));
  }

  @Test
  void rememberedLogin_serverClock59MinutesLater_staysLoggedIn() {
    page.logIn(true);

    serverClock.advance(Duration.ofMinutes(59));

    assertThat(page.reload().text()).contains(LOGGED_IN);
  }

  @Test
  void rememberedLogin_serverClock61MinutesLater_isLoggedOut() {
    page.logIn(true);

    serverClock.advance(Duration.ofMinutes(61));

    assertThat(Chromium.cookie(driver, siteUrl(), COOKIE))
        .as("the browser, whose clock did not move, still sends the cookie")
        .containsEntry("session", false);
    assertThat(page.reload().text()).contains(NOT_LOGGED_IN).doesNotContain(LOGGED_IN);
  }
}
