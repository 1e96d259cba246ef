package dev.flagon.example.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.LivePython;
import dev.flagon.testing.ServerProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The example against real Flask-Login 0.6.3 and Flask-WTF 1.3.0 (flask_app.py, same SECRET_KEY), over
 * HTTP with one cookie jar: a Flask login reaches a {@code @PreAuthorize} endpoint; a form Flask rendered
 * posts to Spring with Spring's CSRF protection on, and a Spring-rendered one to Flask; a forged or missing
 * token is refused; Spring Security's logout leaves Flask anonymous.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "SECRET_KEY=" + FlaskInteropTest.KEY)
class FlaskInteropTest {
  static final String KEY = "f3a9c1e07b5d42e8a6c4b1d9e2f07a35";
  private static final Pattern TOKEN = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
  private static ServerProcess flask;
  private static String flaskUrl;

  @LocalServerPort int port;
  private String spring;
  private Browser browser;

  @BeforeAll
  static void startFlask() throws Exception {
    String python = LivePython.require("flask_login", "flask_wtf");
    flask = ServerProcess.start(List.of(python, Path.of("flask_app.py").toAbsolutePath().toString(), "--port", "0"),
        Map.of("SECRET_KEY", KEY), Path.of("target", "flask_app.log"), Duration.ofSeconds(30));
    flaskUrl = flask.baseUrl();
  }

  @AfterAll
  static void stopFlask() {
    if (flask != null) {
      flask.close();
    }
  }

  @BeforeEach
  void newBrowser() {
    spring = "http://127.0.0.1:" + port;
    browser = new Browser();
  }

  @Test
  void flaskLogin_admin_reachesThePreAuthorizeEndpointFresh() throws Exception {
    HttpResponse<String> anonymous = browser.get(spring + "/admin");
    assertThat(anonymous.statusCode()).isEqualTo(403);
    assertThat(anonymous.headers().allValues("Set-Cookie")).as("no servlet session beside Flask's").isEmpty();
    assertThat(browser.get(flaskUrl + "/login?id=alice").body()).isEqualTo("ok");

    HttpResponse<String> admin = browser.get(spring + "/admin");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).isEqualTo("Hello admin alice");
    assertThat(browser.get(spring + "/fresh").body()).isEqualTo("fresh alice");
  }

  @Test
  void flaskLogin_withoutTheRole_is403() throws Exception {
    browser.get(flaskUrl + "/login?id=bob");

    assertThat(browser.get(spring + "/admin").statusCode()).isEqualTo(403);
    assertThat(browser.get(spring + "/me").body()).isEqualTo("bob");
  }

  @Test
  void flaskRememberMe_sessionDropped_restoredNotFreshOnSpringAndSeenByFlask() throws Exception {
    browser.get(flaskUrl + "/login?id=alice&remember=1");
    assertThat(browser.cookies).containsKey("remember_token");
    browser.cookies.remove("session");

    assertThat(browser.get(spring + "/me").body()).isEqualTo("alice");
    assertThat(browser.get(spring + "/fresh").statusCode()).isEqualTo(403); // fresh_login_required's answer
    assertThat(browser.get(flaskUrl + "/whoami").body()).isEqualTo("user alice fresh=false");
  }

  @Test
  void flaskForm_postedToSpring_passesSpringsCsrfProtection() throws Exception {
    browser.get(flaskUrl + "/login?id=alice");
    String token = token(browser.get(flaskUrl + "/form").body());

    HttpResponse<String> saved = browser.post(spring + "/notes", Map.of("csrf_token", token, "text", "hi"));
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).isEqualTo("saved on Spring: hi");
  }

  @Test
  void springForm_postedToFlask_passesFlaskWtf() throws Exception {
    String token = token(browser.get(spring + "/form").body());

    HttpResponse<String> saved = browser.post(flaskUrl + "/notes", Map.of("csrf_token", token, "text", "hi"));
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).isEqualTo("saved on Flask: hi");
  }

  @Test
  void postToSpring_missingOrForgedToken_is403() throws Exception {
    String token = token(browser.get(flaskUrl + "/form").body());
    // The signature's last character but one: its six bits all count (Flask ignores the last one's low bits).
    int at = token.length() - 2;
    String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);

    assertThat(browser.post(spring + "/notes", Map.of("text", "hi")).statusCode()).isEqualTo(403);
    assertThat(browser.post(spring + "/notes", Map.of("csrf_token", forged, "text", "hi")).statusCode())
        .isEqualTo(403);
    Browser other = new Browser(); // a token of another session
    assertThat(other.post(spring + "/notes", Map.of("csrf_token", token)).statusCode()).isEqualTo(403);
    // and Flask refuses the forged one too
    assertThat(browser.post(flaskUrl + "/notes", Map.of("csrf_token", forged)).statusCode()).isEqualTo(400);
  }

  @Test
  void springLogout_afterRememberedFlaskLogin_leavesFlaskAnonymous() throws Exception {
    browser.get(flaskUrl + "/login?id=alice&remember=1");
    String token = token(browser.get(spring + "/form").body());

    HttpResponse<String> logout = browser.post(spring + "/logout", Map.of("csrf_token", token));

    assertThat(logout.statusCode()).isEqualTo(200);
    assertThat(logout.headers().allValues("Set-Cookie"))
        .contains("remember_token=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/");
    assertThat(browser.cookies).doesNotContainKey("remember_token");
    assertThat(browser.get(flaskUrl + "/whoami").body()).isEqualTo("anonymous");
    assertThat(browser.get(spring + "/me").statusCode()).isEqualTo(403);
  }

  private static String token(String html) {
    Matcher matcher = TOKEN.matcher(html);
    assertThat(matcher.find()).as("a csrf_token field in %s", html).isTrue();
    return matcher.group(1);
  }
}
