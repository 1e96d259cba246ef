package dev.flagon.demo;

import dev.flagon.testing.LivePython;
import dev.flagon.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The conformance server and its Flask twin ({@code src/test/python/login_app.py}: real Flask-Login 0.6.3
 * and Flask-WTF 1.3.0) on one settings file, both with the test clock ({@code X-Test-Now}).
 */
final class LoginServers implements AutoCloseable {
  private final WebServer java;
  private final ServerProcess flask;

  private LoginServers(WebServer java, ServerProcess flask) {
    this.java = java;
    this.flask = flask;
  }

  /** Starts both on the {@code config} member given as JSON text. */
  static LoginServers start(Path dir, String configJson) throws Exception {
    String python = LivePython.require("flask_login", "flask_wtf");
    Path file = Files.writeString(dir.resolve("login-config.json"), "{\"config\": " + configJson + "}");
    ServerProcess flask = ServerProcess.start(List.of(python,
        Path.of("src/test/python/login_app.py").toAbsolutePath().toString(), "--port", "0", "--config",
        file.toString(), "--test-clock"), Map.of(), dir.resolve("login-app.log"), Duration.ofSeconds(30));
    try {
      return new LoginServers(ConformanceServer.start(ConformanceSettings.read(file), "127.0.0.1", 0, true), flask);
    } catch (Exception | Error e) {
      flask.close();
      throw e;
    }
  }

  String java() {
    return java.baseUrl();
  }

  String flask() {
    return flask.baseUrl();
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
      flask.close();
    }
  }
}
