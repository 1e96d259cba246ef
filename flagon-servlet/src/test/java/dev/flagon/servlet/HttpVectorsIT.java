package dev.flagon.servlet;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.SizePolicy;
import dev.flagon.testing.FlowReplay;
import dev.flagon.testing.HttpFlow;
import dev.flagon.testing.HttpFlows;
import dev.flagon.testing.OneConnection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays Flask's recorded HTTP flows (vectors/http-vectors.json from flagon-core's tests) against the
 * route catalog behind a FlagonFilter on Jetty, with the runner every integration shares
 * ({@link FlowReplay}): status, body, every Set-Cookie byte for byte, and whether Vary holds Cookie.
 */
class HttpVectorsIT {

  static List<HttpFlow> flows() {
    // Flagon refuses to start without SECRET_KEY (FlagonFilterTest) where Flask serves a null session
    return HttpFlows.all().stream().filter(flow -> flow.config().get("SECRET_KEY") != null).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flows")
  void flaskFlow_replayedOnJetty_matchesFlaskByteForByte(HttpFlow flow) throws Exception {
    Map<String, Object> flaskConfig = new HashMap<>(flow.config());
    flaskConfig.values().removeIf(v -> v == null);
    MutableClock clock = new MutableClock(Instant.EPOCH);
    // Flask only warns about a large cookie: the WARN policy does the same
    FlagonConfig config = FlagonConfig.fromMap(flaskConfig).toBuilder()
        .clock(clock).sizePolicy(SizePolicy.WARN).build();
    try (LogCapture logs = new LogCapture("dev.flagon"); // the core logs Werkzeug's size warning
        TestServer server = TestServer.start(new FlagonFilter(Flagon.create(config)),
            Map.of("/", new FlaskRoutes()))) {

      FlowReplay.replay(flow, server.baseUrl(), step -> clock.set(Instant.ofEpochSecond(step.now())));

      for (HttpFlow.Step step : flow.steps()) {
        for (String warning : step.warnings()) {
          logs.await(Level.WARNING, warning);
        }
      }
    }
  }

  /**
   * Each request on a keep-alive connection is answered from its own Cookie header: no lifecycle outlives
   * its request, and Jetty configured as docs/security.md asks (a case-sensitive header cache) reads a
   * cookie differing from the one before it only in letter case as sent.
   */
  @Test
  void validAndTamperedCookies_onOneConnection_eachAnsweredFromItsOwnCookie() throws Exception {
    HttpFlow flow = HttpFlows.named("http_login_index_logout");
    Map<String, Object> flaskConfig = new HashMap<>(flow.config());
    flaskConfig.values().removeIf(v -> v == null);
    FlagonConfig config = FlagonConfig.fromMap(flaskConfig).toBuilder()
        .clock(new MutableClock(Instant.ofEpochSecond(flow.steps().get(0).now()))).build();
    try (TestServer server = TestServer.start(new FlagonFilter(Flagon.create(config)),
        Map.of("/", new FlaskRoutes()))) {
      OneConnection.assertNoCrossTalk(server.baseUrl(), "session");
    }
  }
}
