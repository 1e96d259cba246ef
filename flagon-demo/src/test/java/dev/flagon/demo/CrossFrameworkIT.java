package dev.flagon.demo;

import static dev.flagon.demo.TestHttp.cookiePair;
import static dev.flagon.demo.TestHttp.onlySetCookie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flagon.testing.Subprocess;
import dev.flagon.testing.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live interop: the demo and a Flask 3.1 app with the same routes, key and settings
 * ({@code flask_app.py}) share one session cookie. Whatever one server writes, the other reads.
 *
 * <p>Needs {@code python3} with Flask. When it is missing the test is skipped, except on CI (the
 * {@code CI} environment variable is set), where it fails: interop must never silently stop being tested.
 */
class CrossFrameworkIT {
  private static final String SECRET = "cross-framework-secret";

  @TempDir static Path dir;
  private static ServerProcess flask;
  private static WebServer demo;

  @BeforeAll
  static void startBothServers() throws Exception {
    requireFlask();
    Path app = dir.resolve("flask_app.py");
    try (InputStream source = CrossFrameworkIT.class.getResourceAsStream("/flask_app.py")) {
      Files.copy(source, app);
    }
    flask = ServerProcess.start(List.of("python3", app.toString(), "--port", "0"),
        Map.of("FLAGON_SECRET_KEY", SECRET, "PYTHONDONTWRITEBYTECODE", "1"),
        Path.of("target", "flask_app.log"), Duration.ofSeconds(30));
    demo = DemoApp.start(DemoApp.configFromEnvironment(Map.of("FLAGON_SECRET_KEY", SECRET)), 0);
  }

  @AfterAll
  static void stopBothServers() throws Exception {
    if (flask != null) {
      flask.close();
    }
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void loginOnFlask_sentToDemo_isLoggedInWithFlash() throws Exception {
    String cookie = cookiePair(onlySetCookie(get(flask.baseUrl(), "/login", null)));

    assertThat(get(demo.baseUrl(), "/", cookie).body())
        .contains("Logged in as user 12345", "You are logged in");
  }

  @Test
  void loginOnDemo_sentToFlask_isLoggedInWithFlash() throws Exception {
    String cookie = cookiePair(onlySetCookie(get(demo.baseUrl(), "/login", null)));

    assertThat(get(flask.baseUrl(), "/", cookie).body())
        .contains("Logged in as user 12345", "You are logged in");
  }

  @Test
  void logoutOnFlask_ofDemoLogin_isSeenByBoth() throws Exception {
    String loggedIn = cookiePair(onlySetCookie(get(demo.baseUrl(), "/login", null)));
    String loggedOut = cookiePair(onlySetCookie(get(flask.baseUrl(), "/logout", loggedIn)));

    assertLoggedOut(get(demo.baseUrl(), "/", loggedOut));
    assertLoggedOut(get(flask.baseUrl(), "/", loggedOut));
  }

  @Test
  void logoutOnDemo_ofFlaskLogin_isSeenByBoth() throws Exception {
    String loggedIn = cookiePair(onlySetCookie(get(flask.baseUrl(), "/login", null)));
    String loggedOut = cookiePair(onlySetCookie(get(demo.baseUrl(), "/logout", loggedIn)));

    assertLoggedOut(get(flask.baseUrl(), "/", loggedOut));
    assertLoggedOut(get(demo.baseUrl(), "/", loggedOut));
  }

  @Test
  void rememberMeOnDemo_sentToFlask_staysPermanent() throws Exception {
    HttpResponse<String> login = TestHttp.postForm(demo.baseUrl() + "/login", "remember=on", null);
    String cookie = cookiePair(onlySetCookie(login));

    // Flask refreshes a permanent session on every response, with a new Expires.
    HttpResponse<String> index = get(flask.baseUrl(), "/", cookie);

    assertThat(index.body()).contains("Logged in as user 12345");
    assertThat(onlySetCookie(index))
        .contains("; Expires=")
        .endsWith("; Secure; HttpOnly; Path=/; SameSite=Lax");
  }

  @Test
  void tamperedFlaskCookie_sentToDemo_isRejected() throws Exception {
    String cookie = cookiePair(onlySetCookie(get(flask.baseUrl(), "/login", null)));
    // Change one signature character that carries only data bits (the last one also holds padding).
    int at = cookie.length() - 10;
    char changed = cookie.charAt(at) == 'A' ? 'B' : 'A';
    String tampered = cookie.substring(0, at) + changed + cookie.substring(at + 1);

    HttpResponse<String> answer = get(demo.baseUrl(), "/", tampered);
    assertThat(answer.body())
        .as("the demo at %s answered %s %s for the tampered cookie %s (from %s)", demo.baseUrl(),
            answer.statusCode(), answer.headers().map(), tampered, cookie)
        .contains("Not logged in");
  }

  private static void assertLoggedOut(HttpResponse<String> index) {
    assertThat(index.body())
        .contains("Not logged in", "You are logged out")
        .doesNotContain("Logged in as user");
  }

  private static HttpResponse<String> get(String baseUrl, String path, String cookie) throws Exception {
    return TestHttp.get(baseUrl + path, cookie);
  }

  private static void requireFlask() throws Exception {
    String problem = flaskProblem();
    if (problem == null) {
      return;
    }
    if (System.getenv("CI") != null) {
      fail("CI must run the Flask interop tests, but " + problem);
    }
    Assumptions.assumeTrue(false, "skipped: " + problem);
  }

  // null when python3 can import Flask 3.1.
  private static String flaskProblem() {
    try {
      Subprocess.Result check = Subprocess.run("python3", new ProcessBuilder("python3", "-c",
          "import importlib.metadata as m; v = m.version('flask'); assert v.startswith('3.1'), v; print(v)")
          .redirectErrorStream(true), "", Duration.ofSeconds(30));
      if (!check.succeeded()) {
        return "python3 has no Flask 3.1 (" + check.out().trim() + ")";
      }
      return null;
    } catch (IOException e) {
      return "python3 is not available (" + e.getMessage() + ")";
    }
  }
}
