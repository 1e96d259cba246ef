package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.demo.HttpVectors.Flow;
import dev.flagon.demo.HttpVectors.Step;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every flow Flask recorded in {@code http-vectors.json} (and this module's extra flows) against the
 * conformance server on a real socket, and compares status, body, every {@code Set-Cookie} byte for byte,
 * and {@code Vary: Cookie}.
 */
class ConformanceIT {

  static List<Flow> publicFlows() {
    return HttpVectors.flows(HttpVectors.PUBLIC);
  }

  static List<Flow> extraFlows() {
    return HttpVectors.flows(HttpVectors.EXTRA).stream().filter(flow -> !flow.isQuirk()).toList();
  }

  static List<Flow> quirkFlows() {
    return HttpVectors.flows(HttpVectors.EXTRA).stream().filter(Flow::isQuirk).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publicFlows")
  void conformanceServer_replayingFlaskFlow_answersAsFlask(Flow flow) throws Exception {
    replayInProcess(flow);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("extraFlows")
  void conformanceServer_replayingExtraFlaskFlow_answersAsFlask(Flow flow) throws Exception {
    replayInProcess(flow);
  }

  /** Spec 1.7: a port stricter than Python asserts the rejection rather than skipping the case. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("quirkFlows")
  void conformanceServer_pythonQuirkFlow_refusesPayloadAsBadPayload(Flow flow) throws Exception {
    ConformanceSettings settings = ConformanceSettings.of(flow.settings());
    try (WebServer server = ConformanceServer.start(settings, "127.0.0.1", 0, true)) {
      for (Step step : flow.steps()) {
        HttpResponse<String> response = send(step, server.baseUrl());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(TestHttp.setCookies(response)).isEmpty();
        assertThat(TestHttp.variesOnCookie(response)).isFalse();
      }
    }
  }

  @Test
  void conformanceServerScript_withConfigFile_servesFlaskFlow(@TempDir Path dir) throws Exception {
    Flow flow = HttpVectors.flow("http_permanent_60min");
    Path config = Files.writeString(dir.resolve("config.json"), HttpVectors.toJson(flow.settings()));
    Path script = Path.of(System.getProperty("user.dir")).resolveSibling("scripts/conformance-server");
    List<String> command =
        List.of(script.toString(), "--port", "0", "--config", config.toString(), "--test-clock");

    Path log = Path.of("target", "conformance-server.log");
    try (ServerProcess server = ServerProcess.start(command, Map.of(), log, Duration.ofSeconds(60))) {
      assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
      replay(flow, server.baseUrl());
    }
  }

  @Test
  void conformanceServer_testClockOnPublicAddress_refusesToStart() {
    ConformanceSettings settings =
        ConformanceSettings.of(HttpVectors.flow("http_index_anonymous").settings());

    assertThatThrownBy(() -> ConformanceServer.start(settings, "0.0.0.0", 0, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }

  private static void replayInProcess(Flow flow) throws Exception {
    ConformanceSettings settings = ConformanceSettings.of(flow.settings());
    try (WebServer server = ConformanceServer.start(settings, "127.0.0.1", 0, true)) {
      replay(flow, server.baseUrl());
    }
  }

  private static void replay(Flow flow, String baseUrl) throws Exception {
    SoftAssertions softly = new SoftAssertions();
    for (int i = 0; i < flow.steps().size(); i++) {
      Step step = flow.steps().get(i);
      String where = flow.name() + " step " + i + " (" + step.method() + " " + abbreviate(step.path()) + ")";
      HttpResponse<String> response = send(step, baseUrl);

      softly.assertThat(response.statusCode()).as(where + " status").isEqualTo(step.status());
      if (step.status() / 100 == 3) {
        // Redirect bodies are informational (Werkzeug's page); the target is not.
        softly.assertThat(TestHttp.location(response)).as(where + " Location")
            .contains(step.responseHeaders().get("Location"));
      } else {
        softly.assertThat(response.body()).as(where + " body").isEqualTo(step.body());
      }
      softly.assertThat(TestHttp.setCookies(response)).as(where + " Set-Cookie")
          .containsExactlyElementsOf(step.setCookies());
      softly.assertThat(TestHttp.variesOnCookie(response)).as(where + " Vary: Cookie")
          .isEqualTo("Cookie".equals(step.vary()));
    }
    softly.assertAll();
  }

  /** The step's request exactly as recorded (method, path, headers), at the step's time. */
  private static HttpResponse<String> send(Step step, String baseUrl) throws Exception {
    List<String> headers = new ArrayList<>(List.of(TestClockFilter.HEADER, Long.toString(step.now())));
    step.headers().forEach(headers::addAll);
    return TestHttp.send(step.method(), baseUrl + step.path(), null, headers.toArray(String[]::new));
  }

  private static String abbreviate(String path) {
    return path.length() <= 60 ? path : path.substring(0, 60) + "...";
  }
}
