package dev.flagon.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.SizePolicy;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays Flask's recorded HTTP flows (vectors/http-vectors.json from flagon-core's tests) against the
 * route catalog behind a FlagonFilter on Jetty: status, body, every Set-Cookie byte for byte, and whether
 * Vary holds Cookie.
 */
class HttpVectorsIT {

  @SuppressWarnings("unchecked")
  static Stream<Map<String, Object>> flows() throws Exception {
    try (InputStream in = HttpVectorsIT.class.getResourceAsStream("/vectors/http-vectors.json")) {
      Map<String, Object> root = (Map<String, Object>) Json.read(in);
      return ((List<Map<String, Object>>) root.get("cases")).stream()
          // Flagon refuses to start without SECRET_KEY (FlagonFilterTest) where Flask serves a null session
          .filter(flow -> ((Map<String, Object>) flow.get("config")).get("SECRET_KEY") != null);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flows")
  @SuppressWarnings("unchecked")
  void flaskFlow_replayedOnJetty_matchesFlaskByteForByte(Map<String, Object> flow) throws Exception {
    Map<String, Object> flaskConfig = new HashMap<>((Map<String, Object>) flow.get("config"));
    flaskConfig.values().removeIf(v -> v == null);
    MutableClock clock = new MutableClock(Instant.EPOCH);
    // Flask only warns about a large cookie: the WARN policy does the same
    FlagonConfig config = FlagonConfig.fromMap(flaskConfig).toBuilder()
        .clock(clock).sizePolicy(SizePolicy.WARN).build();
    try (LogCapture logs = new LogCapture("dev.flagon"); // the core logs Werkzeug's size warning
        TestServer server = TestServer.start(new FlagonFilter(Flagon.create(config)),
            Map.of("/", new FlaskRoutes()))) {
      int index = 0;
      for (Map<String, Object> step : (List<Map<String, Object>>) flow.get("steps")) {
        String where = flow.get("name") + " step " + index++;
        clock.set(Instant.ofEpochSecond(((Number) step.get("now")).longValue()));
        Map<String, Object> request = (Map<String, Object>) step.get("request");
        String[] cookies = ((List<List<String>>) request.get("headers")).stream()
            .filter(h -> h.get(0).equalsIgnoreCase("Cookie")).map(h -> h.get(1)).toArray(String[]::new);

        HttpResponse<String> response = server.get((String) request.get("path"), cookies);

        Map<String, Object> expected = (Map<String, Object>) step.get("response");
        assertThat(response.statusCode()).as(where + " status").isEqualTo(expected.get("status"));
        if (response.statusCode() == 200) {
          assertThat(response.body()).as(where + " body").isEqualTo(expected.get("body"));
        }
        assertThat(TestServer.setCookies(response)).as(where + " Set-Cookie")
            .isEqualTo(step.get("set_cookie"));
        assertThat(TestServer.vary(response)).as(where + " Vary")
            .isEqualTo(step.get("vary") == null ? List.of() : List.of("Cookie"));
        for (String warning : (List<String>) step.get("warnings")) {
          logs.await(Level.WARNING, warning);
        }
      }
    }
  }
}
