package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.LivePython;
import dev.flagon.testing.Subprocess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The conformance server and its Flask twin ({@code src/test/python/login_app.py}: real Flask-Login 0.6.3
 * and Flask-WTF 1.3.0) on one settings file, both with the test clock ({@code X-Test-Now}).
 */
final class LoginServers implements AutoCloseable {
  private final WebServer java;
  private final Process flask;
  private final String flaskUrl;

  private LoginServers(WebServer java, Process flask, String flaskUrl) {
    this.java = java;
    this.flask = flask;
    this.flaskUrl = flaskUrl;
  }

  /** Starts both on the {@code config} member given as JSON text. */
  static LoginServers start(Path dir, String configJson) throws Exception {
    String python = LivePython.require("flask_login", "flask_wtf");
    Path file = Files.writeString(dir.resolve("login-config.json"), "{\"config\": " + configJson + "}");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process flask = new ProcessBuilder(python, Path.of("src/test/python/login_app.py").toAbsolutePath().toString(),
        "--port", Integer.toString(port), "--config", file.toString(), "--test-clock")
        .redirectErrorStream(true).start();
    WebServer java = null;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(flask.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("listening on http://127.0.0.1:" + port);
      drain(out);
      java = ConformanceServer.start(ConformanceSettings.read(file), "127.0.0.1", 0, true);
      return new LoginServers(java, flask, "http://127.0.0.1:" + port);
    } catch (Exception | Error e) {
      Subprocess.stop(flask, Duration.ofSeconds(10));
      throw e;
    }
  }

  /** Keeps reading the app's output so that it never blocks on a full pipe. */
  private static void drain(BufferedReader out) {
    Thread reader = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // request log lines: not needed
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
  }

  String java() {
    return java.baseUrl();
  }

  String flask() {
    return flaskUrl;
  }

  /** The base URL of {@code "java"} or {@code "flask"}. */
  String url(String side) {
    return side.equals("java") ? java() : flask();
  }

  /** The base URL of the side that is not {@code side}. */
  String otherThan(String side) {
    return side.equals("java") ? flask() : java();
  }

  @Override
  public void close() {
    try {
      java.close();
    } finally {
      Subprocess.stop(flask, Duration.ofSeconds(10));
    }
  }
}
