package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The /auth and /csrf routes' contract on every session implementation the conformance server offers in
 * this build (Flask's signed cookie, split cookies, the encrypted format): the routes only use the request's
 * {@code SessionLifecycle}, so each store behind the seam gets the same answers.
 */
class AuthRoutesIT {
  private static final String KEY = "\"SECRET_KEY\": \"auth-routes-test-key-0123456789\"";

  private static WebServer start(String extraConfig) throws Exception {
    return ConformanceServer.start(ConformanceSettings.of(JsonValues.parse("{\"config\": {" + KEY + extraConfig
        + "}}")), "127.0.0.1", 0, true);
  }

  private static String get(Browser browser, String url) throws Exception {
    Browser.Answer answer = browser.get(url);
    return answer.status() + (answer.status() == 200 || url.contains("/csrf/") ? " " + answer.body() : "");
  }

  @ParameterizedTest(name = "config {0}")
  @ValueSource(strings = {"", ", \"SESSION_SIZE_POLICY\": \"split\"", ", \"SESSION_FORMAT\": \"encrypted\""})
  void routes_answerTheirContract_onEverySessionImplementation(String extraConfig) throws Exception {
    try (WebServer server = start(extraConfig)) {
      String base = server.baseUrl();
      Browser browser = new Browser();
      assertThat(get(browser, base + "/auth/whoami")).isEqualTo("200 anonymous");
      assertThat(get(browser, base + "/auth/fresh")).isEqualTo("401");
      assertThat(get(browser, base + "/auth/login")).as("no id").isEqualTo("400");
      assertThat(get(browser, base + "/auth/login?id=u1&fresh=0")).isEqualTo("200 ok");
      assertThat(get(browser, base + "/auth/whoami")).isEqualTo("200 user u1 fresh=false");
      assertThat(get(browser, base + "/auth/fresh")).isEqualTo("401");
      assertThat(get(browser, base + "/auth/login?id=u2&remember=1")).isEqualTo("200 ok");
      assertThat(get(browser, base + "/auth/fresh")).isEqualTo("200 ok");
      browser.cookie("session", null);
      browser.cookie("session.1", null);
      assertThat(get(browser, base + "/auth/whoami")).isEqualTo("200 user u2 fresh=false");
      assertThat(get(browser, base + "/auth/logout")).isEqualTo("200 ok");
      assertThat(browser.cookie("remember_token")).isNull();
      assertThat(get(browser, base + "/auth/whoami")).isEqualTo("200 anonymous");

      String token = browser.get(base + "/csrf/token").body();
      assertThat(get(browser, base + "/csrf/check?token=" + token)).isEqualTo("200 ok");
      assertThat(get(browser, base + "/csrf/check")).isEqualTo("400 The CSRF token is missing.");
      browser.cookie("session", null);
      assertThat(get(browser, base + "/csrf/check?token=" + token))
          .isEqualTo("400 The CSRF session token is missing.");
      assertThat(get(browser, base + "/auth/other")).isEqualTo("404");
    }
  }

  @Test
  void routes_withoutASecretKey_areNotMounted() throws Exception {
    try (WebServer server = ConformanceServer.start(ConformanceSettings.of(JsonValues.parse("{\"config\": {}}")),
        "127.0.0.1", 0, false)) {
      assertThat(get(new Browser(), server.baseUrl() + "/auth/whoami")).isEqualTo("404");
    }
  }
}
