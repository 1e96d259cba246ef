package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The remember cookie over HTTP, as a browser holds it (quoted by Werkzeug's rules where the id needs it):
 * it restores exactly its user, ids with {@code |}, quotes, non-ASCII and thousands of characters included,
 * and every single-character change to it is anonymous, never a 500.
 */
class RememberCookieIT {
  private static WebServer server;

  @BeforeAll
  static void start() throws Exception {
    server = ConformanceServer.start(ConformanceSettings.of(JsonValues.parse(
        "{\"config\": {\"SECRET_KEY\": \"remember-cookie-test-key-0123\"}}")), "127.0.0.1", 0, false);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<String> ids() {
    return Stream.of("42", "user|42", "|", "a|b|", "", "é 中 😀", "quote\" back\\slash; semi,colon",
        "x|é".repeat(700));
  }

  @ParameterizedTest
  @MethodSource("ids")
  void rememberCookie_restoresItsUser_andEverySingleCharacterChangeIsAnonymous(String id) throws Exception {
    Browser browser = new Browser();
    browser.get(server.baseUrl() + "/auth/login?remember=1&id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    String cookie = browser.cookie("remember_token");
    browser.cookie("session", null);
    assertThat(whoami(browser, cookie)).isEqualTo("200 user " + id + " fresh=false");

    // Every position of the digest and of a short id; a sample of a long one.
    int digestStart = cookie.lastIndexOf('|');
    int step = digestStart > 200 ? 37 : 1;
    for (int i = 0; i < cookie.length(); i += i < digestStart ? step : 1) {
      char c = cookie.charAt(i);
      int hex = Character.digit(c, 16);
      char replacement = hex >= 0 ? Character.forDigit((hex + 1) % 16, 16) : c == 'x' ? 'y' : 'x';
      String changed = cookie.substring(0, i) + replacement + cookie.substring(i + 1);
      assertThat(whoami(browser, changed)).as("[%d] %s -> %s", i, c, replacement).isEqualTo("200 anonymous");
    }
  }

  /** {@code /auth/whoami} with only this remember cookie, as "status body". */
  private static String whoami(Browser browser, String rememberCookie) throws Exception {
    browser.cookie("session", null);
    browser.cookie("remember_token", rememberCookie);
    Browser.Answer answer = browser.get(server.baseUrl() + "/auth/whoami");
    return answer.status() + " " + answer.body();
  }
}
