package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flagon.testing.PlainJson;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Live, at the HTTP level: real Flask-Session 0.8 and the conformance server on SESSION_TYPE=redis, one real
 * Redis, the same settings. Sessions written on either side are read on the other, clear and logout delete
 * the entry for both, every value of docs/redis.md's table crosses as documented, and the cookies (Expires,
 * attributes, Vary) and TTLs are Flask-Session's; with and without SESSION_USE_SIGNER, msgpack and JSON.
 */
class FlaskSessionRedisIT {
  private static final long NOW = 1_767_323_045L; // 2026-01-02T03:04:05Z
  /** NV values written through /put-nv, and what both sides must read back (docs/redis.md's table). */
  private static final List<List<String>> VALUES = List.of(
      List.of("12345", "12345"),
      List.of("{\"type\":\"int\",\"value\":\"18446744073709551615\"}", "{\"type\":\"int\",\"value\":\"18446744073709551615\"}"),
      List.of("{\"type\":\"float\",\"value\":\"0.1\"}", "{\"type\":\"float\",\"value\":\"0.1\"}"),
      List.of("\"h\u00e9llo \ud83d\ude00\"", "\"h\u00e9llo \ud83d\ude00\""),
      List.of("[1, \"a\", null, true]", "[1, \"a\", null, true]"),
      List.of("{\"type\":\"tuple\",\"items\":[1,\"a\"]}", "[1, \"a\"]"),
      List.of("{\"type\":\"dict\",\"entries\":[[\"a\",1]]}", "{\"type\":\"dict\",\"entries\":[[\"a\",1]]}"),
      List.of("{\"type\":\"uuid\",\"value\":\"12345678-1234-5678-1234-567812345678\"}",
          "\"12345678-1234-5678-1234-567812345678\""),
      List.of("{\"type\":\"datetime\",\"value\":\"2024-01-02T00:00:00\"}", "\"2024-01-02T00:00:00\""));
  private static final String BYTES = "{\"type\":\"bytes\",\"base64\":\"AP8=\"}";
  private static final String AWARE = "{\"type\":\"datetime\",\"value\":\"2024-01-02T03:04:05.678901+02:00\"}";

  @ParameterizedTest(name = "{0}, signer {1}")
  @CsvSource({"msgpack, false", "msgpack, true", "json, false", "json, true"})
  void flaskSessionAndFlagon_oneRedis_shareEverySession(String format, boolean signer, @TempDir Path dir)
      throws Exception {
    try (RedisPair pair = RedisPair.start(Map.of("SESSION_SERIALIZATION_FORMAT", format, "SESSION_USE_SIGNER",
        signer, "PERMANENT_SESSION_LIFETIME", 3600), true, dir)) {
      String flask = pair.flaskUrl();
      String flagon = pair.flagonUrl();

      // a login on either side is seen on the other; the Set-Cookie headers are the same bar the id
      HttpResponse<String> flaskLogin = get(flask + "/login", null);
      HttpResponse<String> flagonLogin = get(flagon + "/login", null);
      assertThat(withoutId(flagonLogin)).isEqualTo(withoutId(flaskLogin))
          .isEqualTo("session=ID; Expires=Fri, 02 Jan 2026 04:04:05 GMT; HttpOnly; Path=/");
      assertThat(flagonLogin.headers().allValues("Vary")).isEqualTo(flaskLogin.headers().allValues("Vary"));
      String fromFlask = cookie(flaskLogin);
      String fromFlagon = cookie(flagonLogin);
      assertThat(get(flagon + "/", fromFlask).body()).isEqualTo("Logged in as user 12345");
      assertThat(get(flask + "/", fromFlagon).body()).isEqualTo("Logged in as user 12345");
      assertSameTtl(pair, fromFlask, fromFlagon, 3600, "after /login");

      // every value of the table, written on one side, read alike on both
      for (int i = 0; i < VALUES.size(); i++) {
        crosses(flask, flagon, fromFlask, "py" + i, VALUES.get(i));
        crosses(flagon, flask, fromFlagon, "java" + i, VALUES.get(i));
      }
      String bytesBack = format.equals("msgpack") ? BYTES : "\"AP8=\"";
      crosses(flask, flagon, fromFlask, "bytes", List.of(BYTES, bytesBack));
      crosses(flagon, flask, fromFlagon, "bytes", List.of(BYTES, bytesBack));
      String awareBack = format.equals("msgpack")
          ? "{\"type\":\"datetime\",\"value\":\"2024-01-02T01:04:05.678901+00:00\"}"
          : "\"2024-01-02T03:04:05.678901+02:00\"";
      crosses(flask, flagon, fromFlask, "aware", List.of(AWARE, awareBack));
      crosses(flagon, flask, fromFlagon, "aware", List.of(AWARE, awareBack));
      assertThat(dump(flask, fromFlask)).isEqualTo(dump(flagon, fromFlask));
      assertThat(dump(flask, fromFlagon)).isEqualTo(dump(flagon, fromFlagon));

      // regenerate on either side: a new id, the old entry gone, the data kept
      String regenerated = cookie(get(flagon + "/regenerate", fromFlask));
      assertThat(get(flask + "/", fromFlask).body()).isEqualTo("Not logged in");
      assertThat(get(flask + "/", regenerated).body()).isEqualTo("Logged in as user 12345");
      String again = cookie(get(flask + "/regenerate", regenerated));
      assertThat(get(flagon + "/", regenerated).body()).isEqualTo("Not logged in");
      assertThat(get(flagon + "/", again).body()).isEqualTo("Logged in as user 12345");

      // clear on either side deletes the entry and the cookie, for both
      assertClearDeletes(pair, flagon, flask, again);
      assertClearDeletes(pair, flask, flagon, fromFlagon);
    }
  }

  @ParameterizedTest(name = "SESSION_PERMANENT {0}")
  @CsvSource({"false", "true"})
  void browserAndPermanentSessions_sameCookiesAndTtlsAsFlaskSession(boolean permanent, @TempDir Path dir)
      throws Exception {
    try (RedisPair pair = RedisPair.start(Map.of("SESSION_PERMANENT", permanent, "PERMANENT_SESSION_LIFETIME", 600),
        true, dir)) {
      for (String path : List.of("/login", "/login-permanent", "/static-page", "/")) {
        HttpResponse<String> flask = get(pair.flaskUrl() + path, null);
        HttpResponse<String> flagon = get(pair.flagonUrl() + path, null);
        assertThat(flagon.statusCode()).as(path).isEqualTo(flask.statusCode());
        assertThat(withoutId(flagon)).as(path).isEqualTo(withoutId(flask));
        assertThat(flagon.headers().allValues("Vary")).as(path).isEqualTo(flask.headers().allValues("Vary"));
        if (!flask.headers().allValues("Set-Cookie").isEmpty()) {
          assertSameTtl(pair, cookie(flask), cookie(flagon), 600, path);
          // the next request, unmodified: refreshed (or not) alike
          HttpResponse<String> flaskNext = get(pair.flaskUrl() + "/", cookie(flask));
          HttpResponse<String> flagonNext = get(pair.flagonUrl() + "/", cookie(flagon));
          assertThat(withoutId(flagonNext)).as(path + " then /").isEqualTo(withoutId(flaskNext));
          // logout keeps the permanent flag: both write the entry again, neither deletes it
          get(pair.flaskUrl() + "/logout", cookie(flask));
          get(pair.flagonUrl() + "/logout", cookie(flagon));
          assertThat(exists(pair, cookie(flagon))).as(path + " then /logout").isEqualTo(exists(pair, cookie(flask)));
        }
      }
    }
  }

  private static void assertClearDeletes(RedisPair pair, String clearOn, String other, String cookie)
      throws Exception {
    assertThat(exists(pair, cookie)).isTrue();
    HttpResponse<String> cleared = get(clearOn + "/clear", cookie);
    assertThat(cleared.headers().allValues("Set-Cookie"))
        .containsExactly("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/");
    assertThat(exists(pair, cookie)).isFalse();
    assertThat(get(other + "/", cookie).body()).isEqualTo("Not logged in");
  }

  private static void crosses(String writer, String reader, String cookie, String key, List<String> value)
      throws Exception {
    String url = writer + "/put-nv?key=" + key + "&value=" + URLEncoder.encode(value.get(0), StandardCharsets.UTF_8);
    assertThat(get(url, cookie).body()).as(url).isEqualTo("ok");
    Object expected = PlainJson.parse(value.get(1));
    for (String side : List.of(writer, reader)) {
      Object seen = entry(dump(side, cookie), key);
      assertThat(seen).as("%s written on %s, read on %s", value.get(0), writer, side).isEqualTo(expected);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object entry(Object dump, String key) {
    for (Object pair : (List<Object>) ((Map<String, Object>) dump).get("entries")) {
      List<Object> entry = (List<Object>) pair;
      if (key.equals(entry.get(0))) {
        return entry.get(1);
      }
    }
    throw new AssertionError("no " + key + " in " + dump);
  }

  private static Object dump(String base, String cookie) throws Exception {
    HttpResponse<String> response = get(base + "/dump", cookie);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    Object dump = PlainJson.parse(response.body());
    assertThat(dump).isInstanceOf(Map.class).extracting(d -> ((Map<?, ?>) d).get("type")).isEqualTo("dict");
    return dump;
  }

  private static HttpResponse<String> get(String url, String cookie) throws Exception {
    String now = Long.toString(NOW);
    return cookie == null ? TestHttp.send("GET", url, null, "X-Test-Now", now)
        : TestHttp.send("GET", url, null, "X-Test-Now", now, "Cookie", "session=" + cookie);
  }

  private static String cookie(HttpResponse<String> response) {
    String pair = TestHttp.cookiePair(TestHttp.onlySetCookie(response));
    return pair.substring("session=".length());
  }

  /** The Set-Cookie headers with the cookie's value (the id, signed or not) replaced by ID. */
  private static String withoutId(HttpResponse<String> response) {
    return String.join("\n", response.headers().allValues("Set-Cookie")).replaceAll("^session=[^;]+", "session=ID");
  }

  private static String id(String cookie) {
    return cookie.contains(".") ? cookie.substring(0, cookie.indexOf('.')) : cookie;
  }

  /**
   * Flask-Session's and Flagon's entries expire {@code seconds} after they were written. Compared in
   * milliseconds: TTL rounds to whole seconds, so entries written a few milliseconds apart with the same TTL
   * read one second apart when their ages straddle half a second. Within 0.5 s still tells one second apart.
   */
  private static void assertSameTtl(RedisPair pair, String flaskCookie, String flagonCookie, long seconds,
      String when) {
    long flask = pttl(pair, flaskCookie);
    long flagon = pttl(pair, flagonCookie);
    assertThat(flask).as("Flask-Session's TTL in ms, %s", when).isBetween((seconds - 10) * 1000, seconds * 1000);
    assertThat(flagon).as("Flagon's TTL in ms against Flask-Session's %d, %s", flask, when)
        .isCloseTo(flask, within(500L));
  }

  private static long pttl(RedisPair pair, String cookie) {
    return (Long) pair.redis.command("PTTL", "session:" + id(cookie));
  }

  private static boolean exists(RedisPair pair, String cookie) {
    return (Long) pair.redis.command("EXISTS", "session:" + id(cookie)) == 1L;
  }
}
