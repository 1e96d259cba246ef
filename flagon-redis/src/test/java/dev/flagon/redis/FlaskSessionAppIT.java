package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.codec.Secret;
import dev.flagon.json.NvValues;
import dev.flagon.json.Tuple;
import dev.flagon.redis.testing.RedisServer;
import dev.flagon.testing.LivePython;
import dev.flagon.testing.PlainJson;
import dev.flagon.testing.ServerProcess;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real Flask-Session 0.8 (src/test/python/flask_session_app.py) and Flagon on one real Redis: what
 * Flask-Session stores Flagon reads as Flask-Session does, byte for byte when written back, and what Flagon
 * stores Flask-Session reads as Flagon says it will.
 */
class FlaskSessionAppIT {
  private static final String KEY = "live-test-secret-key-0123456789";
  private final HttpClient http = HttpClient.newHttpClient();

  @ParameterizedTest
  @CsvSource({"msgpack, false", "json, true"})
  void oneRedis_flaskSessionAndFlagonReadEachOthersSessions(String format, boolean signer, @TempDir Path dir)
      throws Exception {
    String python = LivePython.require("flask_session", "msgspec", "redis");
    Path configFile = dir.resolve("config.json");
    Files.writeString(configFile, "{\"config\": {\"SECRET_KEY\": \"" + KEY + "\", \"PERMANENT_SESSION_LIFETIME\": 3600,"
        + " \"SESSION_SERIALIZATION_FORMAT\": \"" + format + "\", \"SESSION_USE_SIGNER\": " + signer + "}}");
    try (RedisServer redis = RedisServer.start()) {
      RedisSessionConfig config = RedisSessionConfig.fromMap(Map.of("SESSION_TYPE", "redis", "SESSION_REDIS",
          redis.url(), "SESSION_SERIALIZATION_FORMAT", format, "SESSION_USE_SIGNER", signer));
      MsgSpecSerializer serializer = MsgSpecSerializer.of(config.serializationFormat());
      SessionIds ids = SessionIds.create(config, Secret.fromText(KEY));
      RedisSessionStore store = RedisSessionStore.connect(config);
      try (store;
          ServerProcess app = ServerProcess.start(List.of(python,
              Path.of("src/test/python/flask_session_app.py").toAbsolutePath().toString(), "--port", "0",
              "--config", configFile.toString(), "--redis", redis.url()), Map.of(), dir.resolve("app.log"),
              Duration.ofSeconds(30))) {
        String base = app.baseUrl();

        // Flask-Session writes, Flagon reads
        HttpResponse<String> login = get(base + "/login", null);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0].substring("session=".length());
        String id = ids.idFromCookie(cookie).orElseThrow();
        List<String> values = List.of("[1, \"a\"]", "{\"type\":\"tuple\",\"items\":[1,{\"type\":\"bytes\",\"base64\":\"AAE=\"}]}",
            "{\"type\":\"int\",\"value\":\"18446744073709551615\"}", "{\"type\":\"float\",\"value\":\"0.1\"}", "\"héllo 😀\"",
            "{\"type\":\"datetime\",\"value\":\"2024-01-02T03:04:05.678901+02:00\"}",
            "{\"type\":\"uuid\",\"value\":\"12345678-1234-5678-1234-567812345678\"}",
            "{\"type\":\"dict\",\"entries\":[[\"nested\",[true,null]]]}");
        for (int i = 0; i < values.size(); i++) {
          assertThat(get(base + "/put-nv?key=k" + i + "&value=" + URLEncoder.encode(values.get(i), StandardCharsets.UTF_8),
              cookie).body()).isEqualTo("ok");
        }
        Object pythonView = NvValues.fromNv(PlainJson.parse(get(base + "/dump", cookie).body()));
        byte[] stored = store.get(id).orElseThrow();
        Map<String, Object> read = serializer.decode(stored);
        assertThat(NvValues.structurallyEqual(pythonView, read)).as("Flask-Session sees %s, Flagon %s",
            NvValues.describe(pythonView), NvValues.describe(read)).isTrue();
        assertThat(serializer.encode(read)).as("written back byte for byte").isEqualTo(stored);

        // Flagon writes, Flask-Session reads
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("_permanent", true);
        session.put("user_id", 12345);
        session.put("cart", List.of(Tuple.of("apple", 3), Map.of("price", 0.1)));
        session.put("big", BigInteger.TWO.pow(63));
        session.put("when", Instant.parse("2024-01-02T03:04:05.678901Z"));
        session.put("day", LocalDate.parse("2024-01-02"));
        session.put("uuid", UUID.fromString("12345678-1234-5678-1234-567812345678"));
        session.put("raw", new byte[] {0, (byte) 0xff});
        byte[] written = serializer.encode(session);
        store.set(id, written, 3600);
        assertThat(get(base + "/", cookie).body()).isEqualTo("Logged in as user 12345");
        Object seen = NvValues.fromNv(PlainJson.parse(get(base + "/dump", cookie).body()));
        assertThat(NvValues.structurallyEqual(seen, serializer.decode(written))).as("Flask-Session sees %s",
            NvValues.describe(seen)).isTrue();

        // clear on the Python side deletes the entry, for both
        assertThat(get(base + "/clear", cookie).body()).isEqualTo("cleared");
        assertThat(store.get(id)).isEmpty();
      }
    }
  }

  private HttpResponse<String> get(String url, String cookie) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (cookie != null) {
      request.header("Cookie", "session=" + cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
