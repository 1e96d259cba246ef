package dev.flagon.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.SizePolicy;
import dev.flagon.javalin.HttpFlows.Flow;
import dev.flagon.javalin.HttpFlows.Step;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP behaviour contract on Javalin: Flask's recorded flows replayed on a real server running the route
 * catalog behind {@link FlagonPlugin}. Status, body (the Location of redirects, whose Werkzeug page is
 * informational), every {@code Set-Cookie} byte for byte, {@code Vary: Cookie}, and Werkzeug's size warning.
 */
class HttpVectorsIT {
  private static final Map<String, Object> FLASK_SIGNING =
      Map.of("salt", "cookie-session", "digest", "sha1", "key_derivation", "hmac");

  /** The flows Flagon can serve: Flask's null session (no SECRET_KEY) is refused at startup instead. */
  static List<Flow> flowsWithKey() {
    return HttpFlows.all().stream().filter(flow -> flow.config().containsKey("SECRET_KEY")).toList();
  }

  @Test
  void vectors_publicFlows_allReplayedButTheNullSession() {
    assertThat(HttpFlows.all()).hasSize(14);
    assertThat(flowsWithKey()).extracting(Flow::name).hasSize(13).doesNotContain("http_no_secret_key");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flowsWithKey")
  void flaskFlow_replayedOnJavalin_matchesFlaskByteForByte(Flow flow) throws Exception {
    assertThat(flow.signing()).as("Flask's fixed signing").isEqualTo(FLASK_SIGNING);
    // Flask only warns about a large cookie: the WARN policy does the same.
    FlagonConfig config = FlagonConfig.fromMap(flow.config()).toBuilder()
        .clock(new RequestClock())
        .sizePolicy(SizePolicy.WARN)
        .build();
    SoftAssertions softly = new SoftAssertions();
    try (LogCapture logs = LogCapture.of("dev.flagon");
        TestServer server = TestServer.start(Flagon.create(config), FlaskRoutes::addTo)) {
      for (int i = 0; i < flow.steps().size(); i++) {
        Step step = flow.steps().get(i);
        String where = flow.name() + " step " + i + " (GET " + abbreviate(step.path()) + ")";
        int logged = logs.messages(Level.WARNING).size();

        HttpResponse<String> response = server.get(step.path(), headers(step));

        softly.assertThat(response.statusCode()).as(where + " status").isEqualTo(step.status());
        if (step.status() / 100 == 3) {
          softly.assertThat(response.headers().firstValue("Location")).as(where + " Location")
              .contains(step.location());
        } else {
          softly.assertThat(response.body()).as(where + " body").isEqualTo(step.body());
        }
        softly.assertThat(TestServer.setCookies(response)).as(where + " Set-Cookie")
            .containsExactlyElementsOf(step.setCookies());
        softly.assertThat(TestServer.vary(response)).as(where + " Vary")
            .isEqualTo(step.vary() == null ? List.of() : List.of(step.vary()));
        List<String> warnings = logs.messages(Level.WARNING);
        softly.assertThat(warnings.subList(logged, warnings.size())).as(where + " warnings")
            .containsExactlyElementsOf(step.warnings());
      }
    }
    softly.assertAll();
  }

  /**
   * Flask serves a null session without SECRET_KEY (reads empty, a write is a 500). Flagon refuses to build
   * instead, so that a missing key fails at startup; only the demo's conformance server emulates the null
   * session, to replay that flow.
   */
  @Test
  void flaskConfig_withoutSecretKey_isRefusedAtStartup() {
    Flow flow = HttpFlows.named("http_no_secret_key");
    assertThat(flow.config()).doesNotContainKey("SECRET_KEY");

    assertThatThrownBy(() -> FlagonConfig.fromMap(flow.config()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SECRET_KEY");
  }

  private static String[] headers(Step step) {
    List<String> headers = new ArrayList<>(List.of(RequestClock.HEADER, Long.toString(step.now())));
    step.cookieHeaders().forEach(cookie -> headers.addAll(List.of("Cookie", cookie)));
    return headers.toArray(String[]::new);
  }

  private static String abbreviate(String path) {
    return path.length() <= 60 ? path : path.substring(0, 60) + "...";
  }
}
