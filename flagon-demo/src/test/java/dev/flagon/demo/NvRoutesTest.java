package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.PlainJson;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /dump, /put-nv and /regenerate on cookie sessions (FlaskSessionRedisIT covers them on Redis). */
class NvRoutesTest {
  private WebServer server;

  @BeforeEach
  void start() throws Exception {
    server = ConformanceServer.start(ConformanceSettings.of(JsonValues.parse(
        "{\"config\": {\"SECRET_KEY\": \"nv-routes-secret-key-0123456789\"}}")), "127.0.0.1", 0, false);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void putNv_everyNvType_dumpGivesItBack() throws Exception {
    List<String> values = List.of("12345", "{\"type\":\"int\",\"value\":\"18446744073709551616\"}",
        "{\"type\":\"float\",\"value\":\"1e+16\"}", "{\"type\":\"float\",\"value\":\"nan\"}", "\"h\u00e9llo\"",
        "[1,\"a\",null,true]", "{\"type\":\"tuple\",\"items\":[1,\"a\"]}",
        "{\"type\":\"dict\",\"entries\":[[\"a\",{\"type\":\"bytes\",\"base64\":\"AP8=\"}]]}",
        "{\"type\":\"markup\",\"value\":\"<b>hi</b>\"}",
        "{\"type\":\"uuid\",\"value\":\"12345678-1234-5678-1234-567812345678\"}",
        "{\"type\":\"uuid\",\"value\":\"12345678-1234-5678-1234-567812345678\"}");
    // Flask's tagged JSON keeps datetimes as HTTP dates: whole seconds, read back aware (UTC)
    String datetime = "{\"type\":\"datetime\",\"value\":\"2024-01-02T03:04:05+00:00\"}";
    values = new java.util.ArrayList<>(values);
    values.add("{\"type\":\"datetime\",\"value\":\"2024-01-02T03:04:05.678901+00:00\"}");
    values.add("{\"type\":\"datetime\",\"value\":\"2024-01-02T03:04:05\"}");
    String cookie = null;
    for (int i = 0; i < values.size(); i++) {
      HttpResponse<String> put = TestHttp.get(server.baseUrl() + "/put-nv?key=k" + i + "&value="
          + URLEncoder.encode(values.get(i), StandardCharsets.UTF_8), cookie);
      assertThat(put.body()).isEqualTo("ok");
      cookie = TestHttp.cookiePair(TestHttp.onlySetCookie(put));
    }
    HttpResponse<String> dump = TestHttp.get(server.baseUrl() + "/dump", cookie);
    assertThat(dump.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
        "application/json"));
    @SuppressWarnings("unchecked")
    Map<String, Object> session = (Map<String, Object>) PlainJson.parse(dump.body());
    assertThat(session.get("type")).isEqualTo("dict");
    Map<Object, Object> entries = new java.util.HashMap<>(); // Flask sorts a cookie session's keys
    ((List<?>) session.get("entries")).forEach(e -> entries.put(((List<?>) e).get(0), ((List<?>) e).get(1)));
    assertThat(entries).hasSize(values.size());
    for (int i = 0; i < values.size(); i++) {
      Object expected = PlainJson.parse(i >= values.size() - 2 ? datetime : values.get(i));
      assertThat(entries.get("k" + i)).as(values.get(i)).isEqualTo(expected);
    }
  }

  @Test
  void putNv_missingArgument_400_notNv_500() throws Exception {
    assertThat(TestHttp.get(server.baseUrl() + "/put-nv?key=k", null).statusCode()).isEqualTo(400);
    assertThat(TestHttp.get(server.baseUrl() + "/put-nv?key=k&value=%7B", null).statusCode()).isEqualTo(500);
    assertThat(TestHttp.get(server.baseUrl() + "/put-nv?key=k&value=0.5", null).statusCode()).isEqualTo(500);
  }

  @Test
  void regenerate_cookieSession_reissuesTheCookieWithTheSameData() throws Exception {
    String cookie = TestHttp.cookiePair(TestHttp.onlySetCookie(TestHttp.get(server.baseUrl() + "/login", null)));
    HttpResponse<String> regenerated = TestHttp.get(server.baseUrl() + "/regenerate", cookie);
    assertThat(regenerated.body()).isEqualTo("ok");
    String again = TestHttp.cookiePair(TestHttp.onlySetCookie(regenerated));
    assertThat(TestHttp.get(server.baseUrl() + "/", again).body()).isEqualTo("Logged in as user 12345");
    assertThat(TestHttp.get(server.baseUrl() + "/dump", null).body()).isEqualTo("{\"type\":\"dict\",\"entries\":[]}");
  }
}
