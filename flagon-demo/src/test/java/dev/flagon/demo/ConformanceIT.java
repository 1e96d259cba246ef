package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.testing.FlowReplay;
import dev.flagon.testing.HttpFlow;
import dev.flagon.testing.HttpFlow.Step;
import dev.flagon.testing.HttpFlows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every flow Flask recorded in {@code http-vectors.json} (and this module's extra flows) against the
 * conformance server on a real socket with the runner every integration shares
 * ({@link FlowReplay}): status, body, every {@code Set-Cookie} byte for byte, and {@code Vary: Cookie}.
 */
class ConformanceIT {

  static List<HttpFlow> publicFlows() {
    return HttpFlows.all();
  }

  static List<HttpFlow> extraFlows() {
    return HttpFlows.read(HttpVectors.EXTRA).stream().filter(flow -> !flow.hasTag("quirk")).toList();
  }

  static List<HttpFlow> quirkFlows() {
    return HttpFlows.read(HttpVectors.EXTRA).stream().filter(flow -> flow.hasTag("quirk")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publicFlows")
  void conformanceServer_replayingFlaskFlow_answersAsFlask(HttpFlow flow) throws Exception {
    replayInProcess(flow);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("extraFlows")
  void conformanceServer_replayingExtraFlaskFlow_answersAsFlask(HttpFlow flow) throws Exception {
    replayInProcess(flow);
  }

  /** Spec 1.7: a port stricter than Python asserts the rejection rather than skipping the case. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("quirkFlows")
  void conformanceServer_pythonQuirkFlow_refusesPayloadAsBadPayload(HttpFlow flow) throws Exception {
    ConformanceSettings settings = ConformanceSettings.of(HttpVectors.settings(flow));
    try (WebServer server = ConformanceServer.start(settings, "127.0.0.1", 0, true)) {
      for (Step step : flow.steps()) {
        FlowReplay.Response response = FlowReplay.send(server.baseUrl(), step);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.all("Set-Cookie")).isEmpty();
        assertThat(FlowReplay.variesOnCookie(response)).isFalse();
      }
    }
  }

  @Test
  void conformanceServerScript_withConfigFile_servesFlaskFlow(@TempDir Path dir) throws Exception {
    HttpFlow flow = HttpFlows.named("http_permanent_60min");
    String settings = HttpVectors.toJson(HttpVectors.settings(flow));
    Path config = Files.writeString(dir.resolve("config.json"), settings);
    Path script = Path.of(System.getProperty("user.dir")).resolveSibling("scripts/conformance-server");
    List<String> command =
        List.of(script.toString(), "--port", "0", "--config", config.toString(), "--test-clock");

    Path log = Path.of("target", "conformance-server.log");
    try (ServerProcess server = ServerProcess.start(command, Map.of(), log, Duration.ofSeconds(60))) {
      assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
      FlowReplay.replay(flow, server.baseUrl());
    }
  }

  @Test
  void conformanceServer_testClockOnPublicAddress_refusesToStart() {
    ConformanceSettings settings =
        ConformanceSettings.of(HttpVectors.settings(HttpFlows.named("http_index_anonymous")));

    assertThatThrownBy(() -> ConformanceServer.start(settings, "0.0.0.0", 0, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }

  private static void replayInProcess(HttpFlow flow) throws Exception {
    ConformanceSettings settings = ConformanceSettings.of(HttpVectors.settings(flow));
    try (WebServer server = ConformanceServer.start(settings, "127.0.0.1", 0, true)) {
      FlowReplay.replay(flow, server.baseUrl());
    }
  }
}
