package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.testing.FlowReplay;
import dev.flagon.testing.HttpFlow;
import dev.flagon.testing.HttpFlow.Step;
import dev.flagon.testing.HttpFlows;
import dev.flagon.testing.OneConnection;
import dev.flagon.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every flow Flask recorded in {@code http-vectors.json} (and this module's extra flows) against the
 * conformance server on a real socket with the runner every integration shares
 * ({@link FlowReplay}): status, body, every {@code Set-Cookie} byte for byte, and {@code Vary: Cookie}.
 * The same flows run on each session implementation the server offers, proving the seam: Flask's signed
 * cookie, split cookies ({@code SESSION_SIZE_POLICY=split}: byte for byte while a session fits one cookie)
 * and the encrypted format ({@code SESSION_FORMAT=encrypted}: other bytes, so the cookie's action).
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

  static List<HttpFlow> everyFlow() {
    return Stream.concat(publicFlows().stream(), extraFlows().stream()).toList();
  }

  /** Flows whose every cookie a format other than Flask's can stand in for (no cookie from outside). */
  static List<HttpFlow> ownCookieFlows() {
    List<HttpFlow> flows = everyFlow().stream().filter(FlowReplay::carryOnlyTheirOwnCookies).toList();
    assertThat(flows).hasSizeGreaterThan(everyFlow().size() / 2); // the filter must not empty the test
    return flows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyFlow")
  void conformanceServer_splitCookies_answersAsFlaskByteForByteWhileOneCookieFits(HttpFlow flow)
      throws Exception {
    HttpFlow split = withConfig(flow, "SESSION_SIZE_POLICY", "split");
    boolean oversized = flow.steps().stream().anyMatch(step -> !step.warnings().isEmpty());
    try (WebServer server = start(split)) {
      if (oversized) {
        FlowReplay.replayActions(split, server.baseUrl()); // Flask sends one cookie past the limit: chunks here
      } else {
        FlowReplay.replay(split, server.baseUrl());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ownCookieFlows")
  void conformanceServer_encryptedCookies_answersAsFlaskButForTheCookieBytes(HttpFlow flow) throws Exception {
    HttpFlow encrypted = withConfig(flow, "SESSION_FORMAT", "encrypted");
    try (WebServer server = start(encrypted)) {
      FlowReplay.replayActions(encrypted, server.baseUrl());
    }
  }

  @Test
  void conformanceServer_encryptedCookies_areCompactJweNotFlasksToken() throws Exception {
    HttpFlow flow = HttpFlows.named("http_login_index_logout");
    HttpFlow encrypted = withConfig(flow, "SESSION_FORMAT", "encrypted");
    try (WebServer server = start(encrypted)) {
      String cookie = FlowReplay.send(server.baseUrl(), encrypted.steps().get(0)).all("Set-Cookie").get(0);
      String value = cookie.substring("session=".length(), cookie.indexOf(';'));

      assertThat(value.split("\\.", -1)).hasSize(5); // header.key.iv.ciphertext.tag
      assertThat(cookie).isNotEqualTo(flow.steps().get(0).setCookies().get(0));
    }
  }

  @Test
  void conformanceServer_splitCookies_oversizedSessionIsCarriedInChunks() throws Exception {
    HttpFlow split = withConfig(HttpFlows.named("http_large_cookie_warning"), "SESSION_SIZE_POLICY", "split");
    try (WebServer server = start(split)) {
      FlowReplay.Response response = FlowReplay.send(server.baseUrl(), split.steps().get(0));

      assertThat(response.all("Set-Cookie")).hasSizeGreaterThan(1)
          .allSatisfy(cookie -> assertThat(cookie.length()).isLessThanOrEqualTo(4093));
      assertThat(response.all("Set-Cookie").get(1)).startsWith("session.1=");
    }
  }

  /** CrossFrameworkIT once saw a tampered cookie answered as the valid one sent before it on the connection. */
  @Test
  void conformanceServer_validAndTamperedCookiesOnOneConnection_eachAnsweredFromItsOwnCookie() throws Exception {
    HttpFlow flow = HttpFlows.named("http_login_index_logout");
    try (WebServer server = start(flow)) {
      OneConnection.assertNoCrossTalk(server.baseUrl(), "session",
          FlowReplay.CLOCK_HEADER, Long.toString(flow.steps().get(0).now()));
    }
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
    try (WebServer server = start(flow)) {
      FlowReplay.replay(flow, server.baseUrl());
    }
  }

  private static WebServer start(HttpFlow flow) throws Exception {
    return ConformanceServer.start(ConformanceSettings.of(HttpVectors.settings(flow)), "127.0.0.1", 0, true);
  }

  /** The flow under one more setting in its config file. */
  private static HttpFlow withConfig(HttpFlow flow, String name, Object value) {
    Map<String, Object> config = new LinkedHashMap<>(flow.config());
    config.put(name, value);
    return new HttpFlow(flow.name(), flow.tags(), config, flow.signing(), flow.steps());
  }
}
