package dev.flagon.demo;

import dev.flagon.redis.testing.RedisServer;
import dev.flagon.testing.LivePython;
import dev.flagon.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
  private final ServerProcess flask;

  private RedisPair(RedisServer redis, WebServer flagon, ServerProcess flask) {
    this.redis = redis;
    this.flagon = flagon;
    this.flask = flask;
  }

  /** Starts the pair; {@code settings} are Flask's and Flask-Session's, over SECRET_KEY and the Redis URL. */
  static RedisPair start(Map<String, Object> settings, boolean withFlask, Path dir) throws Exception {
    RedisServer redis = RedisServer.start();
    ServerProcess flask = null;
    try {
      Map<String, Object> config = new LinkedHashMap<>(Map.of("SECRET_KEY", KEY, "SESSION_TYPE", "redis",
          "SESSION_REDIS", redis.url()));
      config.putAll(settings);
      String json = JsonText.object(Map.of("config", config));
      if (withFlask) {
        String python = LivePython.require("flask_session", "msgspec", "redis");
        Path configFile = Files.writeString(dir.resolve("flask-session.json"), json);
        flask = ServerProcess.start(List.of(python,
            Path.of("../flagon-redis/src/test/python/flask_session_app.py").toAbsolutePath().toString(),
            "--port", "0", "--config", configFile.toString(), "--test-clock"), Map.of(),
            dir.resolve("flask-session.log"), Duration.ofSeconds(30));
      }
      WebServer flagon = ConformanceServer.start(ConformanceSettings.of(JsonValues.parse(json)), "127.0.0.1", 0,
          true);
      return new RedisPair(redis, flagon, flask);
    } catch (Exception | Error e) {
      if (flask != null) {
        flask.close();
      }
      redis.close();
      throw e;
    }
  }

  String flagonUrl() {
    return flagon.baseUrl();
  }

  String flaskUrl() {
    return flask.baseUrl();
  }

  @Override
  public void close() throws Exception {
    try {
      flagon.close();
    } finally {
      if (flask != null) {
        flask.close();
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
