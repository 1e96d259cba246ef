package dev.flagon.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.SizePolicy;
import dev.flagon.testing.FlowReplay;
import dev.flagon.testing.HttpFlow;
import dev.flagon.testing.HttpFlows;
import dev.flagon.testing.OneConnection;
import dev.flagon.testing.RequestClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP behaviour contract on Javalin: Flask's recorded flows replayed by the shared runner
 * ({@link FlowReplay}, flagon-core's test-jar) on a real server running the route catalog behind
 * {@link FlagonPlugin}: status, body or Location, every {@code Set-Cookie} byte for byte,
 * {@code Vary: Cookie}, and Werkzeug's size warning (the size policy is WARN, as Flask only warns).
 */
class HttpVectorsIT {
  private static final Map<String, Object> FLASK_SIGNING =
      Map.of("salt", "cookie-session", "digest", "sha1", "key_derivation", "hmac");

  /** The flows Flagon can serve: Flask's null session (no SECRET_KEY) is refused at startup instead. */
  static List<HttpFlow> flowsWithKey() {
    return HttpFlows.all().stream().filter(flow -> flow.config().get("SECRET_KEY") != null).toList();
  }

  @Test
  void vectors_publicFlows_allReplayedButTheNullSession() {
    assertThat(HttpFlows.all()).hasSize(14);
    assertThat(flowsWithKey()).extracting(HttpFlow::name).hasSize(13).doesNotContain("http_no_secret_key");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flowsWithKey")
  void flaskFlow_replayedOnJavalin_matchesFlaskByteForByte(HttpFlow flow) {
    try (LogCapture logs = LogCapture.of("dev.flagon");
        TestServer server = TestServer.start(flagon(flow), FlaskRoutes::addTo)) {
      FlowReplay.replay(flow, server.baseUrl());

      // Werkzeug's size warning, logged by Flagon with the same text, once (not again by the plugin).
      assertThat(logs.messages(Level.WARNING)).as(flow + " warnings")
          .containsExactlyElementsOf(
              flow.steps().stream().flatMap(step -> step.warnings().stream()).toList());
    }
  }

  /** Each request on a keep-alive connection is answered from its own Cookie header, even one differing only in case. */
  @Test
  void validAndTamperedCookies_onOneConnection_eachAnsweredFromItsOwnCookie() {
    HttpFlow flow = HttpFlows.named("http_login_index_logout");
    try (TestServer server = TestServer.start(flagon(flow), FlaskRoutes::addTo)) {
      OneConnection.assertNoCrossTalk(server.baseUrl(), "session",
          FlowReplay.CLOCK_HEADER, Long.toString(flow.steps().get(0).now()));
    }
  }

  /**
   * Flask serves a null session without SECRET_KEY (reads empty, a write is a 500). Flagon refuses to build
   * instead, so that a missing key fails at startup; only the demo's conformance server emulates the null
   * session, to replay that flow.
   */
  @Test
  void flaskConfig_withoutSecretKey_isRefusedAtStartup() {
    HttpFlow flow = HttpFlows.named("http_no_secret_key");

    assertThatThrownBy(() -> FlagonConfig.fromMap(flaskConfig(flow)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SECRET_KEY");
  }

  private static Flagon flagon(HttpFlow flow) {
    assertThat(flow.signing()).as("Flask's fixed signing").isEqualTo(FLASK_SIGNING);
    return Flagon.create(FlagonConfig.fromMap(flaskConfig(flow)).toBuilder()
        .clock(new RequestClock())
        .sizePolicy(SizePolicy.WARN)
        .build());
  }

  /** The flow's Flask config without its JSON nulls (Flask's None: not set). */
  private static Map<String, Object> flaskConfig(HttpFlow flow) {
    Map<String, Object> config = new HashMap<>(flow.config());
    config.values().removeIf(Objects::isNull);
    return config;
  }
}
