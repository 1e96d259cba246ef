package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One browser between the conformance server's /auth and /csrf routes and the same routes on real
 * Flask-Login 0.6.3 and Flask-WTF 1.3.0 (Flask 3.1.3), with one SECRET_KEY: each side reads the login,
 * the remember cookie and the CSRF tokens the other wrote.
 */
class LoginInteropIT {
  private static final String KEY = "\"SECRET_KEY\": \"live-login-test-key-0123456789\"";
  private static final String BASIC = "{" + KEY + "}";
  private static final String STRONG = "{" + KEY + ", \"SESSION_PROTECTION\": \"strong\"}";

  @TempDir Path dir;
  private final Browser browser = new Browser();

  /** The {@code config} member both servers start with: cookie sessions here, Redis in a subclass. */
  String config(String json) {
    return json;
  }

  /** Whether sessions are permanent by default (Flask-Session's SESSION_PERMANENT), which changes strong protection. */
  boolean permanentSessions() {
    return false;
  }

  private String whoami(String base) throws Exception {
    return browser.get(base + "/auth/whoami").body();
  }

  private static String login(String id, boolean remember) {
    return "/auth/login?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&remember=" + (remember ? 1 : 0);
  }

  @Test
  void loginOnFlask_isSeenFreshByJava() throws Exception {
    try (LoginServers servers = LoginServers.start(dir, config(BASIC))) {
      assertThat(browser.get(servers.flask() + login("alice", false)).body()).isEqualTo("ok");

      assertThat(whoami(servers.java())).isEqualTo("user alice fresh=true");
      assertThat(browser.get(servers.java() + "/auth/fresh").status()).isEqualTo(200);
    }
  }

  @ParameterizedTest(name = "remember-me login on {0}")
  @ValueSource(strings = {"java", "flask"})
  void rememberedLogin_sessionCookieDropped_isRestoredNotFreshByTheOtherSide(String side) throws Exception {
    try (LoginServers servers = LoginServers.start(dir, config(BASIC))) {
      String first = servers.url(side);
      String other = servers.otherThan(side);
      browser.get(first + login("bob|42 é", true));
      assertThat(browser.cookie("remember_token")).isNotNull();
      browser.cookie("session", null); // the browser was closed

      assertThat(whoami(other)).isEqualTo("user bob|42 é fresh=false");
      assertThat(browser.get(other + "/auth/fresh").status()).isEqualTo(401);
      assertThat(whoami(first)).as("the session the other side restored").isEqualTo("user bob|42 é fresh=false");
    }
  }

  @Test
  void rememberCookiesOfUnusualIds_restoreTheSameUserOnTheOtherSide() throws Exception {
    try (LoginServers servers = LoginServers.start(dir, config(BASIC))) {
      for (String id : List.of("", "|", "a|b|", "quote\" back\\slash; semi,colon", "é 中 😀", "x|é".repeat(700))) {
        for (String side : List.of("java", "flask")) {
          Browser fresh = new Browser();
          fresh.get(servers.url(side) + login(id, true));
          fresh.cookie("session", null);

          assertThat(fresh.get(servers.otherThan(side) + "/auth/whoami").body()).as("%s from %s", id, side)
              .isEqualTo("user " + id + " fresh=false");
        }
      }
    }
  }

  @Test
  void refreshEachRequest_javaSendsTheRememberCookieForAFlaskLogin_whichFlaskThenRestores() throws Exception {
    try (LoginServers servers = LoginServers.start(dir,
        config("{" + KEY + ", \"REMEMBER_COOKIE_REFRESH_EACH_REQUEST\": true}"))) {
      browser.get(servers.flask() + login("erin", false));
      browser.cookie("remember_token", null); // Flask-Login already refreshed it: start from Java's

      assertThat(whoami(servers.java())).isEqualTo("user erin fresh=true");
      assertThat(browser.cookie("remember_token")).as("set by Java's after_request").startsWith("erin|");
      browser.cookie("session", null);
      assertThat(whoami(servers.flask())).isEqualTo("user erin fresh=false");
    }
  }

  @ParameterizedTest(name = "logout on {0}")
  @ValueSource(strings = {"java", "flask"})
  void logoutOnEitherSide_leavesBothAnonymousWithTheRememberCookieGone(String side) throws Exception {
    try (LoginServers servers = LoginServers.start(dir, config(BASIC))) {
      String loginSide = servers.otherThan(side);
      String logoutSide = servers.url(side);
      browser.get(loginSide + login("carol", true));

      assertThat(browser.get(logoutSide + "/auth/logout").body()).isEqualTo("ok");

      assertThat(browser.cookie("remember_token")).isNull();
      assertThat(whoami(servers.java())).isEqualTo("anonymous");
      assertThat(whoami(servers.flask())).isEqualTo("anonymous");
    }
  }

  @ParameterizedTest(name = "login on {0}")
  @ValueSource(strings = {"java", "flask"})
  void strongProtection_changedUserAgent_logsOutOnBothSides(String side) throws Exception {
    try (LoginServers servers = LoginServers.start(dir, config(STRONG))) {
      String loginSide = servers.url(side);
      String otherSide = servers.otherThan(side);
      browser.get(loginSide + login("dave", true));
      assertThat(whoami(otherSide)).isEqualTo("user dave fresh=true");

      browser.userAgent("Stolen/2.0");
      if (permanentSessions()) { // Flask-Login's _session_protection_failed: strong acts as basic on them
        assertThat(whoami(otherSide)).isEqualTo("user dave fresh=false");
        assertThat(whoami(loginSide)).isEqualTo("user dave fresh=false");
        return;
      }
      assertThat(whoami(otherSide)).isEqualTo("anonymous");

      assertThat(browser.cookie("remember_token")).as("cleared by the side that saw the change").isNull();
      assertThat(whoami(loginSide)).isEqualTo("anonymous");
    }
  }

  @Test
  void csrfTokens_crossBothWays_andBadOnesFailWithTheSameMessage() throws Exception {
    try (LoginServers servers = LoginServers.start(dir, config(BASIC))) {
      String fromFlask = browser.get(servers.flask() + "/csrf/token").body();
      String fromJava = browser.get(servers.java() + "/csrf/token").body();

      assertThat(check(servers.java(), fromFlask, null)).isEqualTo("200 ok");
      assertThat(check(servers.flask(), fromJava, null)).isEqualTo("200 ok");
      String tampered = fromJava.substring(0, 3) + (fromJava.charAt(3) == 'A' ? 'B' : 'A') + fromJava.substring(4);
      for (String[] bad : new String[][] {{tampered, null}, {"", null}, {fromFlask + "x", null}}) {
        String java = check(servers.java(), bad[0], null);
        assertThat(java).startsWith("400 ").isEqualTo(check(servers.flask(), bad[0], null));
      }
    }
  }

  @ParameterizedTest(name = "minted on {0}")
  @ValueSource(strings = {"java", "flask"})
  void csrfToken_olderThanTheTimeLimit_failsAsExpiredOnBothSides(String side) throws Exception {
    try (LoginServers servers = LoginServers.start(dir, config(BASIC))) {
      long minted = 1_900_000_000L;
      String base = servers.url(side);
      String token = browser.get(base + "/csrf/token", Map.of("X-Test-Now", Long.toString(minted))).body();

      assertThat(check(servers.java(), token, minted + 3600)).isEqualTo("200 ok");
      assertThat(check(servers.flask(), token, minted + 3600)).isEqualTo("200 ok");
      assertThat(check(servers.java(), token, minted + 3601)).isEqualTo("400 The CSRF token has expired.");
      assertThat(check(servers.flask(), token, minted + 3601)).isEqualTo("400 The CSRF token has expired.");
    }
  }

  /** {@code /csrf/check} as "status body", at the given test time (or now). */
  private String check(String base, String token, Long at) throws Exception {
    Browser.Answer answer = browser.get(base + "/csrf/check?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
        at == null ? Map.of() : Map.of("X-Test-Now", Long.toString(at)));
    return answer.status() + " " + answer.body();
  }
}
