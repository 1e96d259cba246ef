package dev.flagon.demo.browser;

import static dev.flagon.demo.browser.DemoPage.FLASH_LOGGED_IN;
import static dev.flagon.demo.browser.DemoPage.FLASH_LOGGED_OUT;
import static dev.flagon.demo.browser.DemoPage.LOGGED_IN;
import static dev.flagon.demo.browser.DemoPage.NOT_LOGGED_IN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.Cookie;

/** Logging in and out of the demo in a real browser, and what the browser does with the cookie. */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoginBrowserIT extends DemoBrowserTest {

  @Test
  void loginForm_submitted_showsLoggedInUser() {
    assertThat(page.open().text()).contains(NOT_LOGGED_IN);

    page.logIn(false);

    assertThat(page.text()).contains(LOGGED_IN).contains(FLASH_LOGGED_IN);
  }

  @Test
  void logout_afterLogin_showsNotLoggedIn() {
    page.logIn(false);

    page.logOut();

    assertThat(page.waitUntilShows(FLASH_LOGGED_OUT).text())
        .contains(NOT_LOGGED_IN)
        .doesNotContain(LOGGED_IN);
    assertThat(page.open().text()).contains(NOT_LOGGED_IN);
  }

  @Test
  void sessionCookie_afterLogin_isHttpOnlySecureLaxAndHiddenFromScripts() {
    page.logIn(false);

    Cookie cookie = driver.manage().getCookieNamed(COOKIE);
    assertThat(cookie).as("the browser holds the session cookie").isNotNull();
    assertThat(cookie.isHttpOnly()).as("HttpOnly").isTrue();
    assertThat(cookie.isSecure()).as("Secure").isTrue();
    assertThat(cookie.getSameSite()).as("SameSite").isEqualTo("Lax");
    assertThat(cookie.getPath()).isEqualTo("/");
    assertThat(cookie.getExpiry()).as("a plain login's cookie ends with the browser session").isNull();
    assertThat((String) driver.executeScript("return document.cookie"))
        .as("document.cookie").doesNotContain(COOKIE + "=").doesNotContain(cookie.getValue());
  }

  @Test
  void sessionCookie_payloadTampered_logsUserOut() {
    page.logIn(false);
    Map<String, Object> cookie = Chromium.cookie(driver, siteUrl(), COOKIE);
    String value = (String) cookie.get("value");
    String tampered = flipPayloadCharacter(value);

    Chromium.replaceValue(driver, siteUrl(), cookie, tampered);
    assertThat(Chromium.cookie(driver, siteUrl(), COOKIE))
        .as("the browser now holds only the tampered cookie, still HttpOnly")
        .containsEntry("value", tampered)
        .containsEntry("httpOnly", true);

    assertThat(page.reload().text()).contains(NOT_LOGGED_IN).doesNotContain(LOGGED_IN);
  }

  /**
   * Changes one character of the signed payload (the part before the timestamp; a compressed payload
   * starts with a dot, which stays) to another base64url character, keeping the timestamp and signature.
   */
  static String flipPayloadCharacter(String cookieValue) {
    int index = cookieValue.startsWith(".") ? 1 : 0;
    char original = cookieValue.charAt(index);
    char replacement = original == 'e' ? 'f' : 'e';
    String tampered = cookieValue.substring(0, index) + replacement + cookieValue.substring(index + 1);
    assertThat(tampered.split("\\.", -1)).as("still three dot-separated parts").hasSameSizeAs(
        cookieValue.split("\\.", -1));
    return tampered;
  }
}
