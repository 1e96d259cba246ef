package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's and the conformance server's mains in process: a mistake is exactly one line on stderr (no
 * stack trace) with exit status 2, or 1 for a busy port, whose line names --port; the demo says at startup
 * that its cookie is Secure.
 */
class LaunchErrorsTest {
  private static final String KEY = "launch-errors-test-secret-key-0123";

  @TempDir Path dir;

  private static Launch demo(Map<String, String> environment, String... args) throws Exception {
    return Launch.of((out, err, whileRunning) -> DemoApp.run(args, environment, out, err, whileRunning));
  }

  private static Launch conformance(String... args) throws Exception {
    return Launch.of((out, err, whileRunning) -> ConformanceServer.run(args, out, err, whileRunning));
  }

  private static void assertOneLineError(Launch launch, int exit) {
    assertThat(launch.exit()).as(launch.err()).isEqualTo(exit);
    assertThat(launch.out()).isEmpty();
    assertThat(launch.err()).as("exactly one line").matches("[^\\n]+\\n").doesNotContain("\tat ", "Exception");
  }

  @Test
  void demo_refusedKey_isOneLineWithTheAdviceAndExit2() throws Exception {
    Launch launch = demo(Map.of("FLAGON_SECRET_KEY", "changeme"));

    assertOneLineError(launch, 2);
    assertThat(launch.err()).startsWith("invalid configuration (FLAGON_ environment variables): SECRET_KEY")
        .contains("./flagon secret").doesNotContain("changeme");
  }

  @ParameterizedTest
  @ValueSource(strings = {"FLAGON_SESSION_COOKIE_SAMESITE=Bogus", "FLAGON_PERMANENT_SESSION_LIFETIME=soon",
      "FLAGON_MAX_COOKIE_SIZE=-5", "FLAGON_SESSION_COOKIE_NAME=a b"})
  void demo_invalidSetting_isOneLineNamingItAndExit2(String variable) throws Exception {
    String[] entry = variable.split("=", 2);

    Launch launch = demo(Map.of("FLAGON_SECRET_KEY", KEY, entry[0], entry[1]));

    assertOneLineError(launch, 2);
    assertThat(launch.err()).contains(entry[0].substring("FLAGON_".length()));
  }

  @Test
  void demo_portInUse_isOneLineNamingPortOptionAndExit1() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Launch launch = demo(Map.of("FLAGON_SECRET_KEY", KEY), "--port", Integer.toString(busy.getLocalPort()));

      assertOneLineError(launch, 1);
      assertThat(launch.err()).startsWith("cannot listen on port " + busy.getLocalPort() + ": ")
          .contains("--port PORT");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--port", "--port=80", "--port abc", "--bogus"})
  void demo_badArguments_areOneLineWithUsageAndExit2(String args) throws Exception {
    Launch launch = demo(Map.of("FLAGON_SECRET_KEY", KEY), args.split(" "));

    assertOneLineError(launch, 2);
    assertThat(launch.err()).contains("usage: demo [--port PORT]");
  }

  @Test
  void demo_startup_saysTheCookieIsSecureAndHowToTurnItOff() throws Exception {
    Launch launch = demo(Map.of("FLAGON_SECRET_KEY", KEY), "--port", "0");

    assertThat(launch.exit()).as(launch.err()).isZero();
    String[] lines = launch.out().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("Flagon demo running on http://localhost:");
    assertThat(lines[1]).isEqualTo(DemoApp.SECURE_COOKIE_NOTE)
        .contains("Secure", "Python requests", "FLAGON_SESSION_COOKIE_SECURE=false");
  }

  @Test
  void demo_startupWithoutSecure_hasNoNote() throws Exception {
    Launch launch = demo(Map.of("FLAGON_SECRET_KEY", KEY, "FLAGON_SESSION_COOKIE_SECURE", "false"), "--port", "0");

    assertThat(launch.exit()).isZero();
    assertThat(launch.out()).startsWith("Flagon demo running on").doesNotContain("Secure");
  }

  @Test
  void conformanceServer_malformedJson_isOneLineWithItsPositionAndExit2() throws Exception {
    Path config = Files.writeString(dir.resolve("bad.json"), "{\"config\": {\n");

    Launch launch = conformance("--port", "0", "--config", config.toString());

    assertOneLineError(launch, 2);
    assertThat(launch.err()).isEqualTo("cannot use " + config + ": not valid JSON (line 2, column 1)\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"config\": {\"SECRET_KEY\": \"k\", \"SESSION_COOKIE_SAMESITE\": \"Bogus\"}}",
      "{\"config\": {\"SECRET_KEY\": \"k\", \"SESSION_COOKIE_SAMESITE\": \"None\"}}",
      "{\"config\": {\"SECRET_KEY\": {\"type\": \"bytes\", \"base64\": \"!!\"}}}", "[1]"})
  void conformanceServer_invalidSettings_areOneLineAndExit2(String json) throws Exception {
    Path config = Files.writeString(dir.resolve("config.json"), json);

    Launch launch = conformance("--port", "0", "--config", config.toString());

    assertOneLineError(launch, 2);
    assertThat(launch.err()).contains(config.toString());
  }

  @Test
  void conformanceServer_missingFile_isOneLineAndExit2() throws Exception {
    Launch launch = conformance("--port", "0", "--config", dir.resolve("missing.json").toString());

    assertOneLineError(launch, 2);
    assertThat(launch.err()).contains("no such file");
  }

  @Test
  void conformanceServer_portInUse_isOneLineNamingPortOptionAndExit1() throws Exception {
    Path config = Files.writeString(dir.resolve("config.json"), "{\"config\": {\"SECRET_KEY\": \"k\"}}");
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Launch launch = conformance("--port", Integer.toString(busy.getLocalPort()), "--config", config.toString());

      assertOneLineError(launch, 1);
      assertThat(launch.err()).contains("--port PORT");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--port 0", "--config x.json", "--port 0 --config", "--bogus"})
  void conformanceServer_badArguments_areOneLineWithUsageAndExit2(String args) throws Exception {
    Launch launch = conformance(args.split(" "));

    assertOneLineError(launch, 2);
    assertThat(launch.err()).contains("usage: conformance-server");
  }

  @Test
  void conformanceServer_startup_printsTheListeningLine() throws Exception {
    Path config = Files.writeString(dir.resolve("config.json"), "{\"config\": {\"SECRET_KEY\": \"k\"}}");

    Launch launch = conformance("--port", "0", "--config", config.toString());

    assertThat(launch.exit()).as(launch.err()).isZero();
    assertThat(launch.out()).matches("listening on http://127\\.0\\.0\\.1:\\d+\n");
  }
}
