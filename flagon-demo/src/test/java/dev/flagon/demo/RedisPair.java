package dev.flagon.demo;

import dev.flagon.redis.testing.RedisServer;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One real redis-server, the conformance server on it ({@code SESSION_TYPE=redis}, in process, with the test
 * clock) and, when asked, real Flask-Session 0.8 on the same Redis (flagon-redis's flask_session_app.py) with
 * the same settings: the live peers of the Redis tests.
 */
final class RedisPair implements AutoCloseable {
  static final String KEY = "redis-pair-secret-key-0123456789";

  final RedisServer redis;
  final WebServer flagon;
  private final Process flask;
  private final String flaskUrl;

  private RedisPair(RedisServer redis, WebServer flagon, Process flask, String flaskUrl) {
    this.redis = redis;
    this.flagon = flagon;
    this.flask = flask;
    this.flaskUrl = flaskUrl;
  }

  /** Starts the pair; {@code settings} are Flask's and Flask-Session's, over SECRET_KEY and the Redis URL. */
  static RedisPair start(Map<String, Object> settings, boolean withFlask, Path dir) throws Exception {
    RedisServer redis = RedisServer.start();
    try {
      Map<String, Object> config = new LinkedHashMap<>(Map.of("SECRET_KEY", KEY, "SESSION_TYPE", "redis",
          "SESSION_REDIS", redis.url()));
      config.putAll(settings);
      String json = JsonText.object(Map.of("config", config));
      WebServer flagon = ConformanceServer.start(ConformanceSettings.of(JsonValues.parse(json)), "127.0.0.1", 0,
          true);
      if (!withFlask) {
        return new RedisPair(redis, flagon, null, null);
      }
      String python = LivePython.require("flask_session", "msgspec", "redis");
      Path configFile = dir.resolve("flask-session.json");
      Files.writeString(configFile, json);
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      Process flask = new ProcessBuilder(python,
          Path.of("../flagon-redis/src/test/python/flask_session_app.py").toAbsolutePath().toString(),
          "--port", Integer.toString(port), "--config", configFile.toString(), "--test-clock")
          .redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(flask.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      if (first == null || !first.startsWith("listening on ")) {
        flask.destroyForcibly();
        throw new IllegalStateException("the Flask-Session app did not start: " + first);
      }
      Thread drain = new Thread(() -> out.lines().forEach(line -> { }), "flask-session-output");
      drain.setDaemon(true);
      drain.start();
      return new RedisPair(redis, flagon, flask, first.substring("listening on ".length()));
    } catch (Exception | Error e) {
      redis.close();
      throw e;
    }
  }

  String flagonUrl() {
    return flagon.baseUrl();
  }

  String flaskUrl() {
    return flaskUrl;
  }

  @Override
  public void close() throws Exception {
    try {
      flagon.close();
    } finally {
      if (flask != null) {
        Subprocess.stop(flask, Duration.ofSeconds(10));
      }
      redis.close();
    }
  }

  /** Plain JSON text of settings values (strings, numbers, booleans, maps). */
  static final class JsonText {
    private JsonText() {}

    static String object(Map<String, ?> map) {
      StringBuilder text = new StringBuilder("{");
      map.forEach((k, v) -> text.append(text.length() > 1 ? ", " : "").append(value(k)).append(": ")
          .append(value(v)));
      return text.append('}').toString();
    }

    @SuppressWarnings("unchecked")
    private static String value(Object v) {
      if (v instanceof Map<?, ?> map) {
        return object((Map<String, ?>) map);
      }
      if (v instanceof String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      }
      return String.valueOf(v);
    }
  }
}
